// The PostgreSQL search index: the same two tables as SQLite's FTS5 (sqlite-index.ts), holding the
// same tokens as a tsvector (tsvector.ts) with a GIN index. `seq` plays FTS5's rowid: it grows with
// every write, and a rebuild writes stories in publication order, so "the newest matches" are the
// highest seq on both databases. Created here rather than by a migration, like SQLite's.
import { Prisma } from '../generated/prisma/client';
import { BODY_BASE, ownerTokenCount, termLexeme, tsqueryLiteral, tsvectorLiteral } from './tsvector';
import { RANK_WINDOW, TITLE_WEIGHT, type IndexedStory, type Ranked, type SearchStore } from './store';
import type { QueryTerm } from './tokenizer';

type Raw = Parameters<SearchStore['ensure']>[0];

type Table = 'search_public' | 'search_newsroom';
const TABLE_NAMES: readonly Table[] = ['search_newsroom', 'search_public'];

// `len` is the story's length in tokens as FTS5 counts it for bm25 (every indexed column: title and
// body, and on search_newsroom the owners column too); search_stats keeps each table's row count and
// total length (FTS5's averages record), updated in the same transaction as the rows.
const DDL = [
  `CREATE TABLE IF NOT EXISTS search_public (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     publish_at timestamptz NOT NULL,
     len integer NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_public_doc ON search_public USING gin (doc)',
  'CREATE INDEX IF NOT EXISTS search_public_publish_at ON search_public (publish_at)',
  `CREATE TABLE IF NOT EXISTS search_newsroom (
     seq bigserial PRIMARY KEY,
     article_id text NOT NULL UNIQUE,
     owners text[] NOT NULL,
     len integer NOT NULL,
     doc tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS search_newsroom_doc ON search_newsroom USING gin (doc)',
  'CREATE INDEX IF NOT EXISTS search_newsroom_owners ON search_newsroom USING gin (owners)',
  'CREATE TABLE IF NOT EXISTS search_stats (name text PRIMARY KEY, rows bigint NOT NULL, tokens bigint NOT NULL)',
  // How many stories of each table hold each lexeme (the `字*` prefix lexemes too): bm25's n, read by
  // primary key instead of counting the GIN index on every query. Kept by the same statements that
  // write and remove rows; a lexeme no story holds any more stays with 0.
  'CREATE TABLE IF NOT EXISTS search_terms (name text NOT NULL, lexeme text NOT NULL, docs bigint NOT NULL, PRIMARY KEY (name, lexeme))',
  ...TABLE_NAMES.map((table) => `INSERT INTO search_stats SELECT '${table}', count(*), coalesce(sum(len), 0) FROM ${table} ON CONFLICT (name) DO NOTHING`),
];
/** The inverted indexes, dropped while a rebuild writes every row and built once afterwards (settle). */
const GIN_INDEXES = ['search_public_doc', 'search_newsroom_doc', 'search_newsroom_owners'];

// FTS5's bm25 constants (sqlite ext/fts5/fts5_aux.c).
const K1 = 1.2;
const B = 0.75;

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

/** Tables of the layout before bm25 (no `len`, counts not in the documents) are dropped and rebuilt. */
async function hasCurrentLayout(db: Raw): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN ('search_public', 'search_newsroom') AND column_name = 'len'`;
  const tables = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('search_public', 'search_newsroom')`;
  return Number(tables[0]?.n ?? 0) === 0 || Number(rows[0]?.n ?? 0) === 2;
}

/**
 * The newest RANK_WINDOW matches, scored with FTS5's bm25 exactly as SQLite does
 * (`bm25(table, 0, 0, TITLE_WEIGHT, 1)`), and paged; ties go to the newer story on both databases.
 * For each query term: IDF = ln((N - n + 0.5) / (n + 0.5)), at least 1e-6, where n is the number of
 * stories of the whole table holding the term (search_terms) and N the table's rows;
 * f = TITLE_WEIGHT × title count + body count (from the document's counts, tsvector.ts);
 * score = Σ IDF × f × (k1 + 1) / (f + k1 × (1 − b + b × len / avglen)), summed in query order.
 * Only the window's stories are scored.
 */
