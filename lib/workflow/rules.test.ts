import { describe, expect, it } from 'vitest';

import {
  afterContentChange,
  approve,
  canApprove,
  canCorrect,
  canEditContent,
  canPublish,
  canRetract,
  canReturn,
  canSignLevel,
  canSubmit,
  canTrash,
  canUnschedule,
  changerLevel,
  clampLevels,
  hasReviewToVoid,
  levelName,
  stepLabel,
  type ArticleState,
} from './rules';

const reporter = { id: 'r', role: 'REPORTER' as const };
const editorA = { id: 'a', role: 'EDITOR' as const };
const editorB = { id: 'b', role: 'EDITOR' as const };
const chief = { id: 'c', role: 'CHIEF_EDITOR' as const };
const admin = { id: 'x', role: 'ADMIN' as const };

const state = (overrides: Partial<ArticleState> = {}): ArticleState => ({
  status: 'DRAFT',
  reviewLevel: 0,
  requiredLevels: 3,
  live: false,
  visible: false,
  authorIds: ['r'],
  approvals: [],
  ...overrides,
});
const inReview = (reviewLevel: number, approvals: ArticleState['approvals'] = []) =>
  state({ status: 'SUBMITTED', reviewLevel, approvals });

describe('submit', () => {
  it('moves drafts and returned stories into review and nothing else', () => {
    expect(canSubmit(state()).ok).toBe(true);
    expect(canSubmit(state({ status: 'RETURNED' })).ok).toBe(true);
    for (const status of ['SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETRACTED'] as const) {
      expect(canSubmit(state({ status }))).toMatchObject({
        ok: false,
        error: expect.stringContaining('不能再提交审核'),
      });
    }
  });
});

describe('三审 sign-off', () => {
  it('names the levels and who signs them', () => {
    expect([1, 2, 3].map((level) => levelName(level, 3))).toEqual(['初审', '复审', '终审（签发）']);
    expect(levelName(1, 1)).toBe('签发');
    expect(stepLabel('SUBMITTED', 1, 3)).toBe('审核中（待复审）');
    expect(stepLabel('SUBMITTED', 0, 1)).toBe('审核中（待签发）');
    expect(stepLabel('APPROVED', 3, 3)).toBe('已签发');
    expect(canSignLevel('EDITOR', 1, 3)).toBe(true);
    expect(canSignLevel('EDITOR', 2, 3)).toBe(true);
    expect(canSignLevel('EDITOR', 3, 3)).toBe(false);
    expect(canSignLevel('CHIEF_EDITOR', 3, 3)).toBe(true);
    expect(canSignLevel('EDITOR', 1, 1)).toBe(false);
    expect(canSignLevel('REPORTER', 1, 3)).toBe(false);
    expect(canSignLevel('ADMIN', 1, 3)).toBe(false);
    expect(canSignLevel('CHIEF_EDITOR', 4, 3)).toBe(false);
    expect(clampLevels(0)).toBe(3);
    expect(clampLevels(5)).toBe(3);
    expect(clampLevels(1)).toBe(1);
  });

  it('goes 初审 → 复审 → 签发 and ends APPROVED only at the last required level', () => {
    expect(approve(inReview(0))).toEqual({ status: 'SUBMITTED', reviewLevel: 1 });
    expect(approve(inReview(1))).toEqual({ status: 'SUBMITTED', reviewLevel: 2 });
    expect(approve(inReview(2))).toEqual({ status: 'APPROVED', reviewLevel: 3 });
    expect(approve(state({ status: 'SUBMITTED', requiredLevels: 1 }))).toEqual({ status: 'APPROVED', reviewLevel: 1 });
  });

  it('refuses self-approval, the wrong role, a second level by the same person and stories not in review', () => {
    expect(canApprove(inReview(0), reporter)).toEqual({ ok: false, error: '不能审核自己的稿件' });
    expect(canApprove(state({ status: 'SUBMITTED', authorIds: ['r', 'a'] }), editorA)).toEqual({
      ok: false,
      error: '不能审核自己的稿件',
    });
    expect(canApprove(inReview(2), editorA)).toMatchObject({ ok: false, error: '终审（签发）需要总编签字' });
    expect(canApprove(inReview(0), admin).ok).toBe(false);
    expect(canApprove(inReview(1, [{ level: 1, reviewerId: 'a' }]), editorA)).toEqual({
      ok: false,
      error: '同一篇稿件的不同审级不能由同一人签字',
    });
    expect(canApprove(inReview(1, [{ level: 1, reviewerId: 'a' }]), editorB)).toEqual({ ok: true });
    expect(
      canApprove(
        inReview(2, [
          { level: 1, reviewerId: 'a' },
          { level: 2, reviewerId: 'b' },
        ]),
        chief,
      ),
    ).toEqual({ ok: true });
    expect(canApprove(state(), editorA)).toMatchObject({ ok: false, error: '草稿的稿件不在审核中' });
  });
});

