// Deletes the e-paper files a committed change left unreferenced (references.ts decides which). Runs
// only after the transaction committed: a change that fails leaves its files. A PDF no row names goes
// with its whole directory, which is first renamed aside in one step (a render still writing into the
// old name then fails instead of bringing it back, render.ts never creates it) and, when a row named
// the PDF again meanwhile (the same file uploaded at that moment), put back. Deleting never fails
// the editor's change: what a crash or an error leaves, `npm run media:prune` finds.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Db } from '../db-client';
import { epaperDir } from './files';
import { dirKey, epaperRelativePath, filesOf, unreferencedFiles, type EpaperFile, type PageRef } from './references';

/** The rows naming these PDFs, as page references (every PDF when `sha256s` is absent). */
export async function pageReferences(db: Db, sha256s?: readonly string[]): Promise<PageRef[]> {
  const rows = await db.epaperScan.findMany({
    where: sha256s ? { pdfSha256: { in: [...new Set(sha256s)] } } : {},
    select: { pdfSha256: true, pdfPage: true },
    distinct: ['pdfSha256', 'pdfPage'],
  });
  return rows.map((row) => ({ sha256: row.pdfSha256, pdfPage: row.pdfPage }));
}

function epaperRoot(mediaDir: string): string {
  return path.join(mediaDir, 'epaper');
}

/** Removes a PDF's directory unless a row names it again after it was renamed aside. */
async function removeDirectory(db: Db, mediaDir: string, ref: PageRef): Promise<boolean> {
  const dir = epaperDir(mediaDir, ref.sha256);
  const aside = path.join(path.dirname(dir), `.${ref.sha256.slice(2, 34)}.deleting-${randomUUID()}`);
  try {
    fs.renameSync(dir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if ((await pageReferences(db, [ref.sha256])).length) {
    try {
      fs.renameSync(aside, dir);
      return false;
    } catch {
      // The upload wrote the PDF again under its name already: that copy stays, this one goes.
    }
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return true;
}

/**
 * After a commit: deletes the PDFs and page images of `displaced` that no row references now.
 * Returns the paths (relative to MEDIA_DIR/epaper/) it deleted.
 */
export async function deleteUnreferenced(db: Db, mediaDir: string, displaced: readonly PageRef[]): Promise<string[]> {
  if (!displaced.length) return [];
  const deleted: string[] = [];
  try {
    const references = await pageReferences(
      db,
      displaced.map((ref) => ref.sha256),
    );
    const candidates = displaced.flatMap(filesOf);
    const gone = unreferencedFiles(candidates, references);
    const wholeDirs = new Set(gone.filter((file) => file.kind === 'pdf').map((file) => file.dir));
    for (const ref of displaced) {
      const dir = dirKey(ref.sha256);
      if (!wholeDirs.has(dir)) continue;
      wholeDirs.delete(dir);
      if (await removeDirectory(db, mediaDir, ref)) deleted.push(dir);
    }
    const dirsGone = new Set(deleted);
    for (const file of gone) {
      if (file.kind !== 'image' || dirsGone.has(file.dir)) continue;
      if (removeFile(mediaDir, file)) deleted.push(epaperRelativePath(file));
    }
  } catch (error) {
    console.error('版面文件清理失败（npm run media:prune 可以稍后清理）：', error);
  }
  return [...new Set(deleted)];
}

function removeFile(mediaDir: string, file: EpaperFile): boolean {
  const target = path.join(epaperRoot(mediaDir), epaperRelativePath(file));
  if (!fs.existsSync(target)) return false;
  fs.rmSync(target, { force: true });
  return true;
}
