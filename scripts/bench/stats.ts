// npm run bench:stats — what the 考核 page and its export cost at scale (issue 34, deliverable 5). Builds
// once (kept in .bench/stats, rebuilt when ARCHIVE_VERSION changes or with BENCH_FRESH=1) a SQLite
// newsroom with a 100,000-story archive, the measured month (2026-11: 200 people, 3,000 stories) and
// 20 million ArticleRead rows (scripts/bench/lib/stats-archive.ts), then times, p50 and p95 of BENCH_RUNS
// (≥ 20) runs after one warm-up:
//   - the month page as an editor: everything getStatsPage reads and builds (the view, reads per day,
//     the tables the page renders),
//   - the page as a reporter (their own row and their stories' reads per day),
//   - the .xlsx export of the month (the view, its tables, the workbook),
// and, for where the time goes, the period's stories (periodArticles) and reads per day alone.
// Targets: page p95 < 300 ms, export p95 < 5 s. `-- --baseline <commit>` (or BENCH_BASELINE) times that
// commit's lib/ on the same database first (extracted with git archive into .bench/stats-baseline/;
// BENCH_BASELINE_RUNS runs, default 5) and prints the ratios; `-- --build-only` only builds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { Actor } from '../../lib/access/actor';
import { resolveDatabase, sqlitePathOf } from '../../lib/config/database';
import { createClientFor } from '../../lib/db-client';
import { monthPeriod, type StatsPeriod } from '../../lib/stats/period';
import { applySqliteMigrations } from '../../server/database-setup';
import { freshBenchData } from './lib/fresh-data';
import { buildStatsArchive, MONTH, type StatsArchiveSummary } from './lib/stats-archive';

/** Bump when stats-archive.ts writes a different newsroom: the kept one is then built again. */
const ARCHIVE_VERSION = 1;
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'stats');
const STAMP = path.join(DATA_DIR, 'archive.json');
const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
/** The baseline may take seconds a run: fewer runs of it (BENCH_BASELINE_RUNS, default 5). */
const BASELINE_RUNS = Math.max(1, Number(process.env.BENCH_BASELINE_RUNS ?? 5));
const PAGE_TARGET_MS = 300;
const EXPORT_TARGET_MS = 5000;

type Stamp = { version: number; summary: StatsArchiveSummary };
type Figure = { p50: number; p95: number };

/** The 考核 code the bench times: this tree's, or a baseline commit's lib/ (the same Prisma client). */
async function statsCode(libRoot: string) {
  const load = <T>(file: string) => import(path.join(libRoot, 'stats', file)) as Promise<T>;
  return {
    ...(await load<typeof import('../../lib/stats/daily-reads')>('daily-reads.ts')),
    ...(await load<typeof import('../../lib/stats/months')>('months.ts')),
    ...(await load<typeof import('../../lib/stats/period-articles')>('period-articles.ts')),
    ...(await load<typeof import('../../lib/stats/tables')>('tables.ts')),
    ...(await load<typeof import('../../lib/stats/workbook')>('workbook.ts')),
  };
}

