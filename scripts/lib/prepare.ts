// Everything first run needs before the web server starts (README: Two commands), shared by `npm start`, the
// Playwright global setup and the benchmarks: data directory, migrations, WAL, sample issue, first
// admin, auth secret. Each step is idempotent, so a second run only checks.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, resolveDatabase, type Env } from '../../lib/config/database';
import { ensureDataDir } from '../../lib/config/data-dir';
import { ensureMediaDir } from '../../lib/config/media-dir';
import { ensureAuthSecret } from '../../lib/config/auth-secret';
import { createSqliteClient } from '../../lib/db-client';
import { ensureFirstAdmin, type FirstAdminResult } from '../../lib/users/first-admin';
import { loadSampleIssue } from '../../seeds/load-sample';
import { syncSearchIndex } from '../../lib/search/sqlite-index';
import { runPrisma } from './prisma-cli';
import { mergeOldHistory } from '../../lib/articles/history-merge';
import { pruneOldRecords } from '../../lib/audit/retention';
import { resolveRetention } from '../../lib/config/retention';
import type { Db } from '../../lib/db-client';
import { refreshPlannerStatistics } from '../../lib/db-statistics';

export type Prepared = {
  dataDir: string;
  sqlitePath: string;
  authSecret: string;
  admin: FirstAdminResult;
  sampleLoaded: boolean;
};

export function applyMigrations(env: Env, sqlitePath: string): void {
  const result = runPrisma(['migrate', 'deploy'], {
    env: { ...process.env, ...env, DATABASE_URL: `file:${sqlitePath}` },
    capture: true,
  });
  if (result.status !== 0) {
    throw new Error(`数据库迁移失败：\n${result.stdout}${result.stderr}`);
  }
  // WAL lets readers carry on while a writer commits; the mode is stored in the file itself.
  const sqlite = new Database(sqlitePath);
  try {
    sqlite.pragma('journal_mode = WAL');
    // Fresh planner statistics (lib/db-statistics.ts): without them SQLite picks the wrong index.
    refreshPlannerStatistics(sqlite);
  } finally {
    sqlite.close();
  }
}

export async function prepare(env: Env, options: { loadSample?: boolean } = {}): Promise<Prepared> {
  const { sqlitePath } = resolveDatabase(env);
  const dataDir = ensureDataDir(env);
  ensureMediaDir(env);
  ensureWritableParent(sqlitePath);
  applyMigrations(env, sqlitePath);

  const db = createSqliteClient(sqlitePath);
  try {
    await mergeHistorySafely(db);
    await pruneOldRecords(db, resolveRetention(env));
    const sample = options.loadSample === false ? null : await loadSampleIssue(db);
    const admin = await ensureFirstAdmin(db, env);
    await syncSearchIndex(db);
    const { secret } = ensureAuthSecret(dataDir, env);
    return { dataDir, sqlitePath, authSecret: secret, admin, sampleLoaded: Boolean(sample?.created) };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Revisions from before coalescing are merged once. A failure leaves the story it was on
 * as it was (one transaction per story) and must not keep the newsroom from starting: the next start
 * or `npm run db:migrate` carries on.
 */
export async function mergeHistorySafely(db: Db): Promise<void> {
  try {
    await mergeOldHistory(db, (line) => console.log(line));
  } catch (error) {
    console.error(`修订历史合并中断（已合并的稿件保留，其余原样未动，下次启动时继续）：${error instanceof Error ? error.message : String(error)}`);
  }
}

function ensureWritableParent(sqlitePath: string): void {
  const dir = path.dirname(sqlitePath);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new ConfigError(`数据库所在目录 ${dir} 不可写：请修改它的权限，或更改 DATABASE_URL`);
  }
}
