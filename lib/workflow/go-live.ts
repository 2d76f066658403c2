// Making a story's current text the one readers get (now or at publishAt): the live revision is a
// snapshot, so later edits stay in the newsroom until they are signed off and published again.
import type { Tx } from '../db-client';
import type { ArticleStatus } from '../generated/prisma/enums';
import { freezePublishedExtras } from '../revisions/published-copy';
import { recordEvent } from '../revisions/revision-log';

/** First publication at `publishAt` (may be in the future), or an approved update of a live story. */
export async function goLive(tx: Tx, articleId: string, actorId: string, publishAt: Date, now: Date): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  // The published text is a revision of its own kind, never written into again (lib/revisions/revision-rules.ts).
  const liveRevisionId = await recordEvent(tx, { articleId, kind: 'PUBLISH', actorId, now });
  await freezePublishedExtras(tx, articleId, liveRevisionId);
  const keepsTime = Boolean(article.liveRevisionId && article.publishAt);
  await tx.article.update({
    where: { id: articleId },
    data: {
      status: 'PUBLISHED',
      liveRevisionId,
      stepSince: now,
      publishAt: keepsTime ? article.publishAt : publishAt,
      publishedAt: article.publishedAt ?? now,
    },
  });
}

/**
 * Takes back a publication whose time has not come. A signed-off story is signed off again; one
 * edited since it was scheduled keeps its review step.
 */
export async function withdrawSchedule(
  tx: Tx,
  article: { id: string; status: ArticleStatus },
  now: Date,
): Promise<void> {
  const status = article.status === 'PUBLISHED' ? 'APPROVED' : article.status;
  await tx.article.update({
    where: { id: article.id },
    data: { status, liveRevisionId: null, publishAt: null, publishedAt: null, stepSince: now },
  });
}