describe('return', () => {
  it('needs a comment and a reviewer of the pending level', () => {
    expect(canReturn(inReview(0), editorA, '  ')).toEqual({ ok: false, error: '退回时请写明原因' });
    expect(canReturn(inReview(0), editorA, '导语太长').ok).toBe(true);
    expect(canReturn(inReview(2), editorA, '导语太长').ok).toBe(false);
    expect(canReturn(inReview(0), reporter, '自己退回').ok).toBe(false);
  });

  it('lets only a chief return a story after 签发, and never a draft or a published story', () => {
    const approved = state({ status: 'APPROVED', reviewLevel: 3 });
    expect(canReturn(approved, chief, '再核实数字').ok).toBe(true);
    expect(canReturn(approved, editorA, '再核实数字')).toEqual({ ok: false, error: '已签发的稿件只能由总编退回' });
    expect(canReturn(state(), chief, '无')).toMatchObject({ ok: false });
    expect(canReturn(state({ status: 'PUBLISHED', live: true }), chief, '无')).toMatchObject({ ok: false });
  });
});

describe('publish, unschedule, retract, correct, spike', () => {
  it('publishes only signed-off stories', () => {
    expect(canPublish(state({ status: 'APPROVED', reviewLevel: 3 })).ok).toBe(true);
    expect(canPublish(state({ status: 'APPROVED', reviewLevel: 2 })).ok).toBe(false);
    expect(canPublish(inReview(2))).toEqual({ ok: false, error: '还没有终审（签发）的稿件不能发布' });
    expect(canPublish(state({ status: 'PUBLISHED', live: true }))).toEqual({ ok: false, error: '稿件已经发布' });
  });

  it('unschedules only before the time has come', () => {
    expect(canUnschedule(state({ status: 'PUBLISHED', live: true, visible: false })).ok).toBe(true);
    expect(canUnschedule(state({ status: 'PUBLISHED', live: true, visible: true })).ok).toBe(false);
    expect(canUnschedule(state({ status: 'APPROVED' })).ok).toBe(false);
  });

  it('retracts and corrects only what readers can see, with a note', () => {
    const live = state({ status: 'PUBLISHED', live: true, visible: true, reviewLevel: 3 });
    expect(canRetract(live, '')).toMatchObject({ ok: false });
    expect(canRetract(live, '数据有误，撤回此稿').ok).toBe(true);
    expect(canRetract(state({ status: 'SUBMITTED', live: true, visible: true }), '撤').ok).toBe(true);
    expect(canRetract(state({ status: 'PUBLISHED', live: true, visible: false }), '撤').ok).toBe(false);
    expect(canRetract(state({ status: 'RETRACTED', live: true, visible: true }), '撤')).toEqual({
      ok: false,
      error: '稿件已经撤稿',
    });
    expect(canCorrect(live, '').ok).toBe(false);
    expect(canCorrect(live, '第二段人名应为“楼郁馨”').ok).toBe(true);
    expect(canCorrect(state({ status: 'RETRACTED', live: true, visible: true }), '改').ok).toBe(false);
    expect(canCorrect(state(), '改').ok).toBe(false);
  });

  it('spikes anything but a live or retracted story; retracted stories cannot be edited', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const)
      expect(canTrash(state({ status })).ok).toBe(true);
    expect(canTrash(state({ status: 'PUBLISHED', live: true })).ok).toBe(false);
    expect(canTrash(state({ status: 'SUBMITTED', live: true })).ok).toBe(false);
    expect(canTrash(state({ status: 'RETRACTED', live: true })).ok).toBe(false);
    expect(canEditContent(state({ status: 'RETRACTED' })).ok).toBe(false);
    expect(canEditContent(state({ status: 'PUBLISHED' })).ok).toBe(true);
  });
});

