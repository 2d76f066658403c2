// When a save becomes a new revision, as pure rules. Autosaves of one person write into one
// rolling revision; it is closed for good by a pause, by someone else saving, or by an event that
// matters (a manual save, submit, a sign-off or return, publish, a correction, a restore, an import).
// Closed revisions are never written into again, so what a reviewer signed or a reader saw stays.
import type { RevisionKind } from '../generated/prisma/enums';

export type { RevisionKind };

/** A pause this long between two saves closes the rolling revision. */
export const AUTOSAVE_PAUSE_MS = 5 * 60_000;

/** Kinds a later save of the same person may still write into: the new story, a rolling autosave. */
export const OPEN_KINDS: readonly RevisionKind[] = ['CREATE', 'AUTOSAVE'];

/** Events that keep the story's current text as a revision of their own. */
export type EventKind = Exclude<RevisionKind, 'CREATE' | 'AUTOSAVE'>;

/** What a content save is: typing (autosave), the 立即保存 button, or putting an old revision back. */
export type SaveKind = Extract<RevisionKind, 'AUTOSAVE' | 'SAVE' | 'RESTORE'>;

export type RevisionTip = {
  kind: RevisionKind;
  authorId: string | null;
  savedAt: Date;
  live: boolean;
  signoffId: string | null;
};

/** Whether `actorId`'s save at `now` may be written into the newest revision instead of a new one. */
export function isOpenFor(tip: RevisionTip, actorId: string, now: Date): boolean {
  return (
    OPEN_KINDS.includes(tip.kind) &&
    !tip.live &&
    tip.signoffId === null &&
    tip.authorId === actorId &&
    now.getTime() - tip.savedAt.getTime() < AUTOSAVE_PAUSE_MS
  );
}

/**
 * A content save: `update` writes into the rolling revision, `create` starts a new one. A restore
 * always gets its own row, so the text it replaced stays in the history beside it.
 */
export function placeSave(tip: RevisionTip | null, kind: SaveKind, actorId: string, now: Date): 'update' | 'create' {
  if (!tip || kind === 'RESTORE') return 'create';
  return isOpenFor(tip, actorId, now) ? 'update' : 'create';
}

/**
 * An event without a content change: it seals the same person's rolling revision in place (their
 * typing and their 提交审核 are one entry), otherwise it keeps the current text as a row of its own
 * with who did it and when.
 */
export function placeEvent(tip: RevisionTip | null, actorId: string, now: Date): 'stamp' | 'create' {
  return tip && isOpenFor(tip, actorId, now) ? 'stamp' : 'create';
}

/** The Chinese name of a revision's event for the history page. `levelName` names a sign-off's level. */
export function revisionEventLabel(kind: RevisionKind, levelName: string | null): string {
  switch (kind) {
    case 'CREATE':
      return '新建';
    case 'AUTOSAVE':
      return '自动保存';
    case 'SAVE':
      return '手动保存';
    case 'RESTORE':
      return '恢复旧版本';
    case 'SUBMIT':
      return '提交审核';
    case 'APPROVE':
      return levelName ? `${levelName}通过` : '审核通过';
    case 'RETURN':
      return levelName ? `${levelName}退回` : '退回';
    case 'PUBLISH':
      return '发布';
    case 'CORRECTION':
      return '更正';
    case 'IMPORT':
      return '导入';
  }
}
