// Access to one story, the object check after the capability check (requireUser). Pure: callers load
// the story as they need it and pass it through `requireArticleAccess`, the one place that decides.
// Reporters may edit their own stories (created or credited); editors and chief editors every story.
// Reading without changing (preview, history, comments) is also open to whoever may read any story
// ('article:read-any': admins support the team but never change copy).
import type { Actor } from './actor';
import { can } from './capabilities';
import { AccessDenied } from './denied';

export type ArticleOwnership = { createdById: string | null; authorUserIds: readonly (string | null)[] };
/** A loaded story row: its creator and credited authors are all the check needs. */
export type OwnedArticle = { createdById: string | null; authors: readonly { userId: string | null }[] };
export type ArticleAccess = 'read' | 'edit';

export function ownsArticle(userId: string, story: ArticleOwnership): boolean {
  return story.createdById === userId || story.authorUserIds.includes(userId);
}

export function canEditArticle(user: Pick<Actor, 'id' | 'role'>, story: ArticleOwnership): boolean {
  if (can(user.role, 'article:edit-any')) return true;
  return can(user.role, 'article:edit-own') && ownsArticle(user.id, story);
}

/** Reading (preview, history, comments) without changing: whoever may edit it, and whoever may read any story. */
export function canReadArticle(user: Pick<Actor, 'id' | 'role'>, story: ArticleOwnership): boolean {
  return can(user.role, 'article:read-any') || canEditArticle(user, story);
}

export function ownershipOf(story: OwnedArticle): ArticleOwnership {
  return { createdById: story.createdById, authorUserIds: story.authors.map((author) => author.userId) };
}

export function mayAccessArticle(
  user: Pick<Actor, 'id' | 'role'>,
  story: OwnedArticle,
  access: ArticleAccess,
): boolean {
  return access === 'edit' ? canEditArticle(user, ownershipOf(story)) : canReadArticle(user, ownershipOf(story));
}

/**
 * The object check every story action and newsroom read makes: `missing` for a story that does not
 * exist (or is in the trash, unless `trashed` is allowed), AccessDenied for one this person may not
 * `access`. Returns the story for the caller to go on with.
 */
export function requireArticleAccess<T extends OwnedArticle & { deletedAt?: Date | null }>(
  user: Pick<Actor, 'id' | 'role'>,
  story: T | null | undefined,
  access: ArticleAccess,
  missing: () => never,
  options: { trashed?: 'allow' } = {},
): T {
  if (!story || (story.deletedAt && options.trashed !== 'allow')) missing();
  if (!mayAccessArticle(user, story, access)) throw new AccessDenied('FORBIDDEN');
  return story;
}
