// What a backup archive holds and how it proves it is whole: every file with its size and SHA-256.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { DatabaseKind } from '../config/database';
import { SNAPSHOT_FILES } from './database-snapshot';

export const BACKUP_FORMAT = 'jinri-kecheng.backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export type ManifestEntry = { path: string; size: number; sha256: string };
/** `database` names the database the archive's dump is of; absent in archives from before PostgreSQL (SQLite). */
export type Manifest = {
  format: string;
  version: number;
  createdAt: string;
  database?: DatabaseKind;
  files: ManifestEntry[];
};

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every regular file under `root`, as paths relative to it (forward slashes), sorted. */
export function listFiles(root: string, dir = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(root, relative));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort();
}

export function buildManifest(root: string, now = new Date(), database: DatabaseKind = 'sqlite'): Manifest {
  const files = listFiles(root)
    .filter((file) => file !== MANIFEST_FILE)
    .map((file) => ({
      path: file,
      size: fs.statSync(path.join(root, file)).size,
      sha256: sha256File(path.join(root, file)),
    }));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), database, files };
}

/** The database an extracted backup's dump is of (read after verifyTree found it whole). */
export function manifestDatabase(root: string): DatabaseKind {
  return (JSON.parse(fs.readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as Manifest).database ?? 'sqlite';
}

/** Problems found when checking an extracted backup against its manifest (empty when whole). */
export function verifyTree(root: string): string[] {
  const manifestPath = path.join(root, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) return ['备份里没有清单文件（manifest.json），不是本系统的备份'];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return ['备份清单无法读取'];
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION)
    return ['不是本系统的备份，或备份版本不受支持'];
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  if (!listed.has(SNAPSHOT_FILES[manifest.database ?? 'sqlite'])) problems.push('备份里没有数据库文件');
  for (const file of manifest.files) {
    const full = path.join(root, file.path);
    if (!fs.existsSync(full)) problems.push(`缺少文件：${file.path}`);
    else if (fs.statSync(full).size !== file.size || sha256File(full) !== file.sha256)
      problems.push(`文件已损坏（校验和不符）：${file.path}`);
  }
  for (const file of listFiles(root))
    if (file !== MANIFEST_FILE && !listed.has(file)) problems.push(`清单外的文件：${file}`);
  return problems;
}