async function rankedIds(db: Parameters<SearchStore['rankPublished']>[0], table: Table, terms: readonly QueryTerm[], filter: Prisma.Sql, limit: number, offset: number): Promise<Ranked> {
  const t = Prisma.raw(table);
  const lexemes = terms.map(termLexeme);
  // Planner settings for this query only (SET LOCAL, one transaction): the planner does not know that
  // reading `doc` means fetching and decompressing it out of line, so it would rather read the whole
  // table than an index; and the scoring subquery's estimated cost would trigger JIT compilation,
  // longer than the query itself.
  const [, , , rows] = await db.$transaction([
    db.$executeRawUnsafe('SET LOCAL enable_seqscan = off'),
    db.$executeRawUnsafe('SET LOCAL jit = off'),
    // Parallel workers cost more to start and stop than they save on one page of results.
    db.$executeRawUnsafe('SET LOCAL max_parallel_workers_per_gather = 0'),
    db.$queryRaw<{ id: string; n: bigint | number }[]>`
    WITH hits AS MATERIALIZED (
      SELECT seq, article_id, len, doc FROM ${t}
      WHERE doc @@ ${tsqueryLiteral(terms)}::tsquery AND ${filter}
      ORDER BY seq DESC LIMIT ${RANK_WINDOW + 1}
    ),
    held AS MATERIALIZED (
      SELECT seq, article_id, len, ts_filter(setweight(doc, 'B', ${lexemes}::text[]), '{b}') AS held FROM hits
    ),
    stats AS (SELECT rows::float8 AS n, tokens::float8 / greatest(rows, 1)::float8 AS avglen FROM search_stats WHERE name = ${table}),
    df AS MATERIALIZED (
      SELECT q.k::int AS k, q.lexeme, coalesce((SELECT docs FROM search_terms WHERE name = ${table} AND search_terms.lexeme = q.lexeme), 0)::float8 AS found
      FROM unnest(${lexemes}::text[]) WITH ORDINALITY AS q(lexeme, k)
    ),
    terms AS MATERIALIZED (
      SELECT df.k, df.lexeme, CASE WHEN raw.idf > 0 THEN raw.idf ELSE 1e-6::float8 END AS idf
      FROM df CROSS JOIN stats
      CROSS JOIN LATERAL (SELECT ln((stats.n - df.found + 0.5::float8) / (df.found + 0.5::float8)) AS idf) AS raw
    ),
    scored AS (
      SELECT held.seq, held.article_id, (
        SELECT sum(terms.idf * (f.f * (${K1}::float8 + 1.0::float8)) / (f.f + ${K1}::float8 * (1.0::float8 - ${B}::float8 + ${B}::float8 * held.len::float8 / stats.avglen)) ORDER BY terms.k)
        FROM unnest(held.held) AS w(lexeme, positions, weights)
        JOIN terms ON terms.lexeme = w.lexeme
        CROSS JOIN LATERAL (SELECT ${frequency(1)} + ${frequency(2)} AS f) AS f
      ) AS score
      FROM held CROSS JOIN stats
    )
    SELECT article_id AS id, count(*) OVER () AS n FROM scored
    ORDER BY score DESC, seq DESC
    LIMIT ${limit} OFFSET ${offset}`,
  ]);
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.n ?? 0) };
}

/**
 * The weighted count f held by a lexeme's i-th position (tsvector.ts: at most two, the title count
 * below BODY_BASE, then the body count above it), 0 when it has none.
 */
const frequency = (i: 1 | 2) =>
  Prisma.raw(`coalesce(CASE WHEN w.positions[${i}] < ${BODY_BASE} THEN ${TITLE_WEIGHT}::float8 * w.positions[${i}] ELSE (w.positions[${i}] - ${BODY_BASE})::float8 END, 0::float8)`);

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

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const publicLength = (live: NonNullable<IndexedStory['live']>) => live.title.length + live.body.length;
const newsroomLength = (story: IndexedStory) => ownerTokenCount(story.owners) + story.title.length + story.body.length;

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
      INSERT INTO search_newsroom (article_id, owners, len, doc)
      SELECT id, string_to_array(owners, ' '), len, doc::tsvector FROM unnest(${stories.map((s) => s.articleId)}::text[], ${stories.map((s) => s.owners.join(' '))}::text[], ${stories.map(newsroomLength)}::int[], ${stories.map((s) => tsvectorLiteral(s.title, s.body))}::text[]) WITH ORDINALITY AS v(id, owners, len, doc, n) ORDER BY n
      RETURNING doc)
      ${countAdded('search_newsroom')}`;
    const live = stories.flatMap((story) => (story.live ? [{ id: story.articleId, ...story.live }] : []));
    if (live.length === 0) return;
    await addToStats(tx, 'search_public', live.length, sum(live.map(publicLength)));
    await tx.$executeRaw`WITH added AS (
      INSERT INTO search_public (article_id, publish_at, len, doc)
      SELECT id, at::timestamptz, len, doc::tsvector FROM unnest(${live.map((s) => s.id)}::text[], ${live.map((s) => s.publishAt.toISOString())}::text[], ${live.map(publicLength)}::int[], ${live.map((s) => tsvectorLiteral(s.title, s.body))}::text[]) WITH ORDINALITY AS v(id, at, len, doc, n) ORDER BY n
      RETURNING doc)
      ${countAdded('search_public')}`;
  },
  async remove(tx, articleId) {
    // Same table order as writeMany, so two transactions lock the statistics rows in the same order.
    // Each table's statistics row is locked first, as in writeMany.
    for (const table of TABLE_NAMES) {
      const t = Prisma.raw(table);
      await tx.$queryRaw`SELECT 1 FROM search_stats WHERE name = ${table} FOR UPDATE`;
      const gone = await tx.$queryRaw<{ len: number }[]>`WITH gone AS (DELETE FROM ${t} WHERE article_id = ${articleId} RETURNING len, doc),
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
      await db.$executeRawUnsafe(`UPDATE search_stats SET (rows, tokens) = (SELECT count(*), coalesce(sum(len), 0) FROM ${table}) WHERE name = '${table}'`);
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
