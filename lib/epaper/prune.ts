// `npm run media:prune`: the e-paper files under MEDIA_DIR/epaper/ that no row references, left by a
// crash between a commit and its deletion (cleanup.ts) or by versions before deletion existed. Only
// names this app gives (references.ts parseEpaperPath) are ever candidates: story images live beside
// epaper/, never in it, and anything else found there is left alone. Files written in the last hour
// are skipped: an upload writes its PDF before its transaction commits, and a render writes images.
import fs from 'node:fs';
import path from 'node:path';

import type { Db } from '../db-client';
import { pageReferences } from './cleanup';
import { epaperRelativePath, parseEpaperPath, unreferencedFiles, type EpaperFile } from './references';

export const PRUNE_GRACE_MS = 60 * 60 * 1000;

/** A file or a half-deleted directory to delete; `path` is relative to MEDIA_DIR (forward slashes). */
export type Orphan = { path: string; bytes: number; file: EpaperFile };
export type PruneFindings = { orphans: Orphan[]; recent: number };

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

/** Every file of ours under MEDIA_DIR/epaper/ (and directories left half-deleted), with size and age. */
function listEpaperFiles(mediaDir: string): { file: EpaperFile; bytes: number; modified: number }[] {
  const root = path.join(mediaDir, 'epaper');
  if (!fs.existsSync(root)) return [];
  const found: { file: EpaperFile; bytes: number; modified: number }[] = [];
  for (const prefix of fs.readdirSync(root, { withFileTypes: true })) {
    if (!prefix.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix.name)) continue;
    for (const entry of fs.readdirSync(path.join(root, prefix.name), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = `${prefix.name}/${entry.name}`;
      const trash = parseEpaperPath(dir);
      if (trash?.kind === 'leftover') {
        found.push({ file: trash, bytes: sizeOf(path.join(root, dir)), modified: 0 });
        continue;
      }
      for (const name of fs.readdirSync(path.join(root, dir))) {
        const file = parseEpaperPath(`${dir}/${name}`);
        const stat = fs.lstatSync(path.join(root, dir, name));
        if (file && stat.isFile()) found.push({ file, bytes: stat.size, modified: stat.mtimeMs });
      }
    }
  }
  return found;
}

/** What may be deleted now: ours, older than PRUNE_GRACE_MS, and named by no row (read after the listing). */
export async function findOrphans(db: Db, mediaDir: string, now = Date.now()): Promise<PruneFindings> {
  const listed = listEpaperFiles(mediaDir);
  const settled = listed.filter((entry) => entry.modified <= now - PRUNE_GRACE_MS);
  const gone = new Set(
    unreferencedFiles(
      settled.map((entry) => entry.file),
      await pageReferences(db),
    ),
  );
  const orphans = settled
    .filter((entry) => gone.has(entry.file))
    .map((entry) => ({ path: `epaper/${epaperRelativePath(entry.file)}`, bytes: entry.bytes, file: entry.file }));
  return { orphans: orphans.sort((a, b) => a.path.localeCompare(b.path)), recent: listed.length - settled.length };
}

/**
 * Deletes the orphans still named by no row (references read again just before), then the
 * directories left empty. Returns what it deleted.
 */
export async function deleteOrphans(db: Db, mediaDir: string, orphans: readonly Orphan[]): Promise<Orphan[]> {
  const still = new Set(
    unreferencedFiles(
      orphans.map((orphan) => orphan.file),
      await pageReferences(db),
    ),
  );
  const deleted = orphans.filter((orphan) => still.has(orphan.file));
  for (const orphan of deleted)
    fs.rmSync(path.join(mediaDir, orphan.path), { recursive: orphan.file.kind === 'leftover', force: true });
  for (const dir of new Set(deleted.map((orphan) => path.dirname(path.join(mediaDir, orphan.path))))) {
    for (const candidate of [dir, path.dirname(dir)]) {
      if (path.basename(candidate) === 'epaper') break;
      try {
        fs.rmdirSync(candidate);
      } catch {
        // Not empty (other files, or something written meanwhile): it stays.
      }
    }
  }
  return deleted;
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
