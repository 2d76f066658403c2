// Called by every action that changes what readers may see. Tags expire at once, so the next
// reader request gets fresh data (publish, edit, retraction, schedule change are visible at once).
import { revalidateTag } from 'next/cache';

import { articleTag, issueTag, LISTS_TAG, PUBLIC_TAG } from './tags';

function expire(tag: string): void {
  revalidateTag(tag, { expire: 0 });
}

/** A story changed: its page, the pages of the issues it sits in, and every list. */
export function revalidateArticle(slug: string, issueNumbers: readonly number[]): void {
  expire(articleTag(slug));
  for (const number of issueNumbers) expire(issueTag(number));
  expire(LISTS_TAG);
}

/** Anything broad: an issue published, scheduled or re-planned (its stories change with it), publication details. */
export function revalidatePublic(): void {
  expire(PUBLIC_TAG);
}