/** `commit`'s lib/ under .bench/stats-baseline/<commit>, its generated clients linked to this tree's. */
function baselineLib(commit: string): string {
  const sha = execFileSync('git', ['rev-parse', commit], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(ROOT, '.bench', 'stats-baseline', sha);
  if (!fs.existsSync(path.join(dir, 'lib'))) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} lib | tar -x -C "${dir}"`], { cwd: ROOT });
    fs.symlinkSync(path.join(ROOT, 'lib', 'generated'), path.join(dir, 'lib', 'generated'));
  }
  return path.join(dir, 'lib');
}

function baselineArg(): string | null {
  const at = process.argv.indexOf('--baseline');
  return at >= 0 ? (process.argv[at + 1] ?? null) : (process.env.BENCH_BASELINE ?? null);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed<T>(work: () => Promise<T>, runs: number): Promise<{ p50: number; p95: number; result: T }> {
  let result = await work(); // warm: the first run pays for Prisma's query plans and SQLite's page cache
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), result };
}

async function archive(): Promise<{ sqlitePath: string; summary: StatsArchiveSummary }> {
  const env = { ...process.env, DATA_DIR, DATABASE_URL: undefined };
  const sqlitePath = sqlitePathOf(resolveDatabase(env));
  const kept = fs.existsSync(STAMP) ? (JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp) : null;
  if (kept?.version === ARCHIVE_VERSION && process.env.BENCH_FRESH !== '1') {
    // This tree's migrations (the kept database may predate one) and fresh planner statistics, as
    // start-up does; not the rest of start-up (it would index 100,000 stories for search).
    applySqliteMigrations(env, sqlitePath);
    console.log(`archive: reusing ${DATA_DIR}`);
    return { sqlitePath, summary: kept.summary };
  }
  await freshBenchData(DATA_DIR);
  const summary = buildStatsArchive(sqlitePath);
  const { seconds } = summary;
  console.log(
    `archive: ${summary.articles} published stories (${summary.monthArticles} in ${MONTH}) in ${summary.issues} issues, ` +
      `${summary.people} people, ${summary.readRows} read rows; built in ` +
      `${(seconds.articles + seconds.reads + seconds.indexes + seconds.statistics).toFixed(0)} s ` +
      `(stories ${seconds.articles.toFixed(0)} s, reads ${seconds.reads.toFixed(0)} s, ` +
      `read indexes ${seconds.indexes.toFixed(0)} s, ANALYZE ${seconds.statistics.toFixed(0)} s)`,
  );
  fs.writeFileSync(STAMP, JSON.stringify({ version: ARCHIVE_VERSION, summary } satisfies Stamp, null, 2));
  return { sqlitePath, summary };
}

const { sqlitePath, summary } = await archive();
if (process.argv.includes('--build-only')) process.exit(0);
const db = createClientFor({ kind: 'sqlite', sqlitePath });
type Code = Awaited<ReturnType<typeof statsCode>>;

/** Every figure for one version of the code. */
async function measure(code: Code, period: StatsPeriod, editor: Actor, reporter: Actor, runs: number) {
  const pageOf = async (actor: Actor, everyone: boolean) => {
    const [view, daily] = await Promise.all([
      code.periodView(db, actor, period),
      code.dailyReads(db, period, everyone ? null : actor.id),
    ]);
    return { view, daily, tables: code.viewTables(view) };
  };
  const page = await timed(() => pageOf(editor, true), runs);
  const own = await timed(() => pageOf(reporter, false), runs);
  const fetched = await timed(() => code.periodArticles(db, period), runs);
  const perDay = await timed(() => code.dailyReads(db, period, null), runs);
  const workbook = await timed(
    async () =>
      code.statsWorkbook(`${period.label} 稿件考核`, code.viewTables(await code.periodView(db, editor, period))),
    runs,
  );
  return { page, own, fetched, perDay, workbook };
}

const line = (name: string, figure: Figure, target?: number, baseline?: Figure) =>
  console.log(
    `  ${name.padEnd(44)} p50 ${figure.p50.toFixed(0).padStart(5)} ms   p95 ${figure.p95.toFixed(0).padStart(5)} ms` +
      (baseline
        ? `   (baseline p50 ${baseline.p50.toFixed(0)} ms, p95 ${baseline.p95.toFixed(0)} ms; ×${(figure.p95 / baseline.p95).toFixed(3)})`
        : '') +
      (target ? `   target p95 < ${target} ms: ${figure.p95 < target ? 'met' : 'NOT MET'}` : ''),
  );

try {
  const period = monthPeriod(MONTH);
  if (!period.ok) throw new Error(period.error);
  const users = await db.user.findMany({
    where: { id: { in: [summary.editorId, summary.reporterId] } },
    select: { id: true, name: true, role: true },
  });
  const editor: Actor = users.find((user) => user.id === summary.editorId)!;
  const reporter: Actor = users.find((user) => user.id === summary.reporterId)!;
  const commit = baselineArg();
  const baselineCode = commit ? await statsCode(baselineLib(commit)) : null;
  const before = baselineCode ? await measure(baselineCode, period.period, editor, reporter, BASELINE_RUNS) : null;
  const after = await measure(await statsCode(path.join(ROOT, 'lib')), period.period, editor, reporter, RUNS);

  const { view } = after.page.result;
  console.log(`\n${MONTH}, ${RUNS} runs each after one warm-up (${summary.readRows} read rows):`);
  if (commit)
    console.log(`  this tree; in brackets ${commit}'s lib/ on the same database (${BASELINE_RUNS} runs, before)`);
  line(
    `page, editor (${view.people.length} rows, ${view.departments.length} 部门)`,
    after.page,
    PAGE_TARGET_MS,
    before?.page,
  );
  line(`page, a reporter's own row`, after.own, PAGE_TARGET_MS, before?.own);
  line(`  of which the period's stories (${after.fetched.result.length})`, after.fetched, undefined, before?.fetched);
  line(`  of which reads per day (all stories)`, after.perDay, undefined, before?.perDay);
  line(
    `.xlsx export, editor (${(after.workbook.result.length / 1024).toFixed(0)} KB)`,
    after.workbook,
    EXPORT_TARGET_MS,
    before?.workbook,
  );
  if (after.page.p95 >= PAGE_TARGET_MS || after.own.p95 >= PAGE_TARGET_MS || after.workbook.p95 >= EXPORT_TARGET_MS)
    process.exitCode = 1;
} finally {
  await db.$disconnect();
}
