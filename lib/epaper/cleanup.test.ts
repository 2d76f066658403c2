// Deleting superseded 版面 files, on a real database (SQLite and PostgreSQL) with multi-page PDFs
// Chromium prints at test time and pdftoppm renders: the files go only after a commit, and only when
// no row (draft or live, this page, another page or another issue) still shows them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { pagesPdf, type SampleArticle } from '../../test/support/pdf-samples';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createIssue } from '../issues/planner-service';
import { deleteUnreferenced } from './cleanup';
import { epaperDir, IMAGE_WIDTHS, imageName, pdfPath } from './files';
import { renderScan } from './jobs';
import { attachPdf, publishIssueScans, publishPage, removePdf } from './service';

const db = openTestDatabase();
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-cleanup-'));
let actor: Pick<Actor, 'id'>;
let publicationId = '';
const story = (headline: string): SampleArticle => ({
  headline,
  body: `${headline}。柯城区各乡镇街道今天开展了这项工作，群众反映良好。`,
});
/** A one-page or whole-issue (two-page) PDF of its own for each test, so no test shares a file with another. */
const onePage = (name: string) => pagesPdf([[story(`${name}：要闻`)]]);
const twoPages = (name: string) => pagesPdf([[story(`${name}：要闻`)], [story(`${name}：综合`)]]);

afterAll(async () => {
  fs.rmSync(mediaDir, { recursive: true, force: true });
  await db.$disconnect();
});

beforeAll(async () => {
  actor = await makeActor(db, 'EDITOR');
  const publication =
    (await db.publication.findFirst()) ??
    (await db.publication.create({
      data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' },
    }));
  publicationId = publication.id;
}, 60_000);

async function newIssue(number: number): Promise<string> {
  return (await createIssue(db, actor, publicationId, { number, date: '2026-11-27', pageNames: ['要闻', '综合'] })).id;
}

async function upload(
  issueId: string,
  target: { kind: 'issue' } | { kind: 'page'; page: number },
  bytes: Uint8Array,
): Promise<string> {
  const attached = await attachPdf(db, actor, { issueId, target, bytes, mediaDir });
  for (const id of attached.scanIds) await renderScan(db, mediaDir, id);
  const scan = await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } });
  return scan.pdfSha256;
}

const pageImages = (sha256: string, pdfPage: number) =>
  IMAGE_WIDTHS.map((width) => path.join(epaperDir(mediaDir, sha256), imageName(pdfPage, width)));
const hasPdf = (sha256: string) => fs.existsSync(pdfPath(mediaDir, sha256));
const hasImages = (sha256: string, pdfPage: number) => pageImages(sha256, pdfPage).every((file) => fs.existsSync(file));
const hasDir = (sha256: string) => fs.existsSync(epaperDir(mediaDir, sha256));

