// npm run bench:newsroom — newsroom pages on a 100,000-story archive: builds (or reuses)
// .bench/newsroom (the bench:search archive plus 500 accounts, stories at every workflow step and
// 100,000 audit events), builds the app if the build is missing or older than the code, starts it as
// `npm start` does (server/serve.ts, its reader micro-cache on) on BENCH_PORT (3320) with the query log
// on, signs in through the sign-in endpoint as an editor, a reporter and an admin, loads each page
// BENCH_LOADS (50) times one after another and prints p50/p95 per page, then the slowest query of each
// page with its EXPLAIN QUERY PLAN. Target: p95 < 150 ms. Then every page again while readers load the
// same server (wrk, 2 × 16 connections on the front page and an article: a story shared widely), with
// the ratio to the quiet figures: the newsroom is never cached, and readers served from the micro-cache
// must not queue it (issue 31).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

import { hashPassword } from '../../lib/auth/password';
import { sqlitePathOf } from '../../lib/config/database';
import { prepare } from '../../server/prepare';
import {
  addNewsroom,
  BENCH_EDITOR_EMAIL,
  BENCH_PASSWORD,
  BENCH_REPORTER_EMAIL,
  type NewsroomFixture,
} from '../../test/support/newsroom-archive';
import { explain, readQueries, slowestQuery, type SlowestQuery } from '../../test/support/query-plans';
import { generateArchive } from '../../test/support/synthetic-archive';
import { appServerEnv, buildIfStale, startServeServer } from './lib/app-server';
import { buildIndex } from './lib/search-index';
import { signIn } from './lib/sign-in';
import { waitForHealth } from './lib/wait-for-health';
import { startWrk } from './lib/wrk';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'newsroom');
const FIXTURE_FILE = path.join(DATA_DIR, 'fixture.json');
const QUERY_LOG = path.join(DATA_DIR, 'queries.jsonl');
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const LOADS = Math.max(50, Number(process.env.BENCH_LOADS ?? 50));
const WARM_UP = 3;
const ADMIN_PASSWORD = 'Bench-root-pass-2026';
const ADMIN_EMAIL = 'admin@example.com';
const TARGET_MS = 150;

type Target = { who: string; name: string; path: string };
type Session = { who: string; cookie: string };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The archive is kept between runs (it takes a few minutes); BENCH_FRESH=1 builds it again. */
async function archive(env: NodeJS.ProcessEnv) {
  const reuse = process.env.BENCH_FRESH !== '1' && fs.existsSync(FIXTURE_FILE);
  if (reuse) {
    // Applies any new migration and refreshes planner statistics, as start-up does.
    const prepared = await prepare(env);
    console.log(`archive: reusing ${DATA_DIR}`);
    return { prepared, fixture: JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as NewsroomFixture };
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const prepared = await prepare(env);
  const reader = generateArchive(sqlitePathOf(prepared.database), {
    years: 48,
    pagesPerIssue: 4,
    articlesPerPage: 10,
    firstNumber: 20_001,
    charsPerArticle: 800,
  });
  const started = performance.now();
  const fixture = addNewsroom(sqlitePathOf(prepared.database), await hashPassword(BENCH_PASSWORD), {
    latestIssue: reader.latestIssue,
  });
  const indexed = buildIndex(sqlitePathOf(prepared.database));
  console.log(
    `archive: ${fixture.stories} stories (${reader.stories} published in ${reader.issues} issues), ${fixture.accounts} accounts, ${fixture.auditEvents} audit events; ` +
      `built in ${(reader.seconds + (performance.now() - started) / 1000).toFixed(0)} s, ${indexed} stories indexed`,
  );
  fs.writeFileSync(FIXTURE_FILE, JSON.stringify(fixture, null, 2));
  return { prepared, fixture };
}

async function signInAs(baseUrl: string, who: string, email: string, password: string): Promise<Session> {
  return { who, cookie: await signIn(baseUrl, email, password) };
}

/** Timings of `LOADS` loads of `target`, one after another, after the warm-up, fastest first. */
async function timeLoads(baseUrl: string, session: Session, target: Target): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i += 1) await load(baseUrl, session, target);
  const timings: number[] = [];
  for (let i = 0; i < LOADS; i += 1) timings.push(await load(baseUrl, session, target));
  return timings.sort((a, b) => a - b);
}

