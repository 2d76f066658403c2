// npm run restore -- file.tar.gz: checks the archive (checksums, database integrity) and restores it
// into DATA_DIR, which must be empty (and, for a PostgreSQL backup, into the empty database DATABASE_URL
// names, with pg_restore). Start the app on it afterwards with the same DATA_DIR and DATABASE_URL.
import { restoreBackup } from '../lib/backup/backup';
import { resolveDatabase, resolveDataDir } from '../lib/config/database';
import { resolveMediaDir } from '../lib/config/media-dir';

const archive = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!archive) {
  console.error('恢复失败：请给出备份文件，例如 DATA_DIR=./restored npm run restore -- backups/newsroom-….tar.gz');
  process.exit(1);
}
try {
  const dataDir = resolveDataDir(process.env);
  const database = resolveDatabase(process.env);
  const { files } = restoreBackup({
    archive,
    dataDir,
    mediaDir: resolveMediaDir(process.env),
    database: database.kind === 'postgresql' ? database : undefined,
  });
  console.log(
    `恢复完成：${files} 个文件已校验并恢复到 ${dataDir}。用同一个 DATA_DIR 运行 npm start 即可（登录需重新进行）。`,
  );
} catch (error) {
  console.error(`恢复失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
