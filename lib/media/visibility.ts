// Who may fetch an uploaded image. Images go into drafts before anything is published, and their
// URLs must not show readers a story before it is out: an anonymous reader gets an image only once a
// story visible to readers (lib/revisions/visibility.ts) shows it in its live text or as its cover. Newsroom people
// see every image.
import type { Db } from '../db-client';
import { visibleArticleWhere } from '../revisions/visibility';

/** Whether some story readers can see right now shows this image in its live (published) text or as its cover. */
export async function isMediaPublic(db: Db, storageKey: string, now = new Date()): Promise<boolean> {
  const media = await db.media.findUnique({ where: { storageKey }, select: { id: true, createdAt: true } });
  if (!media) return false;
  // A live revision that shows the image was made after the image was uploaded: this keeps the text
  // search to the revisions of recent publishing.
  const user = await db.article.findFirst({
    where: {
      ...visibleArticleWhere(now),
      OR: [
        { liveRevision: { coverMediaId: media.id } },
        // Published before covers were frozen with the revision: the story's own cover is the one readers see.
        { coverMediaId: media.id, liveRevision: { credits: null } },
        { liveRevision: { createdAt: { gte: media.createdAt }, body: { contains: `/media/${storageKey}/` } } },
      ],
    },
    select: { id: true },
  });
  return user !== null;
}

/**
 * The same answer, remembered for a short while per image: readers' browsers fetch every image of a
 * page at once. "Not public" is remembered briefly, so an image appears within NOT_PUBLIC_CACHE_MS of
 * its story going live; "public" longer, so a retraction hides it within PUBLIC_CACHE_MS (caches that
 * already hold the year-long public response keep it).
 */
export const PUBLIC_CACHE_MS = 30_000;
export const NOT_PUBLIC_CACHE_MS = 3_000;
const remembered = new Map<string, { isPublic: boolean; until: number }>();

export async function isMediaPublicCached(db: Db, storageKey: string, now = new Date()): Promise<boolean> {
  const hit = remembered.get(storageKey);
  if (hit && hit.until > now.getTime()) return hit.isPublic;
  const isPublic = await isMediaPublic(db, storageKey, now);
  if (remembered.size > 10_000) remembered.clear();
  remembered.set(storageKey, { isPublic, until: now.getTime() + (isPublic ? PUBLIC_CACHE_MS : NOT_PUBLIC_CACHE_MS) });
  return isPublic;
}
