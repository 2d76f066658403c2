// The SQLite search index (docs/architecture.md: Databases): two FTS5 tables of pre-tokenised text (tokenizer.ts).
// `search_public` holds what readers may find: the live (published) revision of stories that are
// published and neither retracted nor deleted; the time rule (publishAt <= now) is applied at query
// time, so a scheduled story becomes findable at its time like everywhere else. `search_newsroom`
// holds the working copy of every story not deleted. The tables are created here rather than by a
// Prisma migration, because Prisma's schema diff would try to drop FTS5's shadow tables.
import { Prisma } from '../generated/prisma/client';
import { RANK_WINDOW, TITLE_WEIGHT, type Ranked, type SearchStore } from './store';
import { ftsQuery, type QueryTerm } from './tokenizer';

type Raw = Parameters<SearchStore['ensure']>[0];

// The columns carry what the queries filter on, so a search never has to visit the Article table
// for its candidates: publish_at (SQLite's ISO text, unindexed) for the time rule, dated_at (the date
// readers see: an imported back issue's stories carry their issue's day, store.ts) for date ranges,
// owners (space-separated user ids: creator and credited authors) for a reporter's own stories.
// owners is indexed: a reporter's search is one more MATCH term, which FTS5 intersects with the
// words' lists, instead of a test of every match of a common word (柯城) row by row.
const TABLES = {
  search_public: 'article_id UNINDEXED, publish_at UNINDEXED, dated_at UNINDEXED, title, body',
  search_newsroom: 'article_id UNINDEXED, owners, title, body',
} as const;

/** bm25's weight for each column of a table, in order: titles count TITLE_WEIGHT times, bodies once, the rest not. */
const BM25_WEIGHTS = Object.fromEntries(
  Object.entries(TABLES).map(([table, columns]) => [
    table,
    columnNames(columns)
      .map((column) => (column === 'title' ? `${TITLE_WEIGHT}` : column === 'body' ? '1.0' : '0'))
      .join(', '),
  ]),
) as Record<keyof typeof TABLES, string>;

/** Whether the table exists with exactly this column list (names and UNINDEXED flags). */
async function hasLayout(db: Raw, table: string, columns: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ sql: string }[]>(
    `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '${table}'`,
  );
  return Boolean(rows[0]?.sql.includes(`fts5(${columns},`));
}

async function tableExists(db: Raw, table: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${table}'`,
  );
  return rows.length > 0;
}

function columnNames(columns: string): string[] {
  return columns.split(',').map((column) => column.trim().split(' ')[0]!);
}

async function hasColumnNames(db: Raw, table: string, columns: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${table}')`);
  const wanted = columnNames(columns);
  return rows.length === wanted.length && wanted.every((name, index) => rows[index]?.name === name);
}

function createTable(table: string, columns: string): string {
  // unicode61 splits on the spaces between our tokens and keeps each CJK bigram whole.
  return `CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(${columns}, tokenize = 'unicode61 remove_diacritics 0')`;
}

/**
 * Same columns, other flags (owners became indexed): the stored text is copied into the new layout
 * with its rowids (publication order), so no story is read and tokenised again; a rebuild from the
 * stories takes far longer on a large archive. The old table goes only once the copy is made.
 */