async function load(baseUrl: string, session: Session, target: Target): Promise<number> {
  const started = performance.now();
  const response = await fetch(baseUrl + target.path, { headers: { cookie: session.cookie }, redirect: 'manual' });
  await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${target.path} as ${session.who} answered ${response.status}`);
  return ms;
}

function targetsFor(fixture: NewsroomFixture): Target[] {
  const pages = (who: string, list: [string, string][]) =>
    list.map(([name, pagePath]) => ({ who, name, path: pagePath }));
  const story = `/newsroom/articles/${fixture.reporterArticleId}`;
  const history = `/newsroom/articles/${fixture.historyArticleId}/history`;
  const search = `/newsroom/search?q=${encodeURIComponent('柯城')}`;
  return [
    ...pages('编辑', [
      ['工作台', '/newsroom'],
      ['稿件编辑', story],
      ['修改历史', history],
      ['版面（整期）', `/newsroom/issues/${fixture.plannerIssue}`],
      ['期次列表', '/newsroom/issues'],
      ['回收站', '/newsroom/trash'],
      ['检索', search],
    ]),
    ...pages('记者', [
      ['工作台', '/newsroom'],
      ['稿件编辑', story],
      ['修改历史', history],
      ['检索', search],
    ]),
    // The audit log and the account list are admin pages: editors and reporters get 403 there.
    ...pages('管理员', [
      ['审计日志', '/newsroom/admin/audit'],
      ['账号管理', '/newsroom/admin/users'],
    ]),
  ];
}

/** Every page again while readers load the same server; p95 beside the quiet figure. */
async function whileReadersLoad(
  baseUrl: string,
  articleSlug: string,
  sessions: Map<string, Session>,
  quiet: Map<Target, number[]>,
): Promise<void> {
  const readerPages = ['/', `/articles/${articleSlug}`];
  // wrk held to one CPU: on a 2-core machine an unpinned generator takes CPU from the server that a
  // real flood of readers (over the network) would not. The app is held to neither CPU.
  const readers = readerPages.map((page) => startWrk(baseUrl + page, { threads: 1, connections: 16, cpus: '0' }));
  const rows: string[] = [];
  try {
    for (const target of quiet.keys()) {
      const timings = await timeLoads(baseUrl, sessions.get(target.who)!, target);
      const p95 = percentile(timings, 95);
      const quietP95 = percentile(quiet.get(target)!, 95);
      rows.push(
        `${target.who}\t${target.name}\t${percentile(timings, 50).toFixed(1)}\t${p95.toFixed(1)}${p95 < TARGET_MS ? '' : ' ✗'}\t${quietP95.toFixed(1)}\t${(p95 / quietP95).toFixed(2)}`,
      );
    }
  } finally {
    const figures = await Promise.all(readers.map((reader) => reader.stop()));
    console.log(
      `\nThe same pages while readers load ${readerPages.join(' and ')} (wrk on CPU 0, 16 connections each; APP_NEWSROOM_FIRST=${process.env.APP_NEWSROOM_FIRST ?? '1'}): ` +
        figures
          .map(
            (f, i) =>
              `${readerPages[i]} ${f.rps.toFixed(0)} requests/s, p99 ${f.p99.toFixed(1)} ms, errors ${f.errors + f.non2xx}`,
          )
          .join('; '),
    );
  }
  console.log('who\tpage\tp50 ms\tp95 ms\tquiet p95 ms\tp95 / quiet');
  for (const line of rows) console.log(line);
}

async function main() {
  const env = { ...process.env, DATA_DIR, DATABASE_URL: undefined, ADMIN_EMAIL, ADMIN_PASSWORD };
  const { prepared, fixture } = await archive(env);
  // The admin signs in with a password only: this measures pages, not sign-in (账号安全 would
  // otherwise send the admin to set up two-factor sign-in first).
  const writable = new Database(sqlitePathOf(prepared.database));
  writable
    .prepare(
      `INSERT INTO "SecurityPolicy" ("id", "twoFactorRoles", "updatedAt") VALUES (1, '', ?)
       ON CONFLICT ("id") DO UPDATE SET "twoFactorRoles" = ''`,
    )
    .run(new Date().toISOString().replace('Z', '+00:00'));
  writable.close();
  const serverEnv = appServerEnv(env, prepared, PORT);
  buildIfStale(ROOT, serverEnv);
  fs.writeFileSync(QUERY_LOG, '');
  const server = startServeServer(ROOT, PORT, { ...serverEnv, NEWSROOM_QUERY_LOG: QUERY_LOG });
  const baseUrl = server.url;
  const sqlite = new Database(sqlitePathOf(prepared.database), { readonly: true });
  try {
    await waitForHealth(`${baseUrl}/api/health`);
    const sessions = new Map<string, Session>([
      ['编辑', await signInAs(baseUrl, '编辑', BENCH_EDITOR_EMAIL, BENCH_PASSWORD)],
      ['记者', await signInAs(baseUrl, '记者', BENCH_REPORTER_EMAIL, BENCH_PASSWORD)],
      ['管理员', await signInAs(baseUrl, '管理员', ADMIN_EMAIL, ADMIN_PASSWORD)],
    ]);
    console.log(
      `${LOADS} loads per page, one at a time, after ${WARM_UP} warm-up loads; ${baseUrl}; target p95 < ${TARGET_MS} ms`,
    );
    console.log('who\tpage\tp50 ms\tp95 ms\tmax ms\tqueries/load\tslowest query (median ms)');
    const slowest: { target: Target; query: SlowestQuery }[] = [];
    const quiet = new Map<Target, number[]>();
    for (const target of targetsFor(fixture)) {
      const session = sessions.get(target.who)!;
      fs.writeFileSync(QUERY_LOG, '');
      const timings = await timeLoads(baseUrl, session, target);
      quiet.set(target, timings);
      const queries = readQueries(QUERY_LOG);
      const query = slowestQuery(queries);
      if (query) slowest.push({ target, query });
      const p95 = percentile(timings, 95);
      console.log(
        `${target.who}\t${target.name}\t${percentile(timings, 50).toFixed(1)}\t${p95.toFixed(1)}${p95 < TARGET_MS ? '' : ' ✗'}\t${timings.at(-1)!.toFixed(1)}\t${(queries.length / LOADS).toFixed(0)}\t${query?.medianMs.toFixed(2) ?? '-'}`,
      );
    }
    const article = sqlite
      .prepare(
        // Some stories here are scheduled for later (a 404 to readers until then).
        `SELECT slug FROM "Article" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL AND "publishAt" <= ? ORDER BY "publishAt" DESC LIMIT 1`,
      )
      .get(new Date().toISOString()) as { slug: string };
    await whileReadersLoad(baseUrl, article.slug, sessions, quiet);
    console.log('\nSlowest query of each page (median over the loads) and its plan:');
    for (const { target, query } of slowest) {
      console.log(`\n[${target.who} · ${target.name}] ${query.medianMs.toFixed(2)} ms × ${query.runs}\n  ${query.sql}`);
      for (const line of explain(sqlite, query.sql, query.params)) console.log(line);
    }
  } finally {
    sqlite.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
