// npm run backup / restore: a consistent snapshot of the database (`VACUUM INTO`, one read
// transaction, safe while the server writes) and the media files, in one .tar.gz with a manifest of checksums,
// plus the archive's own SHA-256 beside it. Restore checks everything before it writes anything, and
// only into an empty data directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildManifest, DATABASE_FILE, MANIFEST_FILE, sha256File, verifyTree } from './manifest';

export class BackupError extends Error {}

function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new BackupError(`tar 失败：${result.error?.message ?? result.stderr.trim()}`);
}

function copyTree(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.cpSync(from, to, { recursive: true, errorOnExist: true });
}

export type BackupResult = { file: string; sha256: string; bytes: number; files: number };

export async function createBackup(options: { sqlitePath: string; dataDir: string; outFile: string; now?: Date }): Promise<BackupResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  try {
    const source = new Database(options.sqlitePath, { readonly: true, fileMustExist: true });
    try {
      // VACUUM INTO copies inside one read transaction: one consistent state of the database even
      // while the server writes. (The online backup API restarts on every write from another
      // connection, so a busy server could starve it for ever.)
      source.prepare('VACUUM INTO ?').run(path.join(work, DATABASE_FILE));
    } finally {
      source.close();
    }
    // Media files are written once and never changed, so a plain copy is consistent.
    copyTree(path.join(options.dataDir, 'media'), path.join(work, 'media'));
    const manifest = buildManifest(work, options.now);
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

export function restoreBackup(options: { archive: string; dataDir: string }): { files: number } {
  if (!fs.existsSync(options.archive)) throw new BackupError(`找不到备份文件 ${options.archive}`);
  if (!isEmptyDir(options.dataDir)) throw new BackupError(`数据目录 ${options.dataDir} 不是空的：请恢复到一个空目录（DATA_DIR=…），以免覆盖现有数据`);
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
    const check = new Database(path.join(work, DATABASE_FILE), { readonly: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new BackupError(`备份中的数据库不完整：${String(result)}`);
    } finally {
      check.close();
    }
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.copyFileSync(path.join(work, DATABASE_FILE), path.join(options.dataDir, DATABASE_FILE));
    copyTree(path.join(work, 'media'), path.join(options.dataDir, 'media'));
    return { files: JSON.parse(fs.readFileSync(path.join(work, MANIFEST_FILE), 'utf8')).files.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
