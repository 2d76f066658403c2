// Everything first run needs before the web server starts (README: Two commands), shared by `npm start`, the
// Playwright global setup and the benchmarks: data directory, migrations, WAL, sample issue, first
// admin, auth secret. Each step is idempotent, so a second run only checks. The database is SQLite
// or PostgreSQL (DATABASE_URL); what differs between them is in database-setup.ts.
import fs from 'node:fs';
import path from 'node:path';

import { mergeOldHistory } from '../lib/articles/history-merge';
import { writeDueDigests } from '../lib/audit/digest';
import { pruneOldRecords } from '../lib/audit/retention';
import { sealUnchainedEvents } from '../lib/audit/seal';
import { ensureAuthSecret } from '../lib/config/auth-secret';
import { ensureDataDir } from '../lib/config/data-dir';
import { ConfigError, resolveDatabase, type DatabaseConfig, type Env } from '../lib/config/database';
import { ensureMediaDir } from '../lib/config/media-dir';
import { resolveRetention } from '../lib/config/retention';
import { createClientFor, type Db } from '../lib/db-client';
import { syncSearchIndex } from '../lib/search/search-index';
import { ensureFirstAdmin, type FirstAdminResult } from '../lib/users/first-admin';
import { loadSampleIssue } from '../seeds/load-sample';
import { applySqliteMigrations, databaseSetup } from './database-setup';

export type Prepared = {
  dataDir: string;
  database: DatabaseConfig;
  /** What to give the server as DATABASE_URL. */
  databaseUrl: string;
  authSecret: string;
  admin: FirstAdminResult;
  sampleLoaded: boolean;
};

/** SQLite's migrations (kept under this name for the tools that call it). */
export function applyMigrations(env: Env, sqlitePath: string): void {
  applySqliteMigrations(env, sqlitePath);
}

export async function prepare(env: Env, options: { loadSample?: boolean } = {}): Promise<Prepared> {
  const database = resolveDatabase(env);
  const dataDir = ensureDataDir(env);
  ensureMediaDir(env);
  if (database.kind === 'sqlite') ensureWritableParent(database.sqlitePath);
  const setup = databaseSetup(database, env);
  await setup.migrate();

  const db = createClientFor(database);
  try {
    // Instances started together take turns here; the next finds the sample, the admin and the index done.
    const { sample, admin } = await setup.exclusively(async () => {
      await mergeHistorySafely(db);
      await sealUnchainedEvents(db);
      await pruneOldRecords(db, resolveRetention(env));
      const loaded = options.loadSample === false ? null : await loadSampleIssue(db);
      const first = await ensureFirstAdmin(db, env);
      await syncSearchIndexSaying(db);
      await writeDueDigests(db, env);
      return { sample: loaded, admin: first };
    });
    const { secret } = ensureAuthSecret(dataDir, env);
    return {
      dataDir,
      database,
      databaseUrl: setup.url,
      authSecret: secret,
      admin,
      sampleLoaded: Boolean(sample?.created),
    };
  } finally {
    await db.$disconnect();
  }
}

/** syncSearchIndex, saying so when it rebuilds a large index (minutes on a large archive). */
async function syncSearchIndexSaying(db: Db): Promise<void> {
  const started = performance.now();
  const search = await syncSearchIndex(db, (stories) => {
    if (stories >= LARGE_REBUILD) console.log(`正在重建搜索索引（${stories} 篇稿件，可能需要几分钟）…`);
  });
  if (search.rebuilt && search.count >= LARGE_REBUILD)
    console.log(`搜索索引已重建：${search.count} 篇，用时 ${Math.round((performance.now() - started) / 1000)} 秒`);
}

/** A rebuild of at least this many stories is announced at start-up (it takes a while). */
const LARGE_REBUILD = 1000;

/**
 * Revisions from before coalescing are merged once. A failure leaves the story it was on
 * as it was (one transaction per story) and must not keep the newsroom from starting: the next start
 * or `npm run db:migrate` carries on.
 */
export async function mergeHistorySafely(db: Db): Promise<void> {
  try {
    await mergeOldHistory(db, (line) => console.log(line));
  } catch (error) {
    console.error(
      `修订历史合并中断（已合并的稿件保留，其余原样未动，下次启动时继续）：${error instanceof Error ? error.message : String(error)}`,
    );
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
