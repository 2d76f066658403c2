// Making a story's current text the one readers get (now or at publishAt): the live revision is a
// snapshot, so later edits stay in the newsroom until they are signed off and published again.
import type { Tx } from './story-state';

const CONTENT = ['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'summary', 'body'] as const;
type Content = Record<(typeof CONTENT)[number], string | null>;

function sameContent(a: Content, b: Content): boolean {
  return CONTENT.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/** The revision holding the story's current text, made if the newest one differs. */
export async function snapshotRevision(tx: Tx, articleId: string, actorId: string): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  const latest = await tx.revision.findFirst({ where: { articleId }, orderBy: { version: 'desc' } });
  if (latest && sameContent(latest, article)) return latest.id;
  const created = await tx.revision.create({
    data: {
      articleId, version: Math.max(article.version, (latest?.version ?? 0) + 1),
      kicker: article.kicker, headline: article.headline, subheadline: article.subheadline, dateline: article.dateline,
      byline: article.byline, summary: article.summary, body: article.body, bodyText: article.bodyText, wordCount: article.wordCount,
      authorId: actorId,
    },
  });
  return created.id;
}

/** First publication at `publishAt` (may be in the future), or an approved update of a live story. */
export async function goLive(tx: Tx, articleId: string, actorId: string, publishAt: Date, now: Date): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { publishedAt: true, publishAt: true, liveRevisionId: true } });
  const liveRevisionId = await snapshotRevision(tx, articleId, actorId);
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
export async function withdrawSchedule(tx: Tx, articleId: string, now: Date): Promise<void> {
  const { status } = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true } });
  await tx.article.update({
    where: { id: articleId },
    data: { status: status === 'PUBLISHED' ? 'APPROVED' : status, liveRevisionId: null, publishAt: null, publishedAt: null, stepSince: now },
  });
}
