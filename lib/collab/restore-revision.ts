// 恢复此版本 (历史版本) is a change made outside the sockets: the working copy takes the revision
// through the editor's save rules (lib/articles/editor-service.ts), then the story's stored shared
// document takes it as one Yjs change made once (stored-document.ts), from where the people in the
// story get it — never by diffing the document again, which would put the text in twice.
import type { Actor } from '../access/actor';
import { restoreRevision, type SaveOutcome } from '../articles/editor-service';
import type { Db } from '../db-client';
import { takeOutsideChange } from './stored-document';

export async function restoreRevisionShared(
  db: Db,
  editor: Actor,
  articleId: string,
  revisionId: string,
  baseVersion: number,
  now = new Date(),
): Promise<SaveOutcome> {
  const outcome = await restoreRevision(db, editor, articleId, revisionId, baseVersion, now);
  if (outcome.ok) await takeOutsideChange(db, articleId);
  return outcome;
}
