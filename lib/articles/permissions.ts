// Who may open and change a story (pure): reporters their own (created or credited), editors and
// chief editors every story. Admins may read every story but change none.
import { can, type Role } from '../access/capabilities';

export type StoryOwnership = { createdById: string | null; authorUserIds: readonly (string | null)[] };

export function ownsStory(userId: string, story: StoryOwnership): boolean {
  return story.createdById === userId || story.authorUserIds.includes(userId);
}

export function canEditStory(user: { id: string; role: Role }, story: StoryOwnership): boolean {
  if (can(user.role, 'article:edit-any')) return true;
  return can(user.role, 'article:edit-own') && ownsStory(user.id, story);
}

/** Reading (preview, history) without changing: whoever may edit it, and whoever may read any story. */
export function canReadStory(user: { id: string; role: Role }, story: StoryOwnership): boolean {
  return can(user.role, 'article:read-any') || canEditStory(user, story);
}