describe('replacing and removing a page PDF', () => {
  it('deletes a replaced draft PDF with its images at once, when no row shows it', async () => {
    const issueId = await newIssue(931);
    const old = await upload(issueId, { kind: 'page', page: 1 }, await onePage('初版'));
    expect([hasPdf(old), hasImages(old, 1)]).toEqual([true, true]);
    const replacement = await upload(issueId, { kind: 'page', page: 1 }, await onePage('更正版'));
    expect(hasDir(old)).toBe(false);
    expect([hasPdf(replacement), hasImages(replacement, 1)]).toEqual([true, true]);
    await removePdf(db, actor, issueId, 1, mediaDir);
    expect(hasDir(replacement)).toBe(false);
    expect(fs.readdirSync(path.dirname(epaperDir(mediaDir, replacement)))).toEqual([]);
  }, 60_000);

  it('keeps what readers see until the page is published, then deletes only the images no page shows any more', async () => {
    const issueId = await newIssue(932);
    const whole = await upload(issueId, { kind: 'issue' }, await twoPages('整期'));
    // As publishing the issue does (planner-service.ts publishIssue, then its action).
    await deleteUnreferenced(db, mediaDir, await db.$transaction((tx) => publishIssueScans(tx, issueId)));
    const corrected = await upload(issueId, { kind: 'page', page: 1 }, await onePage('单版更正'));
    // The live page 1 still shows the whole-issue PDF's first page.
    expect([hasPdf(whole), hasImages(whole, 1), hasImages(whole, 2)]).toEqual([true, true, true]);
    await publishPage(db, actor, issueId, 1, mediaDir);
    // Page 2 still shows the whole-issue PDF: the PDF and its second page stay, its first page goes.
    expect([hasPdf(whole), hasImages(whole, 2)]).toEqual([true, true]);
    expect(pageImages(whole, 1).some((file) => fs.existsSync(file))).toBe(false);
    await removePdf(db, actor, issueId, 2, mediaDir);
    expect(hasImages(whole, 2)).toBe(true);
    await publishPage(db, actor, issueId, 2, mediaDir);
    expect(hasDir(whole)).toBe(false);
    expect(hasImages(corrected, 1)).toBe(true);
  }, 90_000);

  it('deletes the images of a whole-issue PDF’s page replaced by its own PDF before anything is published; the other page keeps them', async () => {
    const issueId = await newIssue(938);
    const whole = await upload(issueId, { kind: 'issue' }, await twoPages('整期草稿'));
    expect([hasImages(whole, 1), hasImages(whole, 2)]).toEqual([true, true]);
    const own = await upload(issueId, { kind: 'page', page: 2 }, await onePage('第二版单独'));
    expect([hasPdf(whole), hasImages(whole, 1), hasImages(own, 1)]).toEqual([true, true, true]);
    expect(pageImages(whole, 2).some((file) => fs.existsSync(file))).toBe(false);
  }, 60_000);

  it('keeps a PDF another issue still shows (the same file uploaded twice)', async () => {
    const one = await newIssue(933);
    const two = await newIssue(934);
    const bytes = await onePage('两期共用');
    const shared = await upload(one, { kind: 'page', page: 2 }, bytes);
    expect(await upload(two, { kind: 'page', page: 2 }, bytes)).toBe(shared);
    await removePdf(db, actor, one, 2, mediaDir);
    expect([hasPdf(shared), hasImages(shared, 1)]).toEqual([true, true]);
    await upload(two, { kind: 'page', page: 2 }, await onePage('第二期换版'));
    expect(hasDir(shared)).toBe(false);
  }, 60_000);

  it('leaves the rows and every file as they were when the change fails half-way', async () => {
    const issueId = await newIssue(935);
    const old = await upload(issueId, { kind: 'page', page: 1 }, await onePage('失败前'));
    const failing = await twoPages('失败的上传');
    const before = await db.epaperScan.findMany({ where: { page: { issueId } } });
    // An actor that does not exist: the audit event's foreign key fails inside the transaction.
    await expect(
      attachPdf(db, { id: 'no-such-user' }, { issueId, target: { kind: 'issue' }, bytes: failing, mediaDir }),
    ).rejects.toThrow();
    expect(await db.epaperScan.findMany({ where: { page: { issueId } } })).toEqual(before);
    expect([hasPdf(old), hasImages(old, 1)]).toEqual([true, true]);
    const wholeSha = createHash('sha256').update(failing).digest('hex');
    expect(await db.epaperScan.count({ where: { pdfSha256: wholeSha } })).toBe(0);
    expect(hasDir(wholeSha)).toBe(false);
    await expect(removePdf(db, actor, issueId, 2, mediaDir)).rejects.toThrow('第2版没有 PDF');
    expect([hasPdf(old), hasImages(old, 1)]).toEqual([true, true]);
  }, 60_000);
});

describe('a render in progress when its PDF is replaced', () => {
  it('writes no images for the replaced PDF and does not bring its directory back', async () => {
    const issueId = await newIssue(936);
    const replacement = await onePage('渲染中换版');
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'issue' },
      bytes: await twoPages('渲染中'),
      mediaDir,
    });
    const old = (await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } })).pdfSha256;
    const rendering = renderScan(db, mediaDir, attached.scanIds[0]!);
    // Replaced as soon as the job has claimed the page and is rasterising it.
    for (let waited = 0; waited < 10_000; waited += 20) {
      const scan = await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } });
      if (scan.status === 'RENDERING') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await attachPdf(db, actor, { issueId, target: { kind: 'page', page: 1 }, bytes: replacement, mediaDir });
    await rendering;
    // Page 2 still shows the whole-issue PDF: it stays, but nothing of its first page does.
    expect(hasPdf(old)).toBe(true);
    expect(pageImages(old, 1).some((file) => fs.existsSync(file))).toBe(false);
    await removePdf(db, actor, issueId, 2, mediaDir);
    expect(hasDir(old)).toBe(false);
  }, 60_000);

  it('does not recreate the directory of a PDF deleted while its only page rendered', async () => {
    const issueId = await newIssue(937);
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'page', page: 1 },
      bytes: await onePage('渲染中删除'),
      mediaDir,
    });
    const old = (await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } })).pdfSha256;
    const rendering = renderScan(db, mediaDir, attached.scanIds[0]!);
    for (let waited = 0; waited < 10_000; waited += 20) {
      if ((await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } })).status === 'RENDERING')
        break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await removePdf(db, actor, issueId, 1, mediaDir);
    await rendering;
    expect(hasDir(old)).toBe(false);
  }, 60_000);
});
