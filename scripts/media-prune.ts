// npm run media:prune [-- --yes]
// Lists the e-paper (版面) PDFs and page images under MEDIA_DIR that no row references, with their
// sizes; deletes them only with --yes. Story images and anything referenced are never touched
// (lib/epaper/prune.ts). Reads the database only, so it is safe beside a running server, on SQLite
// or PostgreSQL (DATABASE_URL picks the client, as for the other commands).
import fs from 'node:fs';

import { resolveMediaDir } from '../lib/config/media-dir';
import { deleteOrphans, findOrphans, formatBytes, PRUNE_GRACE_MS } from '../lib/epaper/prune';
import { CliDatabaseError, openForReading } from '../server/cli-database';

class PruneRefusal extends Error {}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--yes');
  if (unknown.length)
    throw new PruneRefusal(
      `不认识的参数 ${unknown.join(' ')}：用法 npm run media:prune（只列出），npm run media:prune -- --yes（删除）`,
    );
  const yes = args.includes('--yes');
  const mediaDir = resolveMediaDir(process.env);
  if (!fs.existsSync(mediaDir) || !fs.statSync(mediaDir).isDirectory()) {
    throw new PruneRefusal(
      `媒体目录 ${mediaDir} 不存在：请把 MEDIA_DIR（或 DATA_DIR）设为服务器使用的目录后重试，没有删除任何文件`,
    );
  }
  const db = await openForReading(process.env);
  try {
    // A database with no issue at all is most likely not the server's: every file would look unreferenced.
    if ((await db.issue.count()) === 0)
      throw new PruneRefusal(
        '数据库里没有任何一期：请确认 DATABASE_URL（或 DATA_DIR）指向服务器使用的数据库，没有删除任何文件',
      );
    const found = await findOrphans(db, mediaDir);
    const total = found.orphans.reduce((sum, orphan) => sum + orphan.bytes, 0);
    const recent = found.recent
      ? `（另有 ${found.recent} 个文件写入不到 ${PRUNE_GRACE_MS / 60_000} 分钟，可能正在上传或生成，这次不处理）`
      : '';
    if (!found.orphans.length) {
      console.log(`${mediaDir} 里没有无人引用的版面文件${recent}`);
      return;
    }
    console.log(`${mediaDir} 里有 ${found.orphans.length} 个无人引用的版面文件，共 ${formatBytes(total)}${recent}：`);
    for (const orphan of found.orphans) console.log(`  ${orphan.path}  ${formatBytes(orphan.bytes)}`);
    if (!yes) {
      console.log('这是试运行，没有删除任何文件。确认无误后运行 npm run media:prune -- --yes 删除');
      return;
    }
    const deleted = await deleteOrphans(db, mediaDir, found.orphans);
    const freed = deleted.reduce((sum, orphan) => sum + orphan.bytes, 0);
    const kept = found.orphans.length - deleted.length;
    console.log(
      `已删除 ${deleted.length} 个文件，释放 ${formatBytes(freed)}${kept ? `；${kept} 个文件刚被重新引用，已保留` : ''}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof PruneRefusal || error instanceof CliDatabaseError)
    console.error(`清理版面文件失败：${error.message}`);
  else console.error(error);
  process.exit(1);
});
