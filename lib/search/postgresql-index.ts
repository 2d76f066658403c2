// The PostgreSQL search index: the same two tables as SQLite's FTS5 (sqlite-index.ts), holding the
// same tokens as a tsvector (tsvector.ts) with a GIN index. `seq` plays FTS5's rowid: it grows with
// every write, and a rebuild writes stories in publication order, so "the newest matches" are the
// highest seq on both databases. Created here rather than by a migration, like SQLite's.
import { Prisma } from '../generated/prisma/client';
import { rankWindow } from './bm25';
import { BUCKET_ROWS, countsByWord, windowAttempts, type TableShape } from './recent-window';
import { RANK_WINDOW, type IndexedArticle, type Ranked, type SearchStore } from './store';
import type { QueryTerm } from './tokenizer';
import { ownerLexeme, ownerTokenCount, termLexeme, tsqueryLiteral, tsvectorLiteral, weightedCounts } from './tsvector';

type Raw = Parameters<SearchStore['ensure']>[0];

type Table = 'search_public' | 'search_newsroom';
const TABLE_NAMES: readonly Table[] = ['search_newsroom', 'search_public'];

// `len` is the story's length in tokens as FTS5 counts it for bm25 (every indexed column: title and
// body, and on search_newsroom SQLite's owners column too); search_stats keeps each table's row count and
// total length (FTS5's averages record), updated in the same transaction as the rows. Besides its words,
// a document holds its seq bucket's lexeme (recent-window.ts) and, in search_newsroom, its owners'
// (ownerLexeme), so every filter but the publication time is a term of the one GIN index.
/** Written on both tables; an index of another layout is dropped and rebuilt (ensure). */
const LAYOUT = 'newsroom search index, layout 4: seq buckets and owners as lexemes, dated_at';
const DDL = [
  `CREATE TABLE IF NOT EXISTS search_public (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     publish_at timestamptz NOT NULL,
     dated_at timestamptz NOT NULL,
     len integer NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_public_doc ON search_public USING gin (doc)',
  'CREATE INDEX IF NOT EXISTS search_public_publish_at ON search_public (publish_at)',
  // The date readers see (store.ts), which date ranges filter on.
  'CREATE INDEX IF NOT EXISTS search_public_dated_at ON search_public (dated_at)',
  `CREATE TABLE IF NOT EXISTS search_newsroom (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     len integer NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_newsroom_doc ON search_newsroom USING gin (doc)',
  ...TABLE_NAMES.map((table) => `COMMENT ON TABLE ${table} IS '${LAYOUT}'`),
  'CREATE TABLE IF NOT EXISTS search_stats (name text PRIMARY KEY, rows bigint NOT NULL, tokens bigint NOT NULL)',
  // How many stories of each table hold each lexeme (the `字*` prefix lexemes too): bm25's n, read by
  // primary key instead of counting the GIN index on every query. Kept by the same statements that
  // write and remove rows; a lexeme no story holds any more stays with 0.
  'CREATE TABLE IF NOT EXISTS search_terms (name text NOT NULL, lexeme text NOT NULL, docs bigint NOT NULL, PRIMARY KEY (name, lexeme))',
  ...TABLE_NAMES.map(
    (table) =>
      `INSERT INTO search_stats SELECT '${table}', count(*), coalesce(sum(len), 0) FROM ${table} ON CONFLICT (name) DO NOTHING`,
  ),
];
/** The inverted indexes, dropped while a rebuild writes every row and built once afterwards (settle). */
const GIN_INDEXES = ['search_public_doc', 'search_newsroom_doc'];

/** Fills search_terms from the rows (an index of the layout before search_terms, or after a rebuild). */
async function countTerms(db: Raw, table: Table): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM search_terms WHERE name = '${table}'`);
  await db.$executeRawUnsafe(
    `INSERT INTO search_terms (name, lexeme, docs) SELECT '${table}', lexeme, count(*) FROM ${table}, unnest(tsvector_to_array(doc)) AS lexeme GROUP BY lexeme`,
  );
}

async function tableExists(db: Raw, name: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${name}`;
  return Number(rows[0]?.n ?? 0) > 0;
}

/** No index yet, or one written in this layout (an older one is dropped and rebuilt). */
async function hasCurrentLayout(db: Raw): Promise<boolean> {
  const rows = await db.$queryRaw<{ present: bigint | number; current: bigint | number }[]>`
    SELECT count(*) AS present, count(*) FILTER (WHERE obj_description(c.oid, 'pg_class') = ${LAYOUT}) AS current
    FROM pg_class AS c WHERE c.oid IN (to_regclass('search_public'), to_regclass('search_newsroom'))`;
  const [row] = rows;
  return Number(row?.present ?? 0) === 0 || Number(row?.current ?? 0) === 2;
}

