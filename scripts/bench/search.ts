// npm run bench:search — Chinese search on a large archive: 100,000 published stories of
// ~800 characters in a fresh SQLite database, the FTS5 index built from them (timed), then 200 varied
// reader queries through searchPublished, printing p50/p95/p99 latency. Target: p95 < 50 ms.
// Then the same archive on PostgreSQL: copied with db:copy's code into an empty database
// (BENCH_POSTGRES_URL, or a throwaway cluster when PostgreSQL is installed here), its index rebuilt,
// the same queries timed, with SQLite's figures as the baseline and how often both rank the same
// stories first.
import fs from 'node:fs';
import path from 'node:path';

import { sqlitePathOf } from '../../lib/config/database';
import { copyToPostgres } from '../../lib/database/copy-to-postgresql';
import { withPostgres } from '../../lib/database/postgresql/connect';
import { createPostgresClient, createSqliteClient, type Db } from '../../lib/db-client';
import { searchPublished } from '../../lib/search/search';
import { ensureSearchIndex, rebuildSearchIndex } from '../../lib/search/search-index';
import { applyMigrations, prepare } from '../../server/prepare';
import { OBJECTS, PLACES, seededRandom, SUBJECTS } from '../../test/support/chinese-text';
import { postgresBin, startScratchPostgres } from '../../test/support/scratch-postgres';
import { generateArchive } from '../../test/support/synthetic-archive';
import { buildIndex } from './lib/search-index';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'search');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function queries(count: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const forms: (() => string)[] = [
    () => pick(PLACES),
    () => pick(SUBJECTS),
    () => pick(OBJECTS),
    () => `${pick(PLACES)} ${pick(OBJECTS)}`,
    () => `${pick(PLACES)}${pick(SUBJECTS)}`,
    () => [...pick(PLACES)][0]!,
    () => pick(['5G基站', '2020年', 'COVID-19', '8月17日', '第1705期']),
    () => pick(['量子计算', '火星基地', '冰川科考', 'blockchain']),
    () => `${pick(SUBJECTS)} ${pick(OBJECTS)} ${pick(PLACES)}`,
  ];
  return Array.from({ length: count }, (_, i) => forms[i % forms.length]!());
}

