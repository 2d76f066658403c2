// The PostgreSQL search index: the same two tables as SQLite's FTS5 (sqlite-index.ts), holding the
// same tokens as a tsvector (tsvector.ts) with a GIN index. `seq` plays FTS5's rowid: it grows with
// every write, and a rebuild writes stories in publication order, so "the newest matches" are the
// highest seq on both databases. Created here rather than by a migration, like SQLite's.
import { Prisma } from '../generated/prisma/client';
import { tsqueryLiteral, tsvectorLiteral } from './tsvector';
import { RANK_WINDOW, TITLE_WEIGHT, type Ranked, type SearchStore } from './store';
import type { QueryTerm } from './tokenizer';

type Raw = Parameters<SearchStore['ensure']>[0];

const DDL = [
  `CREATE TABLE IF NOT EXISTS search_public (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     publish_at timestamptz NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_public_doc ON search_public USING gin (doc)',
  'CREATE INDEX IF NOT EXISTS search_public_publish_at ON search_public (publish_at)',
  `CREATE TABLE IF NOT EXISTS search_newsroom (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     owners text[] NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_newsroom_doc ON search_newsroom USING gin (doc)',
  'CREATE INDEX IF NOT EXISTS search_newsroom_owners ON search_newsroom USING gin (owners)',
];
/** The inverted indexes, dropped while a rebuild writes every row and built once afterwards (settle). */
const GIN_INDEXES = ['search_public_doc', 'search_newsroom_doc', 'search_newsroom_owners'];

// ts_rank's weights, in its order {D, C, B, A}: a title word (A) counts TITLE_WEIGHT times a body word (D).
const WEIGHTS = `{${1 / TITLE_WEIGHT},${1 / TITLE_WEIGHT},${1 / TITLE_WEIGHT},1}`;

/**
 * The newest RANK_WINDOW matches, scored and paged. Matching needs every term (`&`); the score sums
 * each term's weighted frequency (ranked against `|`), as bm25 sums over terms on SQLite.
 */
async function rankedIds(db: Raw, table: 'search_public' | 'search_newsroom', terms: readonly QueryTerm[], filter: Prisma.Sql, limit: number, offset: number): Promise<Ranked> {
  const t = Prisma.raw(table);
  const rows = await db.$queryRaw<{ id: string; n: bigint | number }[]>`
    WITH hits AS MATERIALIZED (
      SELECT seq, article_id, doc FROM ${t}
      WHERE doc @@ ${tsqueryLiteral(terms)}::tsquery AND ${filter}
      ORDER BY seq DESC LIMIT ${RANK_WINDOW + 1}
    )
    SELECT article_id AS id, count(*) OVER () AS n FROM hits
    ORDER BY ts_rank(${WEIGHTS}::float4[], doc, ${tsqueryLiteral(terms, '|')}::tsquery) DESC, seq DESC
    LIMIT ${limit} OFFSET ${offset}`;
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.n ?? 0) };
}

export const postgresqlSearchStore: SearchStore = {
  async ensure(db) {
    for (const statement of DDL) await db.$executeRawUnsafe(statement);
  },
  async write(tx, story) {
    await tx.$executeRaw`INSERT INTO search_newsroom (article_id, owners, doc)
      VALUES (${story.articleId}, string_to_array(${story.owners.join(' ')}, ' '), ${tsvectorLiteral(story.title, story.body)}::tsvector)`;
    if (story.live) {
      await tx.$executeRaw`INSERT INTO search_public (article_id, publish_at, doc)
        VALUES (${story.articleId}, ${story.live.publishAt.toISOString()}::timestamptz, ${tsvectorLiteral(story.live.title, story.live.body)}::tsvector)`;
    }
  },
  async writeMany(tx, stories) {
    // One statement per table for the whole batch: a rebuild of 100,000 stories in minutes, not hours.
    if (stories.length === 0) return;
    await tx.$executeRaw`INSERT INTO search_newsroom (article_id, owners, doc)
      SELECT id, string_to_array(owners, ' '), doc::tsvector FROM unnest(${stories.map((s) => s.articleId)}::text[], ${stories.map((s) => s.owners.join(' '))}::text[], ${stories.map((s) => tsvectorLiteral(s.title, s.body))}::text[]) WITH ORDINALITY AS v(id, owners, doc, n) ORDER BY n`;
    const live = stories.filter((story) => story.live);
    if (live.length === 0) return;
    await tx.$executeRaw`INSERT INTO search_public (article_id, publish_at, doc)
      SELECT id, at::timestamptz, doc::tsvector FROM unnest(${live.map((s) => s.articleId)}::text[], ${live.map((s) => s.live!.publishAt.toISOString())}::text[], ${live.map((s) => tsvectorLiteral(s.live!.title, s.live!.body))}::text[]) WITH ORDINALITY AS v(id, at, doc, n) ORDER BY n`;
  },
  async remove(tx, articleId) {
    await tx.$executeRaw`DELETE FROM search_public WHERE article_id = ${articleId}`;
    await tx.$executeRaw`DELETE FROM search_newsroom WHERE article_id = ${articleId}`;
  },
  async clear(db) {
    await db.$executeRawUnsafe('TRUNCATE search_public, search_newsroom');
    // Building a GIN index once over 100,000 rows is many times faster than keeping it up to date
    // row by row; until settle() has run, queries fall back to reading the table.
    for (const index of GIN_INDEXES) await db.$executeRawUnsafe(`DROP INDEX IF EXISTS ${index}`);
  },
  async count(db) {
    const [indexed] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM search_newsroom`;
    return Number(indexed?.n ?? 0);
  },
  async settle(db) {
    for (const statement of DDL) await db.$executeRawUnsafe(statement);
    // The planner's word statistics decide between the GIN index (rare words) and walking seq
    // backwards (common ones); after a rebuild they would be missing until autovacuum comes by.
    await db.$executeRawUnsafe('ANALYZE search_public');
    await db.$executeRawUnsafe('ANALYZE search_newsroom');
  },
  rankPublished(db, terms, window, limit, offset) {
    const filter = Prisma.join(
      [
        Prisma.sql`publish_at <= ${window.now.toISOString()}::timestamptz`,
        ...(window.from ? [Prisma.sql`publish_at >= ${window.from.toISOString()}::timestamptz`] : []),
        ...(window.to ? [Prisma.sql`publish_at < ${window.to.toISOString()}::timestamptz`] : []),
      ],
      ' AND ',
    );
    return rankedIds(db, 'search_public', terms, filter, limit, offset);
  },
  rankNewsroom(db, terms, ownerId, limit, offset) {
    const filter = ownerId ? Prisma.sql`owners @> ARRAY[${ownerId}]::text[]` : Prisma.sql`TRUE`;
    return rankedIds(db, 'search_newsroom', terms, filter, limit, offset);
  },
};
