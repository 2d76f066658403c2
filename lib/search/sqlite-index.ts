// The SQLite search index (docs/architecture.md: Databases): two FTS5 tables of pre-tokenised text (tokenizer.ts).
// `search_public` holds what readers may find: the live (published) revision of stories that are
// published and neither retracted nor deleted; the time rule (publishAt <= now) is applied at query
// time, so a scheduled story becomes findable at its time like everywhere else. `search_newsroom`
// holds the working copy of every story not deleted. The tables are created here rather than by a
// Prisma migration, because Prisma's schema diff would try to drop FTS5's shadow tables.
import type { Db } from '../db-client';
import { indexText } from './tokenizer';

type Sql = Pick<Db, '$executeRaw'> & Pick<Db, 'article'>;

// The columns carry what the queries filter on, so a search never has to visit the Article table
// for its candidates: publish_at (SQLite's ISO text, unindexed) for the time rule and date ranges,
// owners (space-separated user ids: creator and credited authors) for a reporter's own stories.
// owners is indexed: a reporter's search is one more MATCH term, which FTS5 intersects with the
// words' lists, instead of a test of every match of a common word (柯城) row by row.
const TABLES = {
  search_public: 'article_id UNINDEXED, publish_at UNINDEXED, title, body',
  search_newsroom: 'article_id UNINDEXED, owners, title, body',
} as const;

/** Whether the table exists with exactly this column list (names and UNINDEXED flags). */
async function hasLayout(db: Pick<Db, '$queryRawUnsafe'>, table: string, columns: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '${table}'`);
  return Boolean(rows[0]?.sql.includes(`fts5(${columns},`));
}

function columnNames(columns: string): string[] {
  return columns.split(',').map((column) => column.trim().split(' ')[0]!);
}

async function hasColumnNames(db: Pick<Db, '$queryRawUnsafe'>, table: string, columns: string): Promise<boolean> {
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
async function relayout(db: Pick<Db, '$executeRawUnsafe'>, table: string, columns: string): Promise<void> {
  const names = columnNames(columns).join(', ');
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}_relayout`);
  await db.$executeRawUnsafe(createTable(`${table}_relayout`, columns));
  await db.$executeRawUnsafe(`INSERT INTO ${table}_relayout (rowid, ${names}) SELECT rowid, ${names} FROM ${table}`);
  await db.$executeRawUnsafe(`DROP TABLE ${table}`);
  await db.$executeRawUnsafe(`ALTER TABLE ${table}_relayout RENAME TO ${table}`);
}

export async function ensureSearchIndex(db: Pick<Db, '$executeRawUnsafe' | '$queryRawUnsafe'>): Promise<void> {
  for (const [table, columns] of Object.entries(TABLES)) {
    if (!(await hasLayout(db, table, columns))) {
      // An index of the same columns is carried over; one of other columns is dropped, and
      // syncSearchIndex then rebuilds it from the stories.
      if (await hasColumnNames(db, table, columns)) await relayout(db, table, columns);
      else await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.$executeRawUnsafe(createTable(table, columns));
  }
}

/** SQLite keeps Prisma DateTimes as ISO text with "+00:00"; the index and its queries use the same spelling. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

type Searchable = { kicker: string | null; headline: string; subheadline: string | null; byline: string | null; summary: string | null; bodyText: string };

export function titleOf(content: Searchable): string {
  return indexText([content.kicker, content.headline, content.subheadline].filter(Boolean).join(' '));
}

export function bodyOf(content: Searchable): string {
  return indexText([content.byline, content.summary, content.bodyText].filter(Boolean).join('\n'));
}

/** Brings one story's index rows in step with the database. Call inside the transaction that changed it. */
export async function indexArticle(tx: Sql, articleId: string): Promise<void> {
  await removeFromIndex(tx, articleId);
  const article = await tx.article.findUnique({
    where: { id: articleId },
    include: { liveRevision: true, authors: { select: { userId: true } } },
  });
  if (!article || article.deletedAt) return;
  const owners = ownersOf(article.createdById, article.authors.map((author) => author.userId));
  await tx.$executeRaw`INSERT INTO search_newsroom (article_id, owners, title, body) VALUES (${article.id}, ${owners}, ${titleOf(article)}, ${bodyOf(article)})`;
  const live = article.liveRevision;
  if (article.status !== 'RETRACTED' && !article.retractedAt && live && article.publishAt) {
    await tx.$executeRaw`INSERT INTO search_public (article_id, publish_at, title, body) VALUES (${article.id}, ${sqliteTime(article.publishAt)}, ${titleOf(live)}, ${bodyOf(live)})`;
  }
}

export function ownersOf(createdById: string | null, authorIds: readonly (string | null)[]): string {
  return [...new Set([createdById, ...authorIds].filter((id): id is string => Boolean(id)))].join(' ');
}

export async function removeFromIndex(tx: Pick<Db, '$executeRaw'>, articleId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM search_public WHERE article_id = ${articleId}`;
  await tx.$executeRaw`DELETE FROM search_newsroom WHERE article_id = ${articleId}`;
}

/** Rebuilds both tables from the articles (after an import, a restore, or to repair). */
export async function rebuildSearchIndex(db: Db, batchSize = 500): Promise<number> {
  await ensureSearchIndex(db);
  await db.$executeRawUnsafe('DELETE FROM search_public');
  await db.$executeRawUnsafe('DELETE FROM search_newsroom');
  let cursor: string | undefined;
  let count = 0;
  for (;;) {
    const batch = await db.article.findMany({
      where: { deletedAt: null },
      // Rowid order then follows publication time, which search uses to bound ranking work.
      orderBy: [{ publishAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true },
    });
    if (batch.length === 0) return count;
    await db.$transaction(async (tx) => {
      for (const { id } of batch) await indexArticle(tx, id);
    });
    count += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}

/** At start-up: create the index if missing and rebuild it when it is out of step with the stories. */
export async function syncSearchIndex(db: Db): Promise<{ rebuilt: boolean; count: number }> {
  await ensureSearchIndex(db);
  const [indexed] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM search_newsroom`;
  const stories = await db.article.count({ where: { deletedAt: null } });
  if (Number(indexed?.n ?? 0) === stories) return { rebuilt: false, count: stories };
  return { rebuilt: true, count: await rebuildSearchIndex(db) };
}
