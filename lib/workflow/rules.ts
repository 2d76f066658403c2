// The story workflow (docs/architecture.md: Publishing and time): a pure state machine, no database. The services load a story's
// state, ask here whether a step is allowed and what the story becomes, then write the answer.
//
//   DRAFT ─submit→ SUBMITTED ─approve (level 1 … n-1)→ SUBMITTED ─approve (level n, 签发)→ APPROVED
//   SUBMITTED / APPROVED ─return (comment)→ RETURNED ─submit→ SUBMITTED
//   APPROVED ─publish (now or at a time)→ PUBLISHED ─unschedule (before the time)→ APPROVED
//   PUBLISHED (visible) ─retract (notice)→ RETRACTED
//   any state but a live one ─trash→ the trash (soft delete)
//
// `status` is the working copy's step. What readers see is the live revision, so a published story
// that is edited goes back to review while readers keep the published text (`live`).
import type { Actor } from '../access/actor';
import type { ArticleStatus, Role } from '../generated/prisma/enums';
import { ARTICLE_STATUS_LABELS } from './status-labels';

export type ArticleState = {
  status: ArticleStatus;
  /** Highest level signed off for the current content (0 = none). */
  reviewLevel: number;
  /** Levels the publication requires (1 to 3). */
  requiredLevels: number;
  /** Readers have (or will have at its time) a published revision. */
  live: boolean;
  /** The live revision's time has come. */
  visible: boolean;
  authorIds: readonly string[];
  /** Approvals that still count: who signed which level. */
  approvals: readonly { level: number; reviewerId: string }[];
};

export type Verdict = { ok: true } | { ok: false; error: string };
const refuse = (error: string): Verdict => ({ ok: false, error });
const allow: Verdict = { ok: true };

/** 初审, 复审, 终审 — the last required level is always 签发. */
export function levelName(level: number, requiredLevels: number): string {
  if (level === requiredLevels) return requiredLevels === 1 ? '签发' : '终审（签发）';
  return level === 1 ? '初审' : '复审';
}

export function clampLevels(levels: number): number {
  return Math.min(3, Math.max(1, Math.trunc(levels) || 3));
}

/** The final level needs a chief editor; the ones before it any editor. */
export function canSignLevel(role: Role, level: number, requiredLevels: number): boolean {
  if (level < 1 || level > requiredLevels) return false;
  if (level === requiredLevels) return role === 'CHIEF_EDITOR';
  return role === 'EDITOR' || role === 'CHIEF_EDITOR';
}

/** The step as shown in the newsroom: 审核中（待复审）, 已签发 … */
export function stepLabel(status: ArticleStatus, reviewLevel: number, requiredLevels: number): string {
  const label = ARTICLE_STATUS_LABELS[status];
  return status === 'SUBMITTED' ? `${label}（待${levelName(reviewLevel + 1, requiredLevels)}）` : label;
}

export function pendingLevel(state: Pick<ArticleState, 'reviewLevel'>): number {
  return state.reviewLevel + 1;
}

export function canSubmit(state: ArticleState): Verdict {
  if (state.status === 'DRAFT' || state.status === 'RETURNED') return allow;
  return refuse(`${ARTICLE_STATUS_LABELS[state.status]}的稿件不能再提交审核`);
}

/** Who may sign the story's next level: the right role, not an author, not already a signer of another level. */
export function canApprove(state: ArticleState, actor: Pick<Actor, 'id' | 'role'>): Verdict {
  if (state.status !== 'SUBMITTED') return refuse(`${ARTICLE_STATUS_LABELS[state.status]}的稿件不在审核中`);
  const level = pendingLevel(state);
  if (state.authorIds.includes(actor.id)) return refuse('不能审核自己的稿件');
  if (!canSignLevel(actor.role, level, state.requiredLevels)) {
    return refuse(
      `${levelName(level, state.requiredLevels)}需要${level === state.requiredLevels ? '总编' : '编辑'}签字`,
    );
  }
  if (state.approvals.some((approval) => approval.reviewerId === actor.id && approval.level !== level)) {
    return refuse('同一篇稿件的不同审级不能由同一人签字');
  }
  return allow;
}

export function approve(state: ArticleState): Pick<ArticleState, 'status' | 'reviewLevel'> {
  const level = pendingLevel(state);
  return { status: level >= state.requiredLevels ? 'APPROVED' : 'SUBMITTED', reviewLevel: level };
}