describe('a content change after sign-off', () => {
  const signed = [
    { level: 1, reviewerId: 'a' },
    { level: 2, reviewerId: 'b' },
  ];

  it('knows which steps carry sign-offs to void', () => {
    expect(['DRAFT', 'RETURNED', 'RETRACTED'].map(hasReviewToVoid)).toEqual([false, false, false]);
    expect(['SUBMITTED', 'APPROVED', 'PUBLISHED'].map(hasReviewToVoid)).toEqual([true, true, true]);
  });

  it('changes nothing on drafts, returned stories and stories not yet signed at the changer level', () => {
    expect(afterContentChange(state(), reporter)).toEqual({ status: 'DRAFT', reviewLevel: 0, clearFromLevel: null });
    expect(afterContentChange(state({ status: 'RETURNED' }), reporter).clearFromLevel).toBeNull();
    expect(afterContentChange(inReview(0), editorA).clearFromLevel).toBeNull();
  });

  it('sends the story back to the changer level and clears the sign-offs from there up', () => {
    expect(afterContentChange(inReview(2, signed), editorB)).toEqual({
      status: 'SUBMITTED',
      reviewLevel: 1,
      clearFromLevel: 2,
    });
    expect(afterContentChange(inReview(2, signed), editorA)).toEqual({
      status: 'SUBMITTED',
      reviewLevel: 0,
      clearFromLevel: 1,
    });
    expect(afterContentChange(inReview(2, signed), reporter)).toEqual({
      status: 'SUBMITTED',
      reviewLevel: 0,
      clearFromLevel: 1,
    });
    // The chief editing while 终审 waits for them keeps 初审 and 复审.
    expect(afterContentChange(inReview(2, signed), chief)).toEqual({
      status: 'SUBMITTED',
      reviewLevel: 2,
      clearFromLevel: null,
    });
    const approved = state({
      status: 'APPROVED',
      reviewLevel: 3,
      approvals: [...signed, { level: 3, reviewerId: 'c' }],
    });
    expect(afterContentChange(approved, chief)).toEqual({ status: 'SUBMITTED', reviewLevel: 2, clearFromLevel: 3 });
    // An editor who signed nothing counts at the highest level their role signs.
    expect(afterContentChange(approved, { id: 'd', role: 'EDITOR' })).toEqual({
      status: 'SUBMITTED',
      reviewLevel: 1,
      clearFromLevel: 2,
    });
  });

  it('puts an edited published story back in review while it stays live', () => {
    const published = state({
      status: 'PUBLISHED',
      reviewLevel: 3,
      live: true,
      visible: true,
      approvals: [...signed, { level: 3, reviewerId: 'c' }],
    });
    expect(afterContentChange(published, chief)).toEqual({ status: 'SUBMITTED', reviewLevel: 2, clearFromLevel: 3 });
    expect(afterContentChange(published, reporter)).toEqual({ status: 'SUBMITTED', reviewLevel: 0, clearFromLevel: 1 });
  });

  it('finds the changer level', () => {
    expect(changerLevel(inReview(1, [{ level: 1, reviewerId: 'a' }]), editorA)).toBe(1);
    expect(changerLevel(inReview(1), editorB)).toBe(2);
    expect(changerLevel(inReview(0), chief)).toBe(1);
    expect(changerLevel(inReview(2), chief)).toBe(3);
    expect(changerLevel(inReview(0), reporter)).toBe(1);
  });
});
