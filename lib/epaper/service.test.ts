// The 版面 services on a real database with PDFs Chromium prints at test time, rendered by pdftoppm.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { damagedPdf, encryptedPdf, imageOnlyPdf, pagesPdf } from '../../test/support/pdf-samples';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createIssue } from '../issues/planner-service';
import { DAMAGED_PDF, ENCRYPTED_PDF } from '../text/pdf';
import { parseAreas } from './areas';
import { epaperDir, IMAGE_WIDTHS, imageName } from './files';
import { importedAreasJson } from './imported-areas';
import { renderScan } from './jobs';
import { NOT_A_PDF } from './pdf-file';
import { isPageImagePublic, readEpaperPage } from './reader';
import { PDFTOPPM_MISSING } from './render';
import { attachPdf, publishIssueScans, publishPage, removePdf, saveAreas } from './service';

const db = openTestDatabase();
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-service-'));
let actor: Pick<Actor, 'id'>;
let issueId = '';
const ISSUE = 917;
const stories = [
  {
    headline: '柯城区部署冬季安全生产工作',
    body: '今日上午，柯城区召开冬季安全生产工作会议，要求各乡镇街道压实责任，排查隐患，确保群众度过一个平安的冬天。',
  },
  {
    headline: '月亮湾公园新增健身步道',
    body: '月亮湾公园的健身步道日前完工，全长三公里，沿途设有休息亭和饮水点，居民们纷纷前来散步锻炼。',
  },
  {
    headline: '老年食堂开到家门口',
    body: '在信安街道，老年食堂已经覆盖所有社区，老人们只需花十元就能吃上两荤一素的午餐。',
  },
];
const ids: string[] = [];
let twoPages: Uint8Array;

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
  issueId = (
    await createIssue(db, actor, publication.id, { number: ISSUE, date: '2026-11-27', pageNames: ['要闻', '综合'] })
  ).id;
  const pages = await db.issuePage.findMany({ where: { issueId }, orderBy: { number: 'asc' } });
  for (const [index, story] of stories.entries()) {
    const article = await db.article.create({
      data: {
        publicationId: publication.id,
        slug: `epaper-${index}`,
        headline: story.headline,
        body: '{"type":"doc","content":[]}',
        bodyText: story.body,
        createdById: actor.id,
      },
    });
    ids.push(article.id);
    await db.articlePlacement.create({
      data: { articleId: article.id, pageId: pages[index < 2 ? 0 : 1]!.id, position: index + 1 },
    });
  }
  twoPages = await pagesPdf([stories.slice(0, 2), stories.slice(2)]);
}, 120_000);

const scans = () =>
  db.epaperScan.findMany({
    where: { page: { issueId } },
    include: { page: { select: { number: true } } },
    orderBy: [{ stage: 'asc' }],
  });
const draftOf = async (page: number) =>
  (await scans()).find((scan) => scan.stage === 'draft' && scan.page.number === page)!;

