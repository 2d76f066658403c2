// Background rendering of page PDFs, one page at a time (the server has two cores): images with
// pdftoppm + sharp, then the story areas: those the import drew from this PDF (written to the draft at
// attach, imported-areas.ts), the rest from the text layer. Progress and failure are written to the
// scan row, which the planner polls. A job whose scan was replaced or removed meanwhile does nothing.
// The queue lives in this process: a restart leaves PENDING rows, which the planner re-queues
// (requeueUnfinished) when it shows them. A render whose PDF was replaced or removed while it ran
// writes nothing that stays: render.ts never recreates a deleted PDF's directory, and once the images
// are written the job asks whether any row still shows that page (cleanup.ts), deleting them if not.
// (The editor's change deletes after its commit, the job after its writes: whichever comes second
// sees the other's work.)
import fs from 'node:fs';

import type { Db } from '../db-client';
import { parseAreas } from './areas';
import { deleteUnreferenced } from './cleanup';
import { epaperDir, pdfPath } from './files';
import { mergeAreas } from './imported-areas';
import { matchAreas } from './match-areas';
import { readPdf } from './pdf-read';
import { RENDER_FAILED, RenderError, renderPageImages } from './render';
import { articlesOnPage } from './service';

/**
 * Next bundles a route handler and a page separately, so this module can exist twice in one process:
 * the queue is kept on globalThis so both share it (and one page is never rendered twice at once).
 */
type QueueState = { queue: string[]; queued: Set<string>; running: Promise<void> | null };
const shared = globalThis as typeof globalThis & { epaperRenderQueue?: QueueState };
const state: QueueState = (shared.epaperRenderQueue ??= { queue: [], queued: new Set(), running: null });
const { queue, queued } = state;

/** A row RENDERING without progress for this long was left by a stopped process (progress is written every step). */
export const STALE_MS = 120_000;

export function enqueueRender(db: Db, mediaDir: string, scanIds: readonly string[]): void {
  for (const id of scanIds) {
    if (queued.has(id)) continue;
    queued.add(id);
    queue.push(id);
  }
  state.running ??= drain(db, mediaDir).finally(() => {
    state.running = null;
  });
}

async function drain(db: Db, mediaDir: string): Promise<void> {
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    try {
      await renderScan(db, mediaDir, id);
    } finally {
      queued.delete(id);
    }
  }
}

/**
 * Re-queues drafts a restart left PENDING or RENDERING: not in this process's queue and not touched
 * for STALE_MS (another instance rendering one writes its progress meanwhile).
 */
export async function requeueUnfinished(
  db: Db,
  mediaDir: string,
  scanIds: readonly string[],
  now = new Date(),
): Promise<void> {
  const candidates = scanIds.filter((id) => !queued.has(id));
  if (!candidates.length) return;
  const stale = await db.epaperScan.findMany({
    where: {
      id: { in: candidates },
      status: { in: ['PENDING', 'RENDERING'] },
      updatedAt: { lt: new Date(now.getTime() - STALE_MS) },
    },
    select: { id: true },
  });
  if (stale.length)
    enqueueRender(
      db,
      mediaDir,
      stale.map((scan) => scan.id),
    );
}

export async function renderScan(db: Db, mediaDir: string, scanId: string): Promise<void> {
  const scan = await db.epaperScan.findUnique({ where: { id: scanId } });
  if (!scan || scan.stage !== 'draft' || scan.status === 'READY' || scan.status === 'FAILED') return;
  const same = { id: scan.id, pdfSha256: scan.pdfSha256, pdfPage: scan.pdfPage };
  // Claimed in one write: a page another process is rendering right now is left to it.
  const claimed = await db.epaperScan.updateMany({
    where: {
      ...same,
      OR: [{ status: 'PENDING' }, { status: 'RENDERING', updatedAt: { lt: new Date(Date.now() - STALE_MS) } }],
    },
    data: { status: 'RENDERING', progress: 1 },
  });
  if (claimed.count === 0) return;
  const report = async (progress: number) => {
    await db.epaperScan.updateMany({ where: same, data: { status: 'RENDERING', progress } });
  };
  try {
    const file = pdfPath(mediaDir, scan.pdfSha256);
    const size = await renderPageImages(file, scan.pdfPage, epaperDir(mediaDir, scan.pdfSha256), report);
    let areas = '[]';
    let hasText = false;
    const read = await readPdf(new Uint8Array(fs.readFileSync(file)), scan.pdfPage);
    if (read.ok) {
      const page = read.pages[scan.pdfPage - 1]!;
      hasText = page.pieces.length > 0;
      // Areas the draft already holds (drawn by the import from this PDF) are kept; the text layer is
      // searched for the other stories on the page only.
      const held = parseAreas(scan.areas);
      const stories = await articlesOnPage(db, scan.pageId);
      const onPage = new Set(stories.map((story) => story.articleId));
      const rest = stories.filter((story) => !held.some((area) => area.articleId === story.articleId));
      const found = rest.length ? matchAreas(page.pieces, page, rest, page.rules).areas : [];
      areas = JSON.stringify(mergeAreas(held, found, onPage));
    }
    await db.epaperScan.updateMany({
      where: same,
      data: { status: 'READY', progress: 100, error: null, width: size.width, height: size.height, areas, hasText },
    });
  } catch (error) {
    const reason = error instanceof RenderError ? error.message : RENDER_FAILED;
    await db.epaperScan.updateMany({ where: same, data: { status: 'FAILED', error: reason } });
  }
  await deleteUnreferenced(db, mediaDir, [{ sha256: scan.pdfSha256, pdfPage: scan.pdfPage }]);
}

/** 重新识别: the areas found again from the text layer, for the stories on the page now. */
export async function redetectAreas(db: Db, mediaDir: string, scanId: string): Promise<number> {
  const scan = await db.epaperScan.findUnique({ where: { id: scanId } });
  if (!scan) return 0;
  const read = await readPdf(new Uint8Array(fs.readFileSync(pdfPath(mediaDir, scan.pdfSha256))), scan.pdfPage);
  if (!read.ok) return 0;
  const page = read.pages[scan.pdfPage - 1]!;
  const found = matchAreas(page.pieces, page, await articlesOnPage(db, scan.pageId), page.rules).areas;
  await db.epaperScan.update({ where: { id: scan.id }, data: { areas: JSON.stringify(found) } });
  return found.length;
}
