// 版面 (e-paper) changes: attach, replace or remove a page PDF, correct story areas, publish a page's
// draft to readers. Pure rules in pdf-file.ts, areas.ts, match-areas.ts and references.ts; each change
// here runs in one transaction with its audit event. Rendering happens afterwards, in the background
// (jobs.ts); the files a change left unreferenced are deleted after its commit (cleanup.ts).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';

import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db-client';
import { cleanAreas, type ArticleArea } from './areas';
import { deleteUnreferenced } from './cleanup';
import { epaperDir, pdfPath } from './files';
import { importedAreasFor } from './imported-areas';
import { pageCountProblem, pdfFileProblem, type PdfTarget } from './pdf-file';
import { readPdf } from './pdf-read';
import type { PageRef } from './references';

export type Attached = { scanIds: string[]; pages: number[]; message: string };

async function issueWithPages(db: Db | Tx, issueId: string) {
  const issue = await db.issue.findUnique({
    where: { id: issueId },
    include: { pages: { orderBy: { number: 'asc' }, select: { id: true, number: true } } },
  });
  if (!issue) throw new UserFacingError('找不到这一期');
  return issue;
}

/** The issue of this number ('' when there is none: the upload then answers 找不到这一期). */
export async function issueIdByNumber(db: Db, number: number): Promise<string> {
  return (await db.issue.findFirst({ where: { number }, select: { id: true } }))?.id ?? '';
}

/** Checks a page PDF, keeps it in the media directory and makes it the pages' draft (not yet seen by readers). */
export async function attachPdf(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: { issueId: string; target: PdfTarget; bytes: Uint8Array; mediaDir: string },
): Promise<Attached> {
  const problem = pdfFileProblem(input.bytes.length, input.bytes.subarray(0, 1024));
  if (problem) throw new UserFacingError(problem);
  const issue = await issueWithPages(db, input.issueId);
  // Page count and sizes only: each page's text is read once, by its render job.
  const read = await readPdf(input.bytes, 0);
  if (!read.ok) throw new UserFacingError(read.error);
  const countProblem = pageCountProblem(input.target, read.pages.length, issue.pages.length);
  if (countProblem) throw new UserFacingError(countProblem);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const wrote = keepPdf(input.mediaDir, sha256, input.bytes);
  const target = input.target;
  const pages =
    target.kind === 'issue'
      ? issue.pages.map((page, index) => ({ page, pdfPage: index + 1 }))
      : [{ page: issue.pages.find((p) => p.number === target.page)!, pdfPage: 1 }];
  const replaced: PageRef[] = [];
  let scanIds: string[];
  try {
    scanIds = await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const { page, pdfPage } of pages) {
        // The areas the import drew, when this is the PDF the issue was imported from (imported-areas.ts).
        const onPage = new Set((await articlesOnPage(tx, page.id)).map((article) => article.articleId));
        const imported = importedAreasFor(issue.importedAreas, sha256, pdfPage, onPage);
        const fields = {
          pdfSha256: sha256,
          pdfPage,
          pdfPages: read.pages.length,
          pdfSize: input.bytes.length,
          status: 'PENDING',
          progress: 0,
          error: null,
          width: 0,
          height: 0,
          hasText: true,
          areas: JSON.stringify(imported ?? []),
          uploaderId: actor.id,
        };
        const previous = await tx.epaperScan.findUnique({
          where: { pageId_stage: { pageId: page.id, stage: 'draft' } },
          select: { pdfSha256: true, pdfPage: true },
        });
        const scan = await tx.epaperScan.upsert({
          where: { pageId_stage: { pageId: page.id, stage: 'draft' } },
          create: { pageId: page.id, stage: 'draft', ...fields },
          update: fields,
        });
        ids.push(scan.id);
        if (previous) replaced.push({ sha256: previous.pdfSha256, pdfPage: previous.pdfPage });
        await recordAudit(tx, {
          actorId: actor.id,
          action: previous ? 'epaper.replace' : 'epaper.attach',
          subjectType: 'Issue',
          subjectId: issue.id,
          details: {
            number: issue.number,
            page: page.number,
            sha256,
            size: input.bytes.length,
            pdfPage,
            previous: previous?.pdfSha256 ?? null,
          },
        });
      }
      return ids;
    });
  } catch (error) {
    // Nothing was recorded: the PDF written above goes again unless another row names it.
    if (wrote) await deleteUnreferenced(db, input.mediaDir, [{ sha256, pdfPage: 1 }]);
    throw error;
  }
  // A deletion of the same PDF that raced this upload may have taken the file: it is written again.
  keepPdf(input.mediaDir, sha256, input.bytes);
  await deleteUnreferenced(db, input.mediaDir, replaced);
  const what = target.kind === 'issue' ? `整期 PDF（${pages.length} 页）已上传` : `第${target.page}版 PDF 已上传`;
  const message = `${what}，正在生成版面图片并识别稿件区域`;
  return { scanIds, pages: pages.map(({ page }) => page.number), message };
}

