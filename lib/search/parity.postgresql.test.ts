// One query set, two databases: the same archive (a SQLite newsroom copied to PostgreSQL with
// db:copy's code, so ids are equal) matches exactly the same stories on both (words, phrases,
// one-character prefixes, numbers, Latin text) and ranks them in the same order: PostgreSQL computes
// FTS5's bm25 (postgresql-index.ts), ties going to the newer story on both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { applySqliteMigrations } from '../../server/database-setup';
import { generateArchive } from '../../test/support/synthetic-archive';
import { copyToPostgres } from '../database/copy-to-postgresql';
import { withPostgres } from '../database/postgresql/connect';
import { createPostgresClient, createSqliteClient, type Db } from '../db-client';
import { searchNewsroom, searchPublished } from './search';
import { ensureSearchIndex, indexArticle, rebuildSearchIndex, syncSearchIndex } from './search-index';

const server = inject('postgresServer');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'search-parity-'));
const name = `p_${crypto.randomUUID().replaceAll('-', '')}`;
let sqlite: Db;
let postgres: Db;
const now = new Date();

export const SHARED_QUERIES = [
  '大禹鼎',
  '柯城',
  '人民医院',
  '巡察组',
  '红色物业联盟',
  '现场会',
  '鼎',
  '柯',
  '2019年',
  '5G基站',
  'COVID-19',
  '2020',
  '柯城 大禹鼎',
  '荷花街道',
  '垃圾分类',
  '五水共治 衢江',
  '乡村振兴工作队',
  '区委 部署',
  '量子计算',
  '共富工坊',
];