/** What a search asks of a table: words (matched and scored), marks (matched only: ownerLexeme), and a row filter. */
type Wanted = { terms: readonly QueryTerm[]; marks: readonly string[]; filter: Prisma.Sql };
type Reader = Parameters<SearchStore['rankPublished']>[0];

/** The table's extent and each required lexeme's story count, for choosing where to look (recent-window.ts). */
async function shapeOf(db: Reader, table: Table, wanted: Wanted): Promise<TableShape> {
  const lexemes = [...wanted.terms.map(termLexeme), ...wanted.marks];
  const t = Prisma.raw(table);
  const [row] = await db.$queryRaw<
    { bottom: number | null; top: number | null; rows: number | null; found: number[] }[]
  >`
    SELECT (SELECT min(seq) FROM ${t})::float8 AS bottom, (SELECT max(seq) FROM ${t})::float8 AS top,
      (SELECT rows FROM search_stats WHERE name = ${table})::float8 AS rows,
      ARRAY(SELECT coalesce((SELECT docs FROM search_terms WHERE name = ${table} AND search_terms.lexeme = q.lexeme), 0)::float8
            FROM unnest(${lexemes}::text[]) WITH ORDINALITY AS q(lexeme, k) ORDER BY k) AS found`;
  return {
    bottom: row?.bottom ?? 0,
    top: row?.top ?? -1,
    rows: row?.rows ?? 0,
    words: countsByWord(wanted.terms, row?.found ?? []),
  };
}

/**
 * The newest RANK_WINDOW (+1) matches: one attempt per range of recent-window.ts, each run only when
 * the ones before found fewer than that (a one-time filter), the last over the whole table. Taken from
 * the GIN index alone (no recheck: the query has no weights or phrases), so no document is read to
 * choose them. A wider range holds every match of a narrower one, so the newest of them all are the window.
 */