/** Writes the PDF under its name unless it is there (under a temporary name first: never half a file); true when it wrote it. */
function keepPdf(mediaDir: string, sha256: string, bytes: Uint8Array): boolean {
  const file = pdfPath(mediaDir, sha256);
  if (fs.existsSync(file)) {
    // Counts as new for media:prune's hour of grace (prune.ts): it may be an orphan named again now.
    const now = new Date();
    fs.utimesSync(file, now, now);
    return false;
  }
  fs.mkdirSync(epaperDir(mediaDir, sha256), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
  return true;
}

async function draftOf(tx: Tx, issueId: string, pageNumber: number) {
  const page = await tx.issuePage.findFirst({
    where: { issueId, number: pageNumber },
    select: { id: true, number: true, issue: { select: { id: true, number: true } } },
  });
  if (!page) throw new UserFacingError(`本期没有第${pageNumber}版`);
  const draft = await tx.epaperScan.findUnique({ where: { pageId_stage: { pageId: page.id, stage: 'draft' } } });
  return { page, draft };
}

/**
 * Removes a page's PDF from the newsroom's draft; readers keep what they see until the page is
 * published. Its files go after the commit when no other row names them.
 */
export async function removePdf(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  pageNumber: number,
  mediaDir: string,
): Promise<void> {
  const removed = await db.$transaction(async (tx) => {
    const { page, draft } = await draftOf(tx, issueId, pageNumber);
    if (!draft) throw new UserFacingError(`第${pageNumber}版没有 PDF`);
    await tx.epaperScan.delete({ where: { id: draft.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'epaper.remove',
      subjectType: 'Issue',
      subjectId: page.issue.id,
      details: { number: page.issue.number, page: page.number, sha256: draft.pdfSha256 },
    });
    return { sha256: draft.pdfSha256, pdfPage: draft.pdfPage };
  });
  await deleteUnreferenced(db, mediaDir, [removed]);
}

/** The stories on a page, as area matching and the area check need them. */
export async function articlesOnPage(db: Db | Tx, pageId: string) {
  const placements = await db.articlePlacement.findMany({
    where: { pageId },
    orderBy: { position: 'asc' },
    select: { article: { select: { id: true, headline: true, bodyText: true } } },
  });
  return placements.map(({ article }) => ({
    articleId: article.id,
    headline: article.headline,
    body: article.bodyText,
  }));
}

/** The editor's corrected areas for a page's draft. */
export async function saveAreas(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  pageNumber: number,
  input: unknown,
): Promise<ArticleArea[]> {
  return db.$transaction(async (tx) => {
    const { page, draft } = await draftOf(tx, issueId, pageNumber);
    if (!draft || draft.status !== 'READY') throw new UserFacingError(`第${pageNumber}版还没有生成好的版面图片`);
    const stories = await articlesOnPage(tx, page.id);
    const areas = cleanAreas(input, new Set(stories.map((story) => story.articleId)));
    if (!areas) throw new UserFacingError('稿件区域无效，请刷新后重试');
    await tx.epaperScan.update({ where: { id: draft.id }, data: { areas: JSON.stringify(areas) } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'epaper.areas',
      subjectType: 'Issue',
      subjectId: page.issue.id,
      details: { number: page.issue.number, page: page.number, stories: areas.length },
    });
    return areas;
  });
}

export type Published = { outcome: 'published' | 'removed' | 'unchanged'; displaced: PageRef[] };

/**
 * Makes a page's draft what readers see (a copy: the newsroom keeps correcting the draft). A page
 * whose PDF was removed loses its live images. A draft still rendering or failed is not published.
 * `displaced` is the live page it replaced, for deleteUnreferenced once the caller committed.
 */
export async function publishPageScan(tx: Tx, pageId: string): Promise<Published> {
  const draft = await tx.epaperScan.findUnique({ where: { pageId_stage: { pageId, stage: 'draft' } } });
  if (draft && draft.status !== 'READY') return { outcome: 'unchanged', displaced: [] };
  const live = await tx.epaperScan.findUnique({
    where: { pageId_stage: { pageId, stage: 'live' } },
    select: { pdfSha256: true, pdfPage: true },
  });
  const displaced = live ? [{ sha256: live.pdfSha256, pdfPage: live.pdfPage }] : [];
  if (!draft) {
    const removed = await tx.epaperScan.deleteMany({ where: { pageId, stage: 'live' } });
    return removed.count ? { outcome: 'removed', displaced } : { outcome: 'unchanged', displaced: [] };
  }
  const { id: _id, stage: _stage, pageId: _pageId, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = draft;
  await tx.epaperScan.upsert({
    where: { pageId_stage: { pageId, stage: 'live' } },
    create: { ...copy, pageId, stage: 'live' },
    update: copy,
  });
  return { outcome: 'published', displaced };
}

/**
 * Publishing an issue publishes each page's finished draft (planner-service.ts calls this in its
 * transaction). Returns the live pages replaced, for deleteUnreferenced after the commit.
 */
export async function publishIssueScans(tx: Tx, issueId: string): Promise<PageRef[]> {
  const pages = await tx.issuePage.findMany({ where: { issueId }, select: { id: true } });
  const displaced: PageRef[] = [];
  for (const page of pages) displaced.push(...(await publishPageScan(tx, page.id)).displaced);
  return displaced;
}

/** 发布本版: the page's draft goes to readers now (for an issue already published); the files it replaced go after the commit. */
export async function publishPage(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  pageNumber: number,
  mediaDir: string,
): Promise<void> {
  const displaced = await db.$transaction(async (tx) => {
    const { page, draft } = await draftOf(tx, issueId, pageNumber);
    if (draft && draft.status !== 'READY')
      throw new UserFacingError(`第${pageNumber}版的版面图片还没有生成好，不能发布`);
    const { outcome, displaced } = await publishPageScan(tx, page.id);
    if (outcome === 'unchanged') throw new UserFacingError(`第${pageNumber}版没有要发布的改动`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'epaper.publish',
      subjectType: 'Issue',
      subjectId: page.issue.id,
      details: { number: page.issue.number, page: page.number, outcome, sha256: draft?.pdfSha256 ?? null },
    });
    return displaced;
  });
  await deleteUnreferenced(db, mediaDir, displaced);
}
