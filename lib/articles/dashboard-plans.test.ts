// The dashboard's reads keep their plans at archive scale: no pass over the whole Article
// table and no sort of it for ORDER BY. The database is the bench's newsroom scaled down (two years
// of weekly issues, stories at every workflow step, proportions as in the 100,000-story bench) with
// statistics taken as start-up takes them; each dashboard read runs as an editor and as a reporter
// with the query log on, and every statement it ran on Article is EXPLAINed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { hashPassword } from '@/lib/auth/password';
import type { SessionClaims } from '@/lib/auth/session-claims';
import { refreshPlannerStatistics } from '@/lib/db-statistics';
import type { LoggedQuery } from '@/lib/query-log';
import { addNewsroom, BENCH_EDITOR_EMAIL, BENCH_REPORTER_EMAIL } from '@/test/support/newsroom-archive';
import { planProblems } from '@/test/support/plan-problems';
import { explain, readQueries } from '@/test/support/query-plans';
import { generateArchive } from '@/test/support/synthetic-archive';

const identity: { claims: SessionClaims | null } = { claims: null };
vi.mock('@/lib/auth/session-claims', () => ({ readSessionClaims: async () => identity.claims }));

const sqlitePath = process.env.DATABASE_URL!.replace(/^file:/, '');
const queryLog = path.join(process.env.DATA_DIR!, 'queries.jsonl');
// Read by lib/db.ts when it opens the client, i.e. at the first dynamic import below.
process.env.NEWSROOM_QUERY_LOG = queryLog;

let sqlite: Database.Database;
let people: { editor: string; reporter: string };

function seed(): void {
  const db = new Database(sqlitePath);
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO "Publication" (id, slug, name, publisher, hotline, address, postcode, "createdAt", "updatedAt") VALUES ('pub', 'jrkc', '今日柯城', '衢州市柯城区融媒体中心编印', '0570-1234567', '衢州市柯城区', '324000', ?, ?)`,
  ).run(now, now);
  db.close();
}

beforeAll(async () => {
  seed();
  const archive = generateArchive(sqlitePath, {
    years: 2,
    pagesPerIssue: 4,
    articlesPerPage: 10,
    firstNumber: 1,
    charsPerArticle: 200,
  });
  addNewsroom(sqlitePath, await hashPassword('plan-test-password'), { latestIssue: archive.latestIssue, scale: 0.05 });
  sqlite = new Database(sqlitePath);
  // The generators took statistics already; a second refresh finds nothing stale.
  expect(refreshPlannerStatistics(sqlite)).toEqual([]);
  const id = (email: string) =>
    (sqlite.prepare('SELECT id FROM "User" WHERE email = ?').get(email) as { id: string }).id;
  people = { editor: id(BENCH_EDITOR_EMAIL), reporter: id(BENCH_REPORTER_EMAIL) };
}, 60_000);

afterAll(() => sqlite?.close());

/** The dashboard's reads: stories (lib/articles), the review queue (lib/workflow), upcoming issues (lib/issues). */
async function dashboardReads() {
  const [articles, workflow, issues] = await Promise.all([
    import('@/lib/articles/queries'),
    import('@/lib/workflow/review-queue'),
    import('@/lib/issues/queries'),
  ]);
  return { ...articles, listReviewQueue: workflow.listReviewQueue, listUpcomingIssues: issues.listUpcomingIssues };
}
type DashboardReads = Awaited<ReturnType<typeof dashboardReads>>;

/** Runs `read` as the given person and returns the distinct statements on Article it ran. */
async function statementsOf(userId: string, read: () => Promise<unknown>): Promise<LoggedQuery[]> {
  // The app's own client (lib/db.ts, opened on this database); the session's row as a sign-in leaves it.
  const [{ db }, { signedInClaims }] = await Promise.all([import('@/lib/db'), import('@/test/support/sessions')]);
  identity.claims = await signedInClaims(db, userId);
  fs.writeFileSync(queryLog, '');
  await read();
  const distinct = new Map(readQueries(queryLog).map((query) => [query.sql, query]));
  return [...distinct.values()].filter((query) => /[`"]Article[`"]/.test(query.sql));
}

function problemsOf(queries: LoggedQuery[]): { sql: string; problems: string[] }[] {
  return queries
    .map((query) => ({
      sql: query.sql,
      problems: planProblems(explain(sqlite, query.sql, JSON.parse(query.params) as unknown[])),
    }))
    .filter((result) => result.problems.length > 0);
}