async function main() {
  // BENCH_REUSE=1 keeps the archive and index of the previous run (generating them takes ~15 minutes),
  // and with BENCH_POSTGRES_URL the PostgreSQL copy and its index when that database holds them.
  const sqlitePath = path.join(DATA_DIR, 'newsroom.db');
  const reuse = process.env.BENCH_REUSE === '1' && fs.existsSync(sqlitePath);
  if (!reuse) {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    const prepared = await prepare({
      ...process.env,
      DATA_DIR,
      DATABASE_URL: undefined,
      ADMIN_PASSWORD: 'Bench-root-pass-2026',
    });
    const archive = generateArchive(sqlitePathOf(prepared.database), {
      years: 48,
      pagesPerIssue: 4,
      articlesPerPage: 10,
      firstNumber: 20_001,
      charsPerArticle: 800,
    });
    console.log(`archive: ${archive.stories} stories generated in ${archive.seconds.toFixed(1)} s`);
  }
  // A kept archive may predate the newest migrations.
  if (reuse) applyMigrations({ ...process.env, DATA_DIR, DATABASE_URL: undefined }, sqlitePath);
  const db = createSqliteClient(sqlitePath);
  if (reuse) {
    console.log(`archive and index reused from the previous run: ${await db.article.count()} stories`);
  } else {
    await ensureSearchIndex(db);
    const started = performance.now();
    const indexed = buildIndex(sqlitePath);
    console.log(`index build: ${indexed} stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const list = queries(200);
  const sqlite = await measure(db, list);
  console.log(`SQLite      ${sqlite.line}`);
  const postgres = await onPostgres(db, list);
  if (postgres) {
    console.log(`PostgreSQL  ${postgres.result.line}`);
    console.log(`PostgreSQL / SQLite p95: ${(postgres.result.p95 / sqlite.p95).toFixed(2)}×`);
    let sameFirst = 0;
    let overlap = 0;
    let compared = 0;
    list.forEach((_, index) => {
      const a = sqlite.top[index]!;
      const b = postgres.result.top[index]!;
      if (a.length === 0 && b.length === 0) return;
      compared += 1;
      if (a[0] === b[0]) sameFirst += 1;
      overlap += a.filter((id) => b.includes(id)).length / Math.max(1, Math.min(a.length, 10));
    });
    console.log(
      `same ranking: first hit equal in ${sameFirst}/${compared} queries with hits; first page (10) shared ${((overlap / Math.max(1, compared)) * 100).toFixed(0)} % on average`,
    );
  }
  await db.$disconnect();
}

type Measured = { line: string; p95: number; top: string[][] };

/** One pass over the queries: each one's time, how many hits were counted, each one's first page. */
async function pass(db: Db, list: string[]): Promise<{ timings: number[]; hits: number; top: string[][] }> {
  const timings: number[] = [];
  const top: string[][] = [];
  let hits = 0;
  for (const q of list) {
    const t0 = performance.now();
    const result = await searchPublished(db, { q });
    timings.push(performance.now() - t0);
    hits += result.total;
    top.push(result.hits.map((hit) => hit.articleId));
  }
  return { timings: timings.sort((a, b) => a - b), hits, top };
}

const figures = (timings: number[]) =>
  `p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms`;

/**
 * The queries twice: a first pass on whatever the caches hold (a reused archive's pages may have left the
 * operating system's cache since it was built), then the measured pass, as a running server answers them.
 */
async function measure(db: Db, list: string[]): Promise<Measured> {
  const cold = await pass(db, list);
  const { timings, hits, top } = await pass(db, list);
  const p95 = percentile(timings, 95);
  const line = `200 queries: ${figures(timings)} (target p95 < 50 ms); ${hits} hits counted in total; first pass ${figures(cold.timings)}`;
  return { line, p95, top };
}

/** BENCH_REUSE=1 with BENCH_POSTGRES_URL: that database already holds this archive (copied by an earlier run). */
async function holdsArchive(url: string, stories: number): Promise<boolean> {
  if (process.env.BENCH_REUSE !== '1' || !process.env.BENCH_POSTGRES_URL) return false;
  return withPostgres(url, async (client) => {
    const {
      rows: [table],
    } = await client.query<{ present: boolean }>(`SELECT to_regclass('"Article"') IS NOT NULL AS present`);
    if (!table?.present) return false;
    const {
      rows: [row],
    } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Article"');
    return Number(row?.n) === stories;
  });
}

/**
 * The index of a reused database is complete when every story not in the trash is in it, with its GIN
 * index (ensureSearchIndex first drops an index of an older layout, which is then rebuilt).
 */
async function searchIndexed(db: Db): Promise<boolean> {
  if (process.env.BENCH_REUSE !== '1') return false;
  await ensureSearchIndex(db);
  const [built] = await db.$queryRawUnsafe<{ built: boolean }[]>(
    `SELECT to_regclass('search_public_doc') IS NOT NULL AS built`,
  );
  if (!built?.built) return false;
  const [row] = await db.$queryRawUnsafe<{ indexed: boolean }[]>(
    `SELECT (SELECT count(*) FROM search_newsroom) = (SELECT count(*) FROM "Article" WHERE "deletedAt" IS NULL) AS indexed`,
  );
  return Boolean(row?.indexed);
}

async function onPostgres(sqlite: Db, list: string[]): Promise<{ result: Measured } | null> {
  let url = process.env.BENCH_POSTGRES_URL;
  let stop = () => undefined as void;
  if (!url) {
    const bin = postgresBin();
    if (!bin) {
      console.log(
        'PostgreSQL: skipped (not installed here; set BENCH_POSTGRES_URL to an empty database to measure it)',
      );
      return null;
    }
    const cluster = await startScratchPostgres(bin);
    stop = cluster.stop;
    await withPostgres(cluster.url('postgres'), (client) => client.query('CREATE DATABASE bench'));
    url = cluster.url('bench');
  }
  try {
    if (await holdsArchive(url, await sqlite.article.count())) {
      console.log('PostgreSQL: archive and index reused from the previous run (BENCH_REUSE=1)');
    } else {
      const started = performance.now();
      await copyToPostgres(sqlite, url);
      console.log(
        `PostgreSQL: archive copied (db:copy, verified) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const postgres = createPostgresClient(url);
    try {
      if (!(await searchIndexed(postgres))) {
        const started = performance.now();
        const indexed = await rebuildSearchIndex(postgres);
        console.log(
          `PostgreSQL index build: ${indexed} stories in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      return { result: await measure(postgres, list) };
    } finally {
      await postgres.$disconnect();
    }
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