async function relayout(db: Raw, table: string, columns: string): Promise<void> {
  const names = columnNames(columns).join(', ');
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}_relayout`);
  await db.$executeRawUnsafe(createTable(`${table}_relayout`, columns));
  await db.$executeRawUnsafe(`INSERT INTO ${table}_relayout (rowid, ${names}) SELECT rowid, ${names} FROM ${table}`);
  await db.$executeRawUnsafe(`DROP TABLE ${table}`);
  await db.$executeRawUnsafe(`ALTER TABLE ${table}_relayout RENAME TO ${table}`);
}

/** SQLite keeps Prisma DateTimes as ISO text with "+00:00"; the index and its queries use the same spelling. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** Ids of one page of matches: the newest RANK_WINDOW matches passing `filter`, ordered by bm25. */
async function rankedIds(
  db: Raw,
  table: 'search_public' | 'search_newsroom',
  match: string,
  filter: Prisma.Sql,
  limit: number,
  offset: number,
): Promise<Ranked> {
  const fts = Prisma.raw(table);
  // One pass: the window of newest matches, scored, counted and paged together.
  const rows = await db.$queryRaw<{ id: string; n: bigint | number }[]>`
    SELECT id, count(*) OVER () AS n FROM (
      SELECT article_id AS id, bm25(${fts}, ${Prisma.raw(BM25_WEIGHTS[table])}) AS score, rowid AS r
      FROM ${fts} WHERE ${fts} MATCH ${match} AND ${filter}
      ORDER BY rowid DESC LIMIT ${RANK_WINDOW + 1}
    ) ORDER BY score, r DESC LIMIT ${limit} OFFSET ${offset}`;
  // A page past the end has no rows to carry the count; that page is empty whatever the total.
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.n ?? 0) };
}

export const sqliteSearchStore: SearchStore = {
  async ensure(db) {
    let dropped = false;
    for (const [table, columns] of Object.entries(TABLES)) {
      if (!(await hasLayout(db, table, columns))) {
        // An index of the same columns is carried over; one of other columns is dropped, and
        // syncSearchIndex then rebuilds it from the stories.
        if (await hasColumnNames(db, table, columns)) await relayout(db, table, columns);
        else if (await tableExists(db, table)) {
          await db.$executeRawUnsafe(`DROP TABLE ${table}`);
          dropped = true;
        }
      }
    }
    // syncSearchIndex counts search_newsroom: a dropped search_public alone (new columns) would leave
    // that count in step and readers with an empty index, so both go and both are rebuilt.
    if (dropped) for (const table of Object.keys(TABLES)) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
    for (const [table, columns] of Object.entries(TABLES)) await db.$executeRawUnsafe(createTable(table, columns));
  },
  async write(tx, story) {
    await tx.$executeRaw`INSERT INTO search_newsroom (article_id, owners, title, body) VALUES (${story.articleId}, ${story.owners.join(' ')}, ${story.title.join(' ')}, ${story.body.join(' ')})`;
    if (story.live) {
      await tx.$executeRaw`INSERT INTO search_public (article_id, publish_at, dated_at, title, body) VALUES (${story.articleId}, ${sqliteTime(story.live.publishAt)}, ${sqliteTime(story.live.datedAt)}, ${story.live.title.join(' ')}, ${story.live.body.join(' ')})`;
    }
  },
  async writeMany(tx, stories) {
    for (const story of stories) await sqliteSearchStore.write(tx, story);
  },
  async remove(tx, articleId) {
    await tx.$executeRaw`DELETE FROM search_public WHERE article_id = ${articleId}`;
    await tx.$executeRaw`DELETE FROM search_newsroom WHERE article_id = ${articleId}`;
  },
  async clear(db) {
    await db.$executeRawUnsafe('DELETE FROM search_public');
    await db.$executeRawUnsafe('DELETE FROM search_newsroom');
  },
  async count(db) {
    const [indexed] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM search_newsroom`;
    return Number(indexed?.n ?? 0);
  },
  async settle() {
    // FTS5 keeps its own statistics; nothing to do.
  },
  rankPublished(db, terms, window, limit, offset) {
    const filter = Prisma.join(
      [
        Prisma.sql`publish_at <= ${sqliteTime(window.now)}`,
        ...(window.from ? [Prisma.sql`dated_at >= ${sqliteTime(window.from)}`] : []),
        ...(window.to ? [Prisma.sql`dated_at < ${sqliteTime(window.to)}`] : []),
      ],
      ' AND ',
    );
    return rankedIds(db, 'search_public', ftsQuery(terms), filter, limit, offset);
  },
  rankNewsroom(db, terms: readonly QueryTerm[], ownerId, limit, offset) {
    // The words are looked for in title and body only; a reporter's own stories are a phrase in the
    // indexed owners column, so FTS5 intersects the lists.
    const words = `{title body} : (${ftsQuery(terms)})`;
    const match = ownerId ? `${words} AND owners : "${ownerId.replaceAll('"', '""')}"` : words;
    return rankedIds(db, 'search_newsroom', match, Prisma.sql`1`, limit, offset);
  },
};
