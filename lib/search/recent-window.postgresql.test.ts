// PostgreSQL finds a query's newest matches in the newest seq buckets first (recent-window.ts), then
// wider, then everywhere. Whichever attempt answers, the window must be exactly SQLite's (FTS5: the
// newest matches by rowid): 40,000 small stories written to both stores in the same order, with words
// placed so that the first attempt answers (a word in most stories), the second (a word only in older
// stories), or only the whole table (two words common apiece but together only in the oldest stories).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { seededRandom } from '../../test/support/chinese-text';
import { withPostgres } from '../database/postgresql/connect';
import { createPostgresClient, createSqliteClient, type Db } from '../db-client';
import { postgresqlSearchStore } from './postgresql-index';
import { countsByWord, windowAttempts } from './recent-window';
import { sqliteSearchStore } from './sqlite-index';
import { RANK_WINDOW, type IndexedArticle } from './store';
import { queryTerms } from './tokenizer';

const ARTICLES = 40_000;
const server = inject('postgresServer');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'recent-window-'));
const name = `w_${crypto.randomUUID().replaceAll('-', '')}`;
const start = new Date('2020-01-01T00:00:00Z');
const now = new Date(start.getTime() + (ARTICLES + 10) * 60_000);
let sqlite: Db;
let postgres: Db;

/** Story i (0 oldest): its words, chosen by rules each query below relies on. */
function story(i: number, random: () => number): IndexedArticle {
  const words = ['正文'];
  if (random() < 0.7) words.push('大禹');
  // In every story but the newest 5,000: the newest buckets hold none.
  if (i < ARTICLES - 5_000) words.push('衢江');
  // Each in ~60 % of stories, both only in the oldest tenth.
  if (i < ARTICLES / 10) words.push('荷花', '街道');
  else words.push(random() < 0.5 ? '荷花' : '街道');
  if (random() < 0.02) words.push('鼎');
  const title = random() < 0.3 ? [words[words.length - 1]!] : [];
  const owners = [i % 25 === 0 ? 'reporter-a' : 'reporter-b'];
  return {
    articleId: `s${i}`,
    owners,
    title,
    body: words,
    live: {
      publishAt: new Date(start.getTime() + i * 60_000),
      datedAt: new Date(start.getTime() + i * 60_000),
      title,
      body: words,
    },
  };
}

beforeAll(async () => {
  await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  postgres = createPostgresClient(url.toString());
  sqlite = createSqliteClient(path.join(scratch, 'index.db'));
  for (const [db, store] of [
    [postgres, postgresqlSearchStore],
    [sqlite, sqliteSearchStore],
  ] as const) {
    await store.ensure(db);
    const random = seededRandom(11);
    const stories = Array.from({ length: ARTICLES }, (_, i) => story(i, random));
    for (let i = 0; i < stories.length; i += 2_000)
      await db.$transaction((tx) => store.writeMany(tx, stories.slice(i, i + 2_000)), { timeout: 60_000 });
    await store.settle(db);
  }
}, 300_000);
afterAll(async () => {
  await sqlite.$disconnect();
  await postgres.$disconnect();
  fs.rmSync(scratch, { recursive: true, force: true });
  await withPostgres(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

/** How many attempts recent-window.ts plans for a query on the public table, as rankPublished sees it. */
async function plannedAttempts(q: string): Promise<number> {
  const terms = queryTerms(q);
  const lexemes = terms.map((term) => (term.prefix ? `${term.token}*` : term.token));
  const [row] = await postgres.$queryRawUnsafe<{ bottom: number; top: number; rows: number; found: number[] }[]>(
    `SELECT min(seq)::float8 AS bottom, max(seq)::float8 AS top, (SELECT rows FROM search_stats WHERE name = 'search_public')::float8 AS rows,
       ARRAY(SELECT coalesce((SELECT docs FROM search_terms WHERE name = 'search_public' AND lexeme = l), 0)::float8 FROM unnest($1::text[]) WITH ORDINALITY AS q(l, k) ORDER BY k) AS found
     FROM search_public`,
    lexemes,
  );
  return windowAttempts({ ...row!, words: countsByWord(terms, row!.found) }, RANK_WINDOW + 1).length;
}

const both = async (
  rank: (db: Db, store: typeof postgresqlSearchStore) => Promise<{ ids: string[]; total: number }>,
) => ({
  postgres: await rank(postgres, postgresqlSearchStore),
  sqlite: await rank(sqlite, sqliteSearchStore),
});

describe('the newest matches on PostgreSQL, whichever range answers', () => {
  it.each([
    { q: '大禹', attempts: 3, why: 'in most stories: the newest buckets answer' },
    {
      q: '衢江',
      attempts: 3,
      why: 'in all but the newest stories: the newest buckets hold none, a wider range answers',
    },
    { q: '荷花 街道', attempts: 2, why: 'together only in the oldest stories: only the whole table answers' },
    { q: '鼎', attempts: 1, why: 'rare: the whole table at once' },
  ])('ranks $q as SQLite does ($why)', async ({ q, attempts }) => {
    expect(await plannedAttempts(q)).toBe(attempts);
    const terms = queryTerms(q);
    for (const offset of [0, 500]) {
      const ranked = await both((db, store) => store.rankPublished(db, terms, { now }, 10, offset));
      expect(ranked.postgres.total).toBe(ranked.sqlite.total);
      expect(ranked.postgres.ids).toEqual(ranked.sqlite.ids);
      expect(ranked.postgres.ids).toHaveLength(10);
    }
  });

  it('keeps a date range and a reporter’s own stories exact', async () => {
    const terms = queryTerms('大禹');
    const window = {
      now,
      from: new Date(start.getTime() + 10_000 * 60_000),
      to: new Date(start.getTime() + 14_000 * 60_000),
    };
    const dated = await both((db, store) => store.rankPublished(db, terms, window, 10, 0));
    expect(dated.postgres).toEqual(dated.sqlite);
    expect(dated.postgres.total).toBe(RANK_WINDOW + 1);
    const own = await both((db, store) => store.rankNewsroom(db, terms, 'reporter-a', 10, 0));
    expect(own.postgres).toEqual(own.sqlite);
    expect(own.postgres.total).toBeGreaterThan(RANK_WINDOW);
    // Not yet published: the newest stories are outside the window of an earlier `now`.
    const earlier = await both((db, store) =>
      store.rankPublished(db, terms, { now: new Date(start.getTime() + 20_000 * 60_000) }, 10, 0),
    );
    expect(earlier.postgres).toEqual(earlier.sqlite);
  });
});