function windowOf(table: Table, wanted: Wanted, attempts: readonly (string[] | null)[]): Prisma.Sql {
  const t = Prisma.raw(table);
  const size = RANK_WINDOW + 1;
  const ctes = attempts.map((anyOf, i) => {
    const earlierShort = attempts
      .slice(0, i)
      .map((_, j) => Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(`tried_${j}`)}) < ${size}`);
    const query = tsqueryLiteral(wanted.terms, wanted.marks, anyOf ?? undefined);
    return Prisma.sql`${Prisma.raw(`tried_${i}`)} AS MATERIALIZED (
      SELECT seq, article_id, len, doc FROM ${t}
      WHERE ${Prisma.join([...earlierShort, Prisma.sql`doc @@ ${query}::tsquery`, wanted.filter], ' AND ')}
      ORDER BY seq DESC LIMIT ${size})`;
  });
  const tried = Prisma.join(
    attempts.map((_, i) => Prisma.sql`SELECT * FROM ${Prisma.raw(`tried_${i}`)}`),
    ' UNION ALL ',
  );
  return Prisma.sql`${Prisma.join(ctes, ',\n')},
    hits AS MATERIALIZED (SELECT DISTINCT ON (seq) * FROM (${tried}) AS tried ORDER BY seq DESC LIMIT ${size})`;
}

/**
 * The window's stories ranked with FTS5's bm25 exactly as SQLite ranks them
 * (`bm25` weighing titles TITLE_WEIGHT and bodies 1, sqlite-index.ts and bm25.ts), and paged; ties go to the newer story on both.
 * PostgreSQL gives each story of the window its counts of the query's words (the document filtered to
 * them), and each term's IDF, from n, the number of stories of the whole table holding it (search_terms),
 * and N, the table's rows.
 */
async function rankedIds(db: Reader, table: Table, wanted: Wanted, limit: number, offset: number): Promise<Ranked> {
  const lexemes = wanted.terms.map(termLexeme);
  const attempts = windowAttempts(await shapeOf(db, table, wanted), RANK_WINDOW + 1);
  // Planner settings for this query only (local to its transaction): no plain index scan, so the
  // window is never found by testing stories' documents one by one (each read out of line, which the
  // planner does not count) but always from the GIN index; no JIT compilation, which takes longer than
  // the query; no parallel workers, which cost more to start than they save on one window.
  const [, [found]] = await db.$transaction([
    db.$queryRawUnsafe(
      "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)",
    ),
    // One row: the window as JSON ([seq, id, len, document filtered to the query's words] each) and
    // the terms' IDFs; a thousand rows cost more to hand over one by one than the query takes.
    db.$queryRaw<{ hits: [number, string, number, string][] | null; idf: number[]; avglen: number }[]>`
    WITH ${windowOf(table, wanted, attempts)},
    stats AS (SELECT rows::float8 AS n, tokens::float8 / greatest(rows, 1)::float8 AS avglen FROM search_stats WHERE name = ${table})
    SELECT (SELECT json_agg(json_build_array(seq, article_id, len, ts_filter(setweight(doc, 'B', ${lexemes}::text[]), '{b}')::text)) FROM hits) AS hits,
      (SELECT avglen FROM stats) AS avglen, ARRAY(
      SELECT CASE WHEN raw.idf > 0 THEN raw.idf ELSE 1e-6::float8 END
      FROM unnest(${lexemes}::text[]) WITH ORDINALITY AS q(lexeme, k)
      CROSS JOIN stats
      CROSS JOIN LATERAL (SELECT coalesce((SELECT docs FROM search_terms WHERE name = ${table} AND search_terms.lexeme = q.lexeme), 0)::float8 AS found) AS df
      CROSS JOIN LATERAL (SELECT ln((stats.n - df.found + 0.5::float8) / (df.found + 0.5::float8)) AS idf) AS raw
      ORDER BY q.k) AS idf`,
  ]);
  const rows = found!.hits ?? [];
  const stories = rows.map(([seq, id, len, held]) => ({ seq, id, len, f: weightedCounts(held, lexemes) }));
  return rankWindow(stories, found!.idf, found!.avglen, limit, offset);
}

/** Keeps search_stats in step with rows just written (positive) or removed (negative). */
async function addToStats(tx: Raw, table: Table, rows: number, tokens: number): Promise<void> {
  if (rows === 0) return;
  await tx.$executeRaw`UPDATE search_stats SET rows = rows + ${rows}, tokens = tokens + ${tokens} WHERE name = ${table}`;
}

/** Adds the stories just inserted (CTE `added`) to their lexemes' counts, in lexeme order. */
const countAdded = (table: Table) => Prisma.sql`
  INSERT INTO search_terms (name, lexeme, docs)
  SELECT ${table}::text, lexeme, count(*) FROM added, unnest(tsvector_to_array(added.doc)) AS lexeme GROUP BY lexeme ORDER BY lexeme
  ON CONFLICT (name, lexeme) DO UPDATE SET docs = search_terms.docs + excluded.docs`;

/**
 * The batch's rows in the given order, each with the seq it will have: the document's bucket lexeme
 * (recent-window.ts) is computed from the seq, so it is drawn before the row is written.
 */
const numbered = (table: Table, rows: Prisma.Sql) =>
  Prisma.sql`(SELECT nextval(pg_get_serial_sequence(${table}, 'seq')) AS seq, v.* FROM (SELECT * FROM ${rows} ORDER BY n) AS v) AS numbered`;

/** The seq bucket's lexeme as a one-word tsvector (bucketLexeme in SQL). */
const bucketOfSeq = Prisma.raw(`array_to_tsvector(ARRAY['#' || (seq / ${BUCKET_ROWS})::text])`);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const publicLength = (live: NonNullable<IndexedArticle['live']>) => live.title.length + live.body.length;
const newsroomLength = (story: IndexedArticle) =>
  ownerTokenCount(story.owners) + story.title.length + story.body.length;

export const postgresqlSearchStore: SearchStore = {
  async ensure(db) {
    if (!(await hasCurrentLayout(db))) {
      // syncSearchIndex then finds the index out of step with the stories and rebuilds it.
      await db.$executeRawUnsafe('DROP TABLE IF EXISTS search_public, search_newsroom, search_stats, search_terms');
    }
    const termsExisted = await tableExists(db, 'search_terms');
    for (const statement of DDL) await db.$executeRawUnsafe(statement);
    // An index written before search_terms existed: its counts are taken once from the rows.
    if (!termsExisted) for (const table of TABLE_NAMES) await countTerms(db, table);
  },
  async write(tx, story) {
    await postgresqlSearchStore.writeMany(tx, [story]);
  },
  async writeMany(tx, stories) {
    // One statement per table for the whole batch: a rebuild of 100,000 stories in minutes, not hours.
    // The statistics row is updated first: its lock orders concurrent writers of a table, so their
    // search_terms updates never wait on each other in a cycle.
    if (stories.length === 0) return;
    await addToStats(tx, 'search_newsroom', stories.length, sum(stories.map(newsroomLength)));
    await tx.$executeRaw`WITH added AS (
      INSERT INTO search_newsroom (seq, article_id, len, doc)
      SELECT seq, id, len, doc::tsvector || ${bucketOfSeq} FROM ${numbered('search_newsroom', Prisma.sql`unnest(${stories.map((s) => s.articleId)}::text[], ${stories.map(newsroomLength)}::int[], ${stories.map((s) => tsvectorLiteral(s.title, s.body, s.owners.map(ownerLexeme)))}::text[]) WITH ORDINALITY AS v(id, len, doc, n)`)}
      RETURNING doc)
      ${countAdded('search_newsroom')}`;
    const live = stories.flatMap((story) => (story.live ? [{ id: story.articleId, ...story.live }] : []));
    if (live.length === 0) return;
    await addToStats(tx, 'search_public', live.length, sum(live.map(publicLength)));
    await tx.$executeRaw`WITH added AS (
      INSERT INTO search_public (seq, article_id, publish_at, dated_at, len, doc)
      SELECT seq, id, at::timestamptz, dated::timestamptz, len, doc::tsvector || ${bucketOfSeq} FROM ${numbered('search_public', Prisma.sql`unnest(${live.map((s) => s.id)}::text[], ${live.map((s) => s.publishAt.toISOString())}::text[], ${live.map((s) => s.datedAt.toISOString())}::text[], ${live.map(publicLength)}::int[], ${live.map((s) => tsvectorLiteral(s.title, s.body))}::text[]) WITH ORDINALITY AS v(id, at, dated, len, doc, n)`)}
      RETURNING doc)
      ${countAdded('search_public')}`;
  },
  async remove(tx, articleId) {
    // Same table order as writeMany, so two transactions lock the statistics rows in the same order.
    // Each table's statistics row is locked first, as in writeMany.
    for (const table of TABLE_NAMES) {
      const t = Prisma.raw(table);
      await tx.$queryRaw`SELECT 1 FROM search_stats WHERE name = ${table} FOR UPDATE`;
      const gone = await tx.$queryRaw<
        { len: number }[]
      >`WITH gone AS (DELETE FROM ${t} WHERE article_id = ${articleId} RETURNING len, doc),
        terms AS (
          UPDATE search_terms SET docs = docs - 1 FROM (SELECT DISTINCT unnest(tsvector_to_array(doc)) AS lexeme FROM gone) AS held
          WHERE search_terms.name = ${table} AND search_terms.lexeme = held.lexeme)
        SELECT len FROM gone`;
      await addToStats(tx, table, -gone.length, -sum(gone.map((row) => row.len)));
    }
  },
  async clear(db) {
    await db.$executeRawUnsafe('TRUNCATE search_public, search_newsroom, search_terms');
    await db.$executeRawUnsafe('UPDATE search_stats SET rows = 0, tokens = 0');
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
    for (const table of TABLE_NAMES) {
      await db.$executeRawUnsafe(
        `UPDATE search_stats SET (rows, tokens) = (SELECT count(*), coalesce(sum(len), 0) FROM ${table}) WHERE name = '${table}'`,
      );
    }
    // The planner's word statistics decide between the GIN index (rare words) and walking seq
    // backwards (common ones); after a rebuild they would be missing until autovacuum comes by.
    await db.$executeRawUnsafe('ANALYZE search_public');
    await db.$executeRawUnsafe('ANALYZE search_newsroom');
  },
  rankPublished(db, terms, window, limit, offset) {
    const filter = Prisma.join(
      [
        Prisma.sql`publish_at <= ${window.now.toISOString()}::timestamptz`,
        ...(window.from ? [Prisma.sql`dated_at >= ${window.from.toISOString()}::timestamptz`] : []),
        ...(window.to ? [Prisma.sql`dated_at < ${window.to.toISOString()}::timestamptz`] : []),
      ],
      ' AND ',
    );
    return rankedIds(db, 'search_public', { terms, marks: [], filter }, limit, offset);
  },
  rankNewsroom(db, terms, ownerId, limit, offset) {
    return rankedIds(
      db,
      'search_newsroom',
      { terms, marks: ownerId ? [ownerLexeme(ownerId)] : [], filter: Prisma.sql`TRUE` },
      limit,
      offset,
    );
  },
};
