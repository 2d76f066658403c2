// Who may join a story's shared document, and how: the editor's save rules, applied at the socket.
// Whoever may save the story types in it; whoever may only read it (an admin, a reviewer on a story
// they may read but not edit) sees the changes live without typing; everyone else is refused.
import type { Actor } from '../access/actor';
import { canEditArticle, canReadArticle, type ArticleOwnership } from '../access/article-access';
import type { ArticleStatus } from '../generated/prisma/enums';
import { canEditContent } from '../workflow/rules';

export type CollabAccess = 'write' | 'read' | null;

export type CollabArticle = ArticleOwnership & { deleted: boolean; status: ArticleStatus };

export function collabAccess(user: Pick<Actor, 'id' | 'role'>, story: CollabArticle): CollabAccess {
  if (story.deleted) return null;
  if (canEditArticle(user, story) && canEditContent({ status: story.status }).ok) return 'write';
  return canReadArticle(user, story) ? 'read' : null;
}
