// The SQLite search index (DESIGN §7): two FTS5 tables of pre-tokenised text (tokenizer.ts).
// `search_public` holds what readers may find: the live (published) revision of stories that are
// published and neither retracted nor deleted; the time rule (publishAt <= now) is applied at query
// time, so a scheduled story becomes findable at its time like everywhere else. `search_newsroom`
// holds the working copy of every story not deleted. The tables are created here rather than by a
// Prisma migration, because Prisma's schema diff would try to drop FTS5's shadow tables.
import type { Db } from '../db-client';
import { indexText } from './tokenizer';

type Sql = Pick<Db, '$executeRawUnsafe' | '$executeRaw' | '$queryRaw'> & Pick<Db, 'article'>;

const TABLES = ['search_public', 'search_newsroom'] as const;

export async function ensureSearchIndex(db: Pick<Db, '$executeRawUnsafe'>): Promise<void> {
  for (const table of TABLES) {
    // unicode61 splits on the spaces between our tokens and keeps each CJK bigram whole.
    await db.$executeRawUnsafe(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')`,
    );
  }
}

type Searchable = { kicker: string | null; headline: string; subheadline: string | null; byline: string | null; summary: string | null; bodyText: string };

function titleOf(content: Searchable): string {
  return indexText([content.kicker, content.headline, content.subheadline].filter(Boolean).join(' '));
}

function bodyOf(content: Searchable): string {
  return indexText([content.byline, content.summary, content.bodyText].filter(Boolean).join('\n'));
}

/** Brings one story's index rows in step with the database. Call inside the transaction that changed it. */
export async function indexArticle(tx: Sql, articleId: string): Promise<void> {
  await removeFromIndex(tx, articleId);
  const article = await tx.article.findUnique({ where: { id: articleId }, include: { liveRevision: true } });
  if (!article || article.deletedAt) return;
  await tx.$executeRaw`INSERT INTO search_newsroom (article_id, title, body) VALUES (${article.id}, ${titleOf(article)}, ${bodyOf(article)})`;
  const live = article.liveRevision;
  if (article.status === 'PUBLISHED' && !article.retractedAt && live) {
    await tx.$executeRaw`INSERT INTO search_public (article_id, title, body) VALUES (${article.id}, ${titleOf(live)}, ${bodyOf(live)})`;
  }
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
      orderBy: { id: 'asc' },
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
