// Access to one story, the object check after the capability check (requireUser). Pure: callers load
// the story as they need it and pass it through `requireStoryAccess`, the one place that decides.
// Reporters may edit their own stories (created or credited); editors and chief editors every story.
// Reading without changing (preview, history, comments) is also open to whoever may read any story
// ('article:read-any': admins support the team but never change copy).
import { can, type Role } from './capabilities';
import { AccessDenied } from './denied';

export type StoryOwnership = { createdById: string | null; authorUserIds: readonly (string | null)[] };
/** A loaded story row: its creator and credited authors are all the check needs. */
export type OwnedStory = { createdById: string | null; authors: readonly { userId: string | null }[] };
export type StoryAccess = 'read' | 'edit';
type Person = { id: string; role: Role };

export function ownsStory(userId: string, story: StoryOwnership): boolean {
  return story.createdById === userId || story.authorUserIds.includes(userId);
}

export function canEditStory(user: Person, story: StoryOwnership): boolean {
  if (can(user.role, 'article:edit-any')) return true;
  return can(user.role, 'article:edit-own') && ownsStory(user.id, story);
}

/** Reading (preview, history, comments) without changing: whoever may edit it, and whoever may read any story. */
export function canReadStory(user: Person, story: StoryOwnership): boolean {
  return can(user.role, 'article:read-any') || canEditStory(user, story);
}

export function ownershipOf(story: OwnedStory): StoryOwnership {
  return { createdById: story.createdById, authorUserIds: story.authors.map((author) => author.userId) };
}

export function mayAccessStory(user: Person, story: OwnedStory, access: StoryAccess): boolean {
  return access === 'edit' ? canEditStory(user, ownershipOf(story)) : canReadStory(user, ownershipOf(story));
}

/**
 * The object check every story action and newsroom read makes: `missing` for a story that does not
 * exist (or is in the trash, unless `trashed` is allowed), AccessDenied for one this person may not
 * `access`. Returns the story for the caller to go on with.
 */
export function requireStoryAccess<T extends OwnedStory & { deletedAt?: Date | null }>(
  user: Person,
  story: T | null | undefined,
  access: StoryAccess,
  missing: () => never,
  options: { trashed?: 'allow' } = {},
): T {
  if (!story || (story.deletedAt && options.trashed !== 'allow')) missing();
  if (!mayAccessStory(user, story, access)) throw new AccessDenied('FORBIDDEN');
  return story;
}