describe('dashboard query plans on an archive', () => {
  it.each([
    ['editor', 'counts of my stories', (q: DashboardReads) => q.myArticleCounts()],
    ['editor', 'my stories', (q: DashboardReads) => q.listMyArticles({})],
    ['editor', 'my drafts, page 2', (q: DashboardReads) => q.listMyArticles({ status: 'DRAFT', page: 2 })],
    ['editor', 'review queue', (q: DashboardReads) => q.listReviewQueue({})],
    ['editor', 'review queue, page 3', (q: DashboardReads) => q.listReviewQueue({ page: 3 })],
    ['editor', 'scheduled stories', (q: DashboardReads) => q.listScheduledArticles({})],
    ['editor', 'recently published', (q: DashboardReads) => q.listRecentlyPublished({})],
    ['editor', 'recently published, page 5', (q: DashboardReads) => q.listRecentlyPublished({ page: 5 })],
    ['editor', 'trash', (q: DashboardReads) => q.listTrash({})],
    ['reporter', 'counts of my stories', (q: DashboardReads) => q.myArticleCounts()],
    ['reporter', 'my stories', (q: DashboardReads) => q.listMyArticles({})],
    ['reporter', 'scheduled stories', (q: DashboardReads) => q.listScheduledArticles({})],
  ] as const)('%s: %s neither scans Article nor sorts it', async (who, _name, read) => {
    const queries = await dashboardReads();
    const statements = await statementsOf(people[who], () => read(queries));
    expect(statements.length).toBeGreaterThan(0);
    expect(problemsOf(statements)).toEqual([]);
  });

  it('the dashboard as a whole: every statement on Article', async () => {
    const queries = await dashboardReads();
    const statements = await statementsOf(people.editor, () =>
      Promise.all([
        queries.myArticleCounts(),
        queries.listMyArticles({}),
        queries.listReviewQueue({}),
        queries.listUpcomingIssues(),
        queries.listScheduledArticles({}),
        queries.listRecentlyPublished({}),
      ]),
    );
    expect(statements.length).toBeGreaterThanOrEqual(8);
    expect(problemsOf(statements)).toEqual([]);
  });

  // The check must be able to fail: without the indexes the lists were given, the same statements
  // fall back to sorting or scanning (the plan the issue reported), and the test says so.
  const QUEUE_INDEX = 'Article_deletedAt_status_stepSince_updatedAt_reviewLevel_createdById_id_idx';
  const LISTS_INDEX = 'Article_deletedAt_retractedAt_publishAt_liveRevisionId_id_idx';
  it.each([
    ['review queue', [QUEUE_INDEX]],
    ['trash', [QUEUE_INDEX, LISTS_INDEX]],
  ] as const)('fails for the %s when its indexes are dropped', async (list, indexes) => {
    const queries = await dashboardReads();
    const reads = { 'review queue': () => queries.listReviewQueue({}), trash: () => queries.listTrash({}) };
    const statements = await statementsOf(people.editor, reads[list]);
    sqlite.exec('BEGIN');
    try {
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index}"`);
      expect(problemsOf(statements).length).toBeGreaterThan(0);
    } finally {
      sqlite.exec('ROLLBACK');
    }
    expect(problemsOf(statements)).toEqual([]);
  });

  it('fails for the scheduled stories with the index and the statistics the issue was reported on', async () => {
    const queries = await dashboardReads();
    const statements = await statementsOf(people.editor, () => queries.listScheduledArticles({}));
    sqlite.exec('BEGIN');
    try {
      for (const index of [QUEUE_INDEX, LISTS_INDEX]) sqlite.exec(`DROP INDEX "${index}"`);
      sqlite.exec('CREATE INDEX "Article_deletedAt_idx" ON "Article"("deletedAt")');
      // What start-up ran before: an ANALYZE under an analysis limit, which takes no stat4 samples.
      sqlite.exec('DELETE FROM sqlite_stat4');
      sqlite.pragma('analysis_limit = 1000');
      sqlite.exec('ANALYZE "Article"');
      expect(problemsOf(statements).flatMap((result) => result.problems)).toContain('USE TEMP B-TREE FOR ORDER BY');
    } finally {
      sqlite.exec('ROLLBACK');
      sqlite.pragma('analysis_limit = 0');
      sqlite.exec('ANALYZE sqlite_schema');
    }
    expect(problemsOf(statements)).toEqual([]);
  });
});

describe('planProblems', () => {
  it('flags the plan the issue reported: the deletedAt index and a sort', () => {
    expect(
      planProblems(['SEARCH Article USING INDEX Article_deletedAt_idx (deletedAt=?)', 'USE TEMP B-TREE FOR ORDER BY']),
    ).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
  });

  it('flags a scan of the table, bare or through an index', () => {
    expect(planProblems(['CO-ROUTINE sub', '  SCAN main.Article', 'SCAN sub'])).toEqual(['SCAN main.Article']);
    expect(planProblems(['SCAN Article USING INDEX Article_publishAt_idx'])).toHaveLength(1);
  });

  it('accepts a range on an index in order, and a sort of rows found by id', () => {
    expect(
      planProblems([
        'SEARCH Article USING INDEX Article_deletedAt_retractedAt_publishAt_liveRevisionId_id_idx (deletedAt=? AND retractedAt=? AND publishAt>?)',
      ]),
    ).toEqual([]);
    expect(
      planProblems([
        'SEARCH Article USING COVERING INDEX Article_id_deletedAt_status_updatedAt_idx (id=? AND deletedAt=?)',
        'USE TEMP B-TREE FOR ORDER BY',
      ]),
    ).toEqual([]);
  });
});
