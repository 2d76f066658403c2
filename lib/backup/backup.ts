// npm run backup / restore: a consistent snapshot of the database (SQLite's VACUUM INTO or
// PostgreSQL's pg_dump, database-snapshot.ts, safe while the server writes) and the media files, in
// one .tar.gz with a manifest of checksums, plus the archive's own SHA-256 beside it. Restore checks
// everything before it writes anything, and only into an empty data directory and an empty database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { DatabaseConfig } from '../config/database';
import { BackupError, snapshotFor, sqliteSnapshot, type DatabaseSnapshot } from './database-snapshot';
import { buildManifest, MANIFEST_FILE, manifestDatabase, sha256File, verifyTree } from './manifest';

export { BackupError };

type Source = { sqlitePath: string } | { database: DatabaseConfig };

function snapshotOf(source: Source): DatabaseSnapshot {
  return 'database' in source ? snapshotFor(source.database) : sqliteSnapshot(source.sqlitePath);
}

function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new BackupError(`tar 失败：${result.error?.message ?? result.stderr.trim()}`);
}

function copyTree(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.cpSync(from, to, { recursive: true, errorOnExist: true });
}

export type BackupResult = { file: string; sha256: string; bytes: number; files: number };

/** Where the media files are: MEDIA_DIR (lib/config/media-dir.ts), by default DATA_DIR/media. */
const mediaOf = (options: { dataDir: string; mediaDir?: string }) =>
  options.mediaDir ?? path.join(options.dataDir, 'media');

export async function createBackup(
  options: Source & { dataDir: string; mediaDir?: string; outFile: string; now?: Date },
): Promise<BackupResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  try {
    const snapshot = snapshotOf(options);
    await snapshot.dumpTo(path.join(work, snapshot.file));
    // Media files are written once and never changed, so a plain copy is consistent.
    copyTree(mediaOf(options), path.join(work, 'media'));
    const manifest = buildManifest(work, options.now, snapshot.kind);
    fs.writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(path.dirname(path.resolve(options.outFile)), { recursive: true });
    const partial = `${options.outFile}.partial`;
    tar(['-czf', partial, '-C', work, '.']);
    fs.renameSync(partial, options.outFile);
    const sha256 = sha256File(options.outFile);
    fs.writeFileSync(`${options.outFile}.sha256`, `${sha256}  ${path.basename(options.outFile)}\n`);
    return { file: options.outFile, sha256, bytes: fs.statSync(options.outFile).size, files: manifest.files.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Restores into an empty DATA_DIR (and MEDIA_DIR) and, for a PostgreSQL backup, the empty database `database` names. */
export function restoreBackup(options: {
  archive: string;
  dataDir: string;
  mediaDir?: string;
  database?: DatabaseConfig;
}): { files: number } {
  if (!fs.existsSync(options.archive)) throw new BackupError(`找不到备份文件 ${options.archive}`);
  if (!isEmptyDir(options.dataDir))
    throw new BackupError(`数据目录 ${options.dataDir} 不是空的：请恢复到一个空目录（DATA_DIR=…），以免覆盖现有数据`);
  const mediaDir = mediaOf(options);
  if (!isEmptyDir(mediaDir))
    throw new BackupError(`媒体目录 ${mediaDir} 不是空的：请恢复到一个空目录（MEDIA_DIR=…），以免覆盖现有图片`);
  const checksumFile = `${options.archive}.sha256`;
  if (fs.existsSync(checksumFile)) {
    const expected = fs.readFileSync(checksumFile, 'utf8').trim().split(/\s+/)[0];
    if (expected !== sha256File(options.archive)) throw new BackupError('备份文件的校验和不符，文件可能已损坏');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-restore-'));
  try {
    tar(['-xzf', options.archive, '-C', work]);
    const problems = verifyTree(work);
    if (problems.length) throw new BackupError(`备份校验失败：${problems.join('；')}`);
    const kind = manifestDatabase(work);
    const target = options.database ?? { kind: 'sqlite', sqlitePath: path.join(options.dataDir, 'newsroom.db') };
    if (kind !== target.kind) {
      throw new BackupError(
        kind === 'postgresql'
          ? '这是 PostgreSQL 的备份：请设置 DATABASE_URL=postgresql://…（一个新建的空数据库）再恢复'
          : '这是 SQLite 的备份：请去掉 DATABASE_URL 中的 PostgreSQL 地址再恢复（或恢复后用 npm run db:copy 迁到 PostgreSQL）',
      );
    }
    const snapshot = target.kind === 'sqlite' ? sqliteSnapshot(target.sqlitePath) : snapshotFor(target);
    snapshot.check(path.join(work, snapshot.file));
    snapshot.assertEmptyTarget(options.dataDir);
    fs.mkdirSync(options.dataDir, { recursive: true });
    snapshot.restoreFrom(path.join(work, snapshot.file), options.dataDir);
    snapshot.forgetSharedDocuments(options.dataDir);
    copyTree(path.join(work, 'media'), mediaDir);
    return { files: JSON.parse(fs.readFileSync(path.join(work, MANIFEST_FILE), 'utf8')).files.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