describe('attaching a page PDF', () => {
  it('refuses a whole-issue PDF with fewer or more pages than the issue, and changes nothing', async () => {
    const one = await pagesPdf([stories]);
    const three = await pagesPdf([[stories[0]!], [stories[1]!], [stories[2]!]]);
    await expect(attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: one, mediaDir })).rejects.toThrow(
      '这个 PDF 只有 1 页，本期有 2 个版面',
    );
    await expect(attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: three, mediaDir })).rejects.toThrow(
      '这个 PDF 有 3 页，本期只有 2 个版面',
    );
    await expect(
      attachPdf(db, actor, { issueId, target: { kind: 'page', page: 1 }, bytes: twoPages, mediaDir }),
    ).rejects.toThrow('单版 PDF 只能有 1 页');
    expect(await scans()).toEqual([]);
  }, 60_000);

  it('refuses an encrypted, a damaged and a non-PDF file with their reasons', async () => {
    await expect(
      attachPdf(db, actor, { issueId, target: { kind: 'page', page: 1 }, bytes: encryptedPdf(), mediaDir }),
    ).rejects.toThrow(ENCRYPTED_PDF);
    await expect(
      attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: damagedPdf(twoPages), mediaDir }),
    ).rejects.toThrow(DAMAGED_PDF);
    await expect(
      attachPdf(db, actor, {
        issueId,
        target: { kind: 'issue' },
        bytes: new TextEncoder().encode('<html>not a pdf</html>'),
        mediaDir,
      }),
    ).rejects.toThrow(NOT_A_PDF);
    expect(await scans()).toEqual([]);
  });

  it('keeps a whole-issue PDF once, makes both pages drafts, renders them and finds the stories’ areas', async () => {
    const attached = await attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: twoPages, mediaDir });
    expect(attached.pages).toEqual([1, 2]);
    expect((await scans()).map((scan) => [scan.stage, scan.status, scan.pdfPage])).toEqual([
      ['draft', 'PENDING', 1],
      ['draft', 'PENDING', 2],
    ]);
    for (const id of attached.scanIds) await renderScan(db, mediaDir, id);
    const first = await draftOf(1);
    expect(first.status).toBe('READY');
    expect(first.progress).toBe(100);
    expect(first.width).toBe(2400);
    for (const width of IMAGE_WIDTHS)
      expect(fs.existsSync(path.join(epaperDir(mediaDir, first.pdfSha256), imageName(1, width)))).toBe(true);
    expect(
      parseAreas(first.areas)
        .map((area) => area.articleId)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(parseAreas((await draftOf(2)).areas).map((area) => area.articleId)).toEqual([ids[2]]);
    const audit = await db.auditEvent.findMany({ where: { subjectId: issueId, action: 'epaper.attach' } });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.details).sha256).toBe(first.pdfSha256);
  }, 60_000);

  it('saves corrected areas for stories on the page only', async () => {
    const moved = [
      { articleId: ids[0], rects: [{ x: 0.5, y: 0.5, w: 0.2, h: 0.1 }] },
      { articleId: ids[2], rects: [{ x: 0, y: 0, w: 0.1, h: 0.1 }] },
    ];
    const saved = await saveAreas(db, actor, issueId, 1, moved);
    expect(saved).toEqual([moved[0]]);
    expect(parseAreas((await draftOf(1)).areas)).toEqual([moved[0]]);
    await expect(saveAreas(db, actor, issueId, 1, 'nonsense')).rejects.toThrow('稿件区域无效');
  });
});

describe('what readers see', () => {
  it('shows nothing of the PDF until the issue is published, then the published copy only', async () => {
    await db.issue.update({
      where: { id: issueId },
      data: { status: 'PUBLISHED', publishAt: new Date(Date.now() - 1000), publishedAt: new Date() },
    });
    const before = await readEpaperPage(db, ISSUE, 1, new Date());
    expect(before?.image).toBeNull();
    const draft = await draftOf(1);
    expect(await isPageImagePublic(db, draft.pdfSha256.slice(0, 2), draft.pdfSha256.slice(2, 34), 1, new Date())).toBe(
      false,
    );
    await db.$transaction((tx) => publishIssueScans(tx, issueId));
    const after = await readEpaperPage(db, ISSUE, 1, new Date());
    expect(after?.image?.src).toContain(draft.pdfSha256.slice(2, 34));
    expect(after?.thumbs.every((thumb) => thumb.thumb !== null)).toBe(true);
    // The stories are not visible to readers (no live revision): their areas are not links.
    expect(after?.areas).toEqual([]);
    expect(await isPageImagePublic(db, draft.pdfSha256.slice(0, 2), draft.pdfSha256.slice(2, 34), 1, new Date())).toBe(
      true,
    );
  });

  it('keeps showing the published images while a replacement is a draft, and switches when the page is published', async () => {
    const live = (await scans()).find((scan) => scan.stage === 'live' && scan.page.number === 1)!;
    const replacement = await pagesPdf([
      [{ headline: stories[0]!.headline, body: `${stories[0]!.body}（更正版）` }, stories[1]!],
    ]);
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'page', page: 1 },
      bytes: replacement,
      mediaDir,
    });
    await renderScan(db, mediaDir, attached.scanIds[0]!);
    const draft = await draftOf(1);
    expect(draft.pdfSha256).not.toBe(live.pdfSha256);
    expect((await readEpaperPage(db, ISSUE, 1, new Date()))?.image?.src).toContain(live.pdfSha256.slice(2, 34));
    expect(await isPageImagePublic(db, draft.pdfSha256.slice(0, 2), draft.pdfSha256.slice(2, 34), 1, new Date())).toBe(
      false,
    );
    expect(await db.auditEvent.count({ where: { subjectId: issueId, action: 'epaper.replace' } })).toBe(1);
    await publishPage(db, actor, issueId, 1, mediaDir);
    expect((await readEpaperPage(db, ISSUE, 1, new Date()))?.image?.src).toContain(draft.pdfSha256.slice(2, 34));
  }, 60_000);

  it('removes a page’s PDF with an audit event; readers lose its image when the page is published', async () => {
    await removePdf(db, actor, issueId, 2, mediaDir);
    expect(await db.auditEvent.count({ where: { subjectId: issueId, action: 'epaper.remove' } })).toBe(1);
    expect((await readEpaperPage(db, ISSUE, 2, new Date()))?.image).not.toBeNull();
    await publishPage(db, actor, issueId, 2, mediaDir);
    expect((await readEpaperPage(db, ISSUE, 2, new Date()))?.image).toBeNull();
    await expect(publishPage(db, actor, issueId, 2, mediaDir)).rejects.toThrow('没有要发布的改动');
  });
});

