// What readers get beside a published revision's text: the byline's people and the cover image, frozen
// into the revision when it goes live, so a later edit of either waits for review like the text does.
import type { Tx } from '../db-client';

export type Credit = { userId: string | null; name: string; label: string };

/** Copies the story's current authors and cover into the revision that is going live. */
export async function freezePublishedExtras(tx: Tx, articleId: string, revisionId: string): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      coverMediaId: true,
      authors: { orderBy: { position: 'asc' }, select: { userId: true, name: true, label: true } },
    },
  });
  const credits: Credit[] = article.authors;
  await tx.revision.update({
    where: { id: revisionId },
    data: { credits: JSON.stringify(credits), coverMediaId: article.coverMediaId },
  });
}

/**
 * The credits readers see: the published revision's. Null means the revision was written before the
 * credits were frozen with it (the migration fills those that were live); the caller then has nothing
 * newer than the story's own.
 */
export function publishedCredits(credits: string | null): { name: string; label: string }[] | null {
  if (credits === null) return null;
  return (JSON.parse(credits) as Credit[]).map(({ name, label }) => ({ name, label }));
}
