// npm run backup [-- --out file.tar.gz]: a consistent snapshot of the database and media, safe while
// the server runs, on SQLite or PostgreSQL (pg_dump from Debian's postgresql-client). Default file: backups/newsroom-YYYYMMDD-HHMMSS.tar.gz (+ .sha256 beside it).
import fs from 'node:fs';
import path from 'node:path';

import { createBackup } from '../lib/backup/backup';
import { resolveDatabase, resolveDataDir } from '../lib/config/database';
import { resolveMediaDir } from '../lib/config/media-dir';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const database = resolveDatabase(process.env);
  const dataDir = resolveDataDir(process.env);
  if (database.kind === 'sqlite' && !fs.existsSync(database.sqlitePath))
    throw new Error(`没有数据库 ${database.sqlitePath}：先运行 npm start，或设置 DATA_DIR`);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const outFile = option('--out') ?? path.join('backups', `newsroom-${stamp}.tar.gz`);
  const result = await createBackup({ database, dataDir, mediaDir: resolveMediaDir(process.env), outFile });
  console.log(`备份完成：${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB，${result.files} 个文件）`);
  console.log(`SHA-256：${result.sha256}（已写入 ${result.file}.sha256）`);
}

main().catch((error) => {
  console.error(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