describe('pages that cannot be matched or rendered', () => {
  it('takes an image-only PDF, marks it as without text (the planner then says to draw the areas) and finds none', async () => {
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'page', page: 2 },
      bytes: await imageOnlyPdf(1),
      mediaDir,
    });
    await renderScan(db, mediaDir, attached.scanIds[0]!);
    const draft = await draftOf(2);
    expect([draft.status, draft.hasText, draft.areas]).toEqual(['READY', false, '[]']);
  }, 60_000);

  it('renders a page once when two callers ask for it at the same time (the route and the planner page)', async () => {
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'page', page: 2 },
      bytes: await pagesPdf([[{ ...stories[2]!, body: `${stories[2]!.body}（二）` }]]),
      mediaDir,
    });
    await Promise.all([renderScan(db, mediaDir, attached.scanIds[0]!), renderScan(db, mediaDir, attached.scanIds[0]!)]);
    const draft = await draftOf(2);
    expect([draft.status, draft.error]).toEqual(['READY', null]);
    expect(parseAreas(draft.areas).map((area) => area.articleId)).toEqual([ids[2]]);
  }, 60_000);

  it('records why rendering failed when pdftoppm is missing', async () => {
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'page', page: 2 },
      bytes: await pagesPdf([[stories[2]!]]),
      mediaDir,
    });
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await renderScan(db, mediaDir, attached.scanIds[0]!);
    } finally {
      process.env.PATH = saved;
    }
    const draft = await draftOf(2);
    expect([draft.status, draft.error]).toEqual(['FAILED', PDFTOPPM_MISSING]);
    await expect(saveAreas(db, actor, issueId, 2, [])).rejects.toThrow('还没有生成好的版面图片');
  }, 60_000);
});

describe('the areas an import drew', () => {
  it('are written to the page drafts when the imported PDF is attached, and rendering keeps them, finding only the stories they miss', async () => {
    const sha256 = createHash('sha256').update(twoPages).digest('hex');
    // As the import keeps them: the first story's area on page 1 of the PDF, the third's on page 2; the
    // second story (written in the newsroom, say) has none. Rectangles no text matching would draw.
    const drawn = { x: 0.11, y: 0.22, w: 0.33, h: 0.044 };
    const third = { x: 0.05, y: 0.5, w: 0.4, h: 0.1 };
    await db.issue.update({
      where: { id: issueId },
      data: {
        importedAreas: importedAreasJson(sha256, [
          { articleId: ids[0]!, areas: [{ pdfPage: 1, rects: [drawn] }] },
          { articleId: ids[2]!, areas: [{ pdfPage: 2, rects: [third] }] },
        ]),
      },
    });
    const attached = await attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: twoPages, mediaDir });
    expect(parseAreas((await draftOf(1)).areas)).toEqual([{ articleId: ids[0], rects: [drawn] }]);
    expect(parseAreas((await draftOf(2)).areas)).toEqual([{ articleId: ids[2], rects: [third] }]);
    for (const id of attached.scanIds) await renderScan(db, mediaDir, id);
    const first = parseAreas((await draftOf(1)).areas);
    expect(first.find((area) => area.articleId === ids[0])?.rects).toEqual([drawn]);
    // The story the import did not draw is found from the text layer, as before.
    expect(first.find((area) => area.articleId === ids[1])?.rects.length).toBeGreaterThan(0);
    expect(parseAreas((await draftOf(2)).areas)).toEqual([{ articleId: ids[2], rects: [third] }]);
  }, 60_000);

  it('are not used for another PDF: its areas come from its own text layer', async () => {
    const other = await pagesPdf([[{ ...stories[2]!, body: `${stories[2]!.body}（三）` }]]);
    const attached = await attachPdf(db, actor, { issueId, target: { kind: 'page', page: 2 }, bytes: other, mediaDir });
    expect((await draftOf(2)).areas).toBe('[]');
    await renderScan(db, mediaDir, attached.scanIds[0]!);
    const areas = parseAreas((await draftOf(2)).areas);
    expect(areas.map((area) => area.articleId)).toEqual([ids[2]]);
    expect(areas[0]!.rects).not.toEqual([{ x: 0.05, y: 0.5, w: 0.4, h: 0.1 }]);
  }, 60_000);
});