beforeAll(async () => {
  const sqlitePath = path.join(scratch, 'newsroom.db');
  applySqliteMigrations({ DATA_DIR: scratch }, sqlitePath);
  sqlite = createSqliteClient(sqlitePath);
  await loadSampleIssue(sqlite);
  generateArchive(
    sqlitePath,
    { years: 1, pagesPerIssue: 4, articlesPerPage: 6, firstNumber: 1, charsPerArticle: 300 },
    now,
  );
  await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  await copyToPostgres(sqlite, url.toString());
  postgres = createPostgresClient(url.toString());
  expect(await rebuildSearchIndex(sqlite)).toBe(await rebuildSearchIndex(postgres));
}, 180_000);
afterAll(async () => {
  await sqlite.$disconnect();
  await postgres.$disconnect();
  fs.rmSync(scratch, { recursive: true, force: true });
  await withPostgres(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

const page = async (db: Db, q: string, pageNumber = 1) => {
  const result = await searchPublished(db, { q, pageSize: 50, page: pageNumber }, now);
  return { total: result.total, capped: result.capped, ids: result.hits.map((hit) => hit.articleId) };
};
const newsroomPage = async (db: Db, q: string) =>
  (await searchNewsroom(db, { q, pageSize: 50 })).hits.map((hit) => hit.articleId);

/**
 * Every difference between search_terms and a live count of the stories holding each lexeme, both
 * ways (a lexeme missing from search_terms counts as 0 there; one no story holds any more may stay with 0).
 */
const termCountDifferences = () =>
  postgres.$queryRawUnsafe<{ name: string; lexeme: string; kept: bigint; live: bigint }[]>(
    `WITH live AS (
       SELECT 'search_public' AS name, lexeme, count(*) AS docs FROM search_public, unnest(tsvector_to_array(doc)) AS lexeme GROUP BY lexeme
       UNION ALL
       SELECT 'search_newsroom', lexeme, count(*) FROM search_newsroom, unnest(tsvector_to_array(doc)) AS lexeme GROUP BY lexeme)
     SELECT coalesce(kept.name, live.name) AS name, coalesce(kept.lexeme, live.lexeme) AS lexeme, coalesce(kept.docs, 0) AS kept, coalesce(live.docs, 0) AS live
     FROM search_terms AS kept FULL JOIN live ON kept.name = live.name AND kept.lexeme = live.lexeme
     WHERE coalesce(kept.docs, 0) <> coalesce(live.docs, 0)`,
  );

/** Stories that name the query in their title (and say little else), among archive stories that mention it in passing. */
const CLEAR_CUT = [
  { q: '冰川科考', headline: '冰川科考队今日出发', body: '冰川科考队从柯城出发。' },
  { q: '量子通信', headline: '量子通信试点落户衢州', body: '量子通信网络开通。' },
  { q: '龙游石窟', headline: '龙游石窟迎来新展', body: '龙游石窟新展开幕。' },
  { q: '鹫', headline: '鹫峰新村建成', body: '鹫峰新村。' },
];

describe('search on SQLite and PostgreSQL', () => {
  it.each(SHARED_QUERIES)('matches the same stories in the same order for %s', async (q) => {
    const [onSqlite, onPostgres] = [await page(sqlite, q), await page(postgres, q)];
    expect(onPostgres.total).toBe(onSqlite.total);
    expect(onPostgres.capped).toBe(onSqlite.capped);
    expect(onPostgres.ids).toEqual(onSqlite.ids);
    // A later page too: the order holds past the first screen.
    expect((await page(postgres, q, 2)).ids).toEqual((await page(sqlite, q, 2)).ids);
  });

  it.each(SHARED_QUERIES)('ranks the newsroom search the same for %s', async (q) => {
    expect(await newsroomPage(postgres, q)).toEqual(await newsroomPage(sqlite, q));
  });

  it.each(CLEAR_CUT)('puts the story titled with the words first on both: $q', async ({ q, headline, body }) => {
    const template = await sqlite.article.findFirstOrThrow({
      where: { liveRevisionId: { not: null }, status: 'PUBLISHED' },
      include: { liveRevision: true },
    });
    for (const db of [sqlite, postgres]) {
      // Archive stories that mention the words once, deep in a long body.
      for (let i = 0; i < 3; i += 1) {
        const passing = await db.article.findFirstOrThrow({
          where: { id: { not: template.id }, liveRevisionId: { not: null } },
          skip: 40 + i + CLEAR_CUT.findIndex((c) => c.q === q) * 3,
          orderBy: { id: 'asc' },
          include: { liveRevision: true },
        });
        await db.revision.update({
          where: { id: passing.liveRevisionId! },
          data: { bodyText: `${passing.liveRevision!.bodyText}又及：${q}。` },
        });
        await indexArticle(db, passing.id);
      }
      await db.revision.update({
        where: { id: template.liveRevisionId! },
        data: { headline, kicker: null, subheadline: null, summary: null, byline: null, bodyText: body },
      });
      await indexArticle(db, template.id);
    }
    const [onSqlite, onPostgres] = [
      await searchPublished(sqlite, { q }, now),
      await searchPublished(postgres, { q }, now),
    ];
    expect(onSqlite.hits[0]?.headline).toBe(headline);
    expect(onPostgres.hits[0]?.headline).toBe(headline);
    expect(onPostgres.hits[0]?.snippetHtml).toBe(onSqlite.hits[0]?.snippetHtml);
    expect(onPostgres.total).toBe(onSqlite.total);
  });

  it('limits a reporter to their own stories on both', async () => {
    const story = await sqlite.article.findFirstOrThrow({ where: { headline: '现场会在柯城召开' } });
    for (const db of [sqlite, postgres]) {
      const reporter = await db.user.create({
        data: { id: 'parity-reporter', email: 'parity@example.com', name: '记者', role: 'REPORTER' },
      });
      await db.article.update({ where: { id: story.id }, data: { createdById: reporter.id } });
      await indexArticle(db, story.id);
      expect((await searchNewsroom(db, { q: '柯城', ownerId: reporter.id })).hits.map((hit) => hit.articleId)).toEqual([
        story.id,
      ]);
      expect((await searchNewsroom(db, { q: reporter.id })).hits).toEqual([]);
    }
  });

  it('keeps bm25 statistics (rows, total length) in step with the rows after re-indexing', async () => {
    const stats = await postgres.$queryRawUnsafe<
      { name: string; rows: bigint; tokens: bigint; counted: bigint; summed: bigint }[]
    >(
      `SELECT name, rows, tokens,
              CASE name WHEN 'search_public' THEN (SELECT count(*) FROM search_public) ELSE (SELECT count(*) FROM search_newsroom) END AS counted,
              CASE name WHEN 'search_public' THEN (SELECT sum(len) FROM search_public) ELSE (SELECT sum(len) FROM search_newsroom) END AS summed
       FROM search_stats ORDER BY name`,
    );
    expect(stats.map((row) => row.name)).toEqual(['search_newsroom', 'search_public']);
    for (const row of stats) {
      expect(row.rows).toBe(row.counted);
      expect(row.tokens).toBe(row.summed);
    }
  });

  it("keeps each lexeme's story count (search_terms) equal to the stories holding it after re-indexing", async () => {
    expect(await termCountDifferences()).toEqual([]);
    const [held] = await postgres.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM search_terms WHERE docs > 0 AND lexeme IN ('柯城', '柯*')`,
    );
    expect(held?.n).toBe(4n);
  });

  it('counts search_terms from the rows for an index written before it existed', async () => {
    await postgres.$executeRawUnsafe('DROP TABLE search_terms');
    await ensureSearchIndex(postgres);
    expect(await termCountDifferences()).toEqual([]);
    const [kept] = await postgres.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM search_terms');
    expect(kept?.n).toBeGreaterThan(1000n);
  });

  it('drops an index of an earlier layout at start and rebuilds it from the stories', async () => {
    await postgres.$executeRawUnsafe('COMMENT ON TABLE search_public IS NULL');
    expect((await syncSearchIndex(postgres)).rebuilt).toBe(true);
    const [layout] = await postgres.$queryRawUnsafe<{ comment: string | null }[]>(
      `SELECT obj_description('search_public'::regclass, 'pg_class') AS comment`,
    );
    expect(layout?.comment).toMatch(/layout/);
    // Rebuilt in publication order, as SQLite's is by a rebuild: the same window and order again.
    await rebuildSearchIndex(sqlite);
    for (const q of ['柯城', '大禹鼎', '柯']) expect(await page(postgres, q)).toEqual(await page(sqlite, q));
    expect((await syncSearchIndex(postgres)).rebuilt).toBe(false);
  });
});
