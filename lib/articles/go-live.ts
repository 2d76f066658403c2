// Making a story's current text the one readers get (now or at publishAt): the live revision is a
// snapshot, so later edits stay in the newsroom until they are signed off and published again.
import type { Tx } from '../db-client';
import type { Article } from '../generated/prisma/client';
import { sameContent } from './content-fields';
import type { Status } from './workflow';

/** The revision holding the story's current text, made if the newest one differs. */
async function snapshotRevision(tx: Tx, article: Article, actorId: string): Promise<string> {
  const latest = await tx.revision.findFirst({ where: { articleId: article.id }, orderBy: { version: 'desc' } });
  if (latest && sameContent(latest, article)) return latest.id;
  const created = await tx.revision.create({
    data: {
      articleId: article.id, version: Math.max(article.version, (latest?.version ?? 0) + 1),
      kicker: article.kicker, headline: article.headline, subheadline: article.subheadline, dateline: article.dateline,
      byline: article.byline, summary: article.summary, body: article.body, bodyText: article.bodyText, wordCount: article.wordCount,
      authorId: actorId,
    },
  });
  return created.id;
}

/** First publication at `publishAt` (may be in the future), or an approved update of a live story. */
export async function goLive(tx: Tx, articleId: string, actorId: string, publishAt: Date, now: Date): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  const liveRevisionId = await snapshotRevision(tx, article, actorId);
  const keepsTime = Boolean(article.liveRevisionId && article.publishAt);
  await tx.article.update({
    where: { id: articleId },
    data: {
      status: 'PUBLISHED', liveRevisionId, stepSince: now,
      publishAt: keepsTime ? article.publishAt : publishAt,
      publishedAt: article.publishedAt ?? now,
    },
  });
}

/**
 * Takes back a publication whose time has not come. A signed-off story is signed off again; one
 * edited since it was scheduled keeps its review step.
 */
export async function withdrawSchedule(tx: Tx, article: { id: string; status: string }, now: Date): Promise<void> {
  const status = article.status === 'PUBLISHED' ? 'APPROVED' : (article.status as Status);
  await tx.article.update({
    where: { id: article.id },
    data: { status, liveRevisionId: null, publishAt: null, publishedAt: null, stepSince: now },
  });
}