/** A reviewer of the pending level returns a story in review; a final signer also after 签发. */
export function canReturn(state: ArticleState, actor: Pick<Actor, 'id' | 'role'>, comment: string): Verdict {
  if (!comment.trim()) return refuse('退回时请写明原因');
  if (state.status === 'SUBMITTED') return canApprove(state, actor);
  if (state.status === 'APPROVED') {
    if (state.authorIds.includes(actor.id)) return refuse('不能审核自己的稿件');
    return canSignLevel(actor.role, state.requiredLevels, state.requiredLevels)
      ? allow
      : refuse('已签发的稿件只能由总编退回');
  }
  return refuse(`${ARTICLE_STATUS_LABELS[state.status]}的稿件不能退回`);
}

/** 签发 given for the current text: approved at the last level, or the published copy of a live story (publish-rules.ts). */
export function hasFinalSignoff(
  story: { status: string; reviewLevel: number; live: boolean },
  requiredLevels: number,
): boolean {
  if (story.live && story.status === 'PUBLISHED') return true;
  return story.status === 'APPROVED' && story.reviewLevel >= requiredLevels;
}

/** The publish step on one story: the ready rule's sign-off (publish-rules.ts), and not published already. */
export function canPublish(state: ArticleState): Verdict {
  if (state.status === 'PUBLISHED') return refuse('稿件已经发布');
  if (hasFinalSignoff({ ...state, live: false }, state.requiredLevels)) return allow;
  if (state.status === 'APPROVED') return refuse('稿件还缺少审核签字');
  return refuse(`还没有${levelName(state.requiredLevels, state.requiredLevels)}的稿件不能发布`);
}

export function canUnschedule(state: ArticleState): Verdict {
  if (state.status !== 'PUBLISHED' || !state.live) return refuse('稿件没有定时发布');
  if (state.visible) return refuse('发布时间已到，稿件已经公开；如需撤下请撤稿');
  return allow;
}

export function canRetract(state: ArticleState, note: string): Verdict {
  if (!note.trim()) return refuse('撤稿时请写明向读者说明的撤稿声明');
  if (state.status === 'RETRACTED') return refuse('稿件已经撤稿');
  if (!state.live || !state.visible) return refuse('稿件还没有公开，不需要撤稿；定时发布的稿件可以取消定时');
  return allow;
}

export function canCorrect(state: ArticleState, note: string): Verdict {
  if (!note.trim()) return refuse('请写明更正内容');
  if (state.status === 'RETRACTED') return refuse('已撤稿的稿件不能更正');
  if (!state.live || !state.visible) return refuse('稿件还没有公开，直接修改正文即可');
  return allow;
}

export function canEditContent(state: Pick<ArticleState, 'status'>): Verdict {
  return state.status === 'RETRACTED' ? refuse('已撤稿的稿件不能修改') : allow;
}

/** Moving to the trash is a soft delete; a story readers have (or are scheduled to have) must be retracted instead. */
export function canTrash(state: Pick<ArticleState, 'status' | 'live'>): Verdict {
  if (state.live || state.status === 'PUBLISHED' || state.status === 'RETRACTED')
    return refuse('已发布的稿件不能移入回收站，请用撤稿');
  return allow;
}

/**
 * The level a person's change sends the story back to: the level they signed, else the level waiting
 * for them, else the highest level their role signs below it; an author's change goes back to 初审.
 */
export function changerLevel(state: ArticleState, actor: Pick<Actor, 'id' | 'role'>): number {
  const own = state.approvals.find((approval) => approval.reviewerId === actor.id);
  if (own) return own.level;
  if (state.authorIds.includes(actor.id)) return 1;
  for (let level = Math.min(pendingLevel(state), state.requiredLevels); level >= 1; level -= 1) {
    if (canSignLevel(actor.role, level, state.requiredLevels)) return level;
  }
  return 1;
}

/** Only stories in or past review carry sign-offs a content change could void. */
export function hasReviewToVoid(status: string): boolean {
  return status !== 'DRAFT' && status !== 'RETURNED' && status !== 'RETRACTED';
}

export type AfterChange = { status: ArticleStatus; reviewLevel: number; clearFromLevel: number | null };

/**
 * A content change after any sign-off clears the sign-offs from the changer's level up and puts the
 * story back in review at that level. Drafts and returned stories have nothing to clear.
 */
export function afterContentChange(state: ArticleState, actor: Pick<Actor, 'id' | 'role'>): AfterChange {
  const untouched = { status: state.status, reviewLevel: state.reviewLevel, clearFromLevel: null };
  if (!hasReviewToVoid(state.status)) return untouched;
  const level = changerLevel(state, actor);
  const signedAtOrAbove = state.approvals.some((approval) => approval.level >= level) || state.reviewLevel >= level;
  if (state.status === 'SUBMITTED' && !signedAtOrAbove) return untouched;
  return { status: 'SUBMITTED', reviewLevel: Math.min(state.reviewLevel, level - 1), clearFromLevel: level };
}
