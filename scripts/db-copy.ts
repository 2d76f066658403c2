// `npm run db:copy -- --to postgresql://user:password@host:5432/newsroom`: moves the newsroom from its
// SQLite database (DATA_DIR / DATABASE_URL=file:…) into an empty PostgreSQL database and verifies
// every table (lib/database/copy-to-postgresql.ts), then builds the search index there. Media files
// stay where they are: point the PostgreSQL deployment's DATA_DIR at the same directory.
import { ConfigError, describeTarget, resolveDatabase } from '../lib/config/database';
import { copyToPostgres } from '../lib/database/copy-to-postgresql';
import { createPostgresClient } from '../lib/db-client';
import { rebuildSearchIndex } from '../lib/search/search-index';
import { openForReading } from '../server/cli-database';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const to = option('--to');
  const target = to ? resolveDatabase({ DATABASE_URL: to }) : null;
  if (!target || target.kind !== 'postgresql')
    throw new ConfigError(
      '请用 --to 指明目标 PostgreSQL 数据库：npm run db:copy -- --to postgresql://用户:密码@主机:5432/数据库',
    );
  const source = resolveDatabase(process.env);
  if (source.kind !== 'sqlite')
    throw new ConfigError(
      'db:copy 从 SQLite 复制：请去掉 DATABASE_URL 中的 PostgreSQL 地址（源数据库由 DATA_DIR 或 DATABASE_URL=file:… 指定）',
    );
  const sqlite = await openForReading(process.env);
  const started = performance.now();
  try {
    console.log(`从 ${source.sqlitePath} 复制到 PostgreSQL（${describeTarget(target.url)}）…`);
    const reports = await copyToPostgres(sqlite, target.url, (line) => console.log(`  ${line}`));
    console.log('校验（行数与每表 SHA-256，两边一致）：');
    for (const report of reports)
      console.log(`  ${report.table.padEnd(17)} ${String(report.rows).padStart(8)} 行  ${report.sha256}`);
  } finally {
    await sqlite.$disconnect();
  }
  const postgres = createPostgresClient(target.url);
  try {
    const indexed = await rebuildSearchIndex(postgres);
    console.log(`搜索索引已重建：${indexed} 篇稿件`);
  } finally {
    await postgres.$disconnect();
  }
  console.log(
    `完成（${((performance.now() - started) / 1000).toFixed(1)} 秒）。媒体文件未改动：PostgreSQL 部署的 DATA_DIR 请指向同一目录。`,
  );
}

main().catch((error: unknown) => {
  console.error(`复制失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
