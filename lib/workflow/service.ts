// Story workflow steps: each loads the story, asks the pure rules in rules.ts, writes the
// new state, the sign-off or note, the search index and an audit event in one transaction.
import type { Actor } from '../access/actor';
import { requireArticleAccess } from '../access/article-access';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { parseDoc } from '../content/types';
import type { Db, Tx } from '../db-client';
import type { Prisma } from '../generated/prisma/client';
import { checkArticle, countByLevel } from '../proofing/article-check';
import type { ProofingLists } from '../proofing/check';
import { signoffGate } from '../proofing/gate';
import { readLists } from '../proofing/store';
import { recordEvent } from '../revisions/revision-log';
import { indexArticle } from '../search/search-index';
import { articleGone, check, loadArticle, type LoadedArticle } from './article-state';
import { goLive, withdrawSchedule } from './go-live';
import { publishReadiness } from './publish-rules';
import {
  afterContentChange,
  approve,
  canApprove,
  canCorrect,
  canPublish,
  canRetract,
  canReturn,
  canSubmit,
  canUnschedule,
  levelName,
  pendingLevel,
} from './rules';

/** What changed for readers, so the action can revalidate exactly that. */
export type StepResult = { slug: string; issueNumbers: number[]; readersAffected: boolean };

const MAX_NOTE = 2000;

function note(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed.length > MAX_NOTE) throw new UserFacingError(`${what}不能超过 ${MAX_NOTE} 字`);
  return trimmed;
}

async function step(
  db: Db,
  articleId: string,
  now: Date,
  run: (tx: Tx, story: LoadedArticle) => Promise<boolean>,
): Promise<StepResult> {
  return db.$transaction(async (tx) => {
    const story = await loadArticle(tx, articleId, now);
    const readersAffected = await run(tx, story);
    await indexArticle(tx, articleId);
    return { slug: story.article.slug, issueNumbers: story.issueNumbers, readersAffected };
  });
}

/**
 * Moves the story on only if nobody moved it since it was read (two reviewers pressing at once): the
 * second gets a message instead of a second sign-off at the same level.
 */
async function advance(tx: Tx, story: LoadedArticle, data: Prisma.ArticleUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.article.updateMany({
    where: { id: story.article.id, status: story.article.status, reviewLevel: story.article.reviewLevel },
    data,
  });
  if (count !== 1) throw new UserFacingError('稿件的审签状态刚被别人改变，请刷新后再试');
}

function audit(tx: Tx, actor: Actor, action: string, story: LoadedArticle, details: Record<string, unknown> = {}) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    subjectType: 'Article',
    subjectId: story.article.id,
    details: { headline: story.article.headline, ...details },
  });
}

/** The story's open 审校 hits, counted by level (lib/proofing/), in the step's transaction. */
async function proofingCounts(tx: Tx, lists: ProofingLists, story: LoadedArticle) {
  const ignores = await tx.proofingIgnore.findMany({ where: { articleId: story.article.id }, select: { key: true } });
  const hits = checkArticle(
    lists,
    { ...story.article, body: parseDoc(story.article.body) },
    new Set(ignores.map((ignore) => ignore.key)),
  );
  return countByLevel(hits);
}

export async function submitArticle(db: Db, actor: Actor, articleId: string, now = new Date()): Promise<StepResult> {
  const lists = await readLists(db);
  return step(db, articleId, now, async (tx, story) => {
    requireArticleAccess(actor, story.article, 'edit', articleGone);
    check(canSubmit(story.state));
    if (!story.article.headline.trim()) throw new UserFacingError('请先填写主题再提交审核');
    await advance(tx, story, { status: 'SUBMITTED', reviewLevel: 0, stepSince: now });
    await recordEvent(tx, { articleId, kind: 'SUBMIT', actorId: actor.id, now });
    // Checked at submission too, so the audit log says what the copy held when it went to review.
    await audit(tx, actor, 'article.submit', story, { proofing: await proofingCounts(tx, lists, story) });
    return false;
  });
}

/**
 * Signs the story's next level. Each sign-off checks the copy again (审校); 签发 over an open
 * 禁止-level hit needs `proofingOverride`, the chief editor's reason (lib/proofing/gate.ts).
 */
export async function approveArticle(
  db: Db,
  actor: Actor,
  articleId: string,
  comment = '',
  now = new Date(),
  proofingOverride = '',
): Promise<StepResult> {
  const lists = await readLists(db);
  return step(db, articleId, now, async (tx, story) => {
    check(canApprove(story.state, actor));
    const level = pendingLevel(story.state);
    const next = approve(story.state);
    const proofing = await proofingCounts(tx, lists, story);
    const gate = signoffGate({
      final: level >= story.state.requiredLevels,
      blocking: proofing.BLOCK,
      override: proofingOverride,
      role: actor.role,
    });
    check(gate);
    const signoff = await tx.signoff.create({
      data: {
        articleId,
        level,
        reviewerId: actor.id,
        decision: 'APPROVE',
        comment: note(comment, '审核意见') || null,
        articleVersion: story.article.version,
        createdAt: now,
        proofingOverride: gate.ok ? gate.override : null,
      },
    });
    await advance(tx, story, { ...next, stepSince: now });
    await recordEvent(tx, { articleId, kind: 'APPROVE', actorId: actor.id, now, signoffId: signoff.id });
    await audit(tx, actor, 'article.approve', story, {
      level,
      levelName: levelName(level, story.state.requiredLevels),
      proofing,
      ...(gate.ok && gate.override ? { proofingOverride: gate.override } : {}),
    });
    return false;
  });
}

export function returnArticle(
  db: Db,
  actor: Actor,
  articleId: string,
  comment: string,
  now = new Date(),
): Promise<StepResult> {
  return step(db, articleId, now, async (tx, story) => {
    check(canReturn(story.state, actor, comment));
    const level = Math.min(pendingLevel(story.state), story.state.requiredLevels);
    await tx.signoff.updateMany({
      where: { articleId, clearedAt: null, decision: 'APPROVE' },
      data: { clearedAt: now },
    });
    const signoff = await tx.signoff.create({
      data: {
        articleId,
        level,
        reviewerId: actor.id,
        decision: 'RETURN',
        comment: note(comment, '退回原因'),
        articleVersion: story.article.version,
        createdAt: now,
      },
    });
    await advance(tx, story, { status: 'RETURNED', reviewLevel: 0, stepSince: now });
    await recordEvent(tx, { articleId, kind: 'RETURN', actorId: actor.id, now, signoffId: signoff.id });
    await audit(tx, actor, 'article.return', story, { level, comment: comment.trim() });
    return false;
  });
}

/**
 * Publishes a signed-off story now or at a later time, publishes a signed-off update of a live story,
 * or moves a scheduled story's time. Stories placed in an issue are published with their issue.
 */
export function publishArticle(
  db: Db,
  actor: Actor,
  articleId: string,
  at: Date | null,
  now = new Date(),
): Promise<StepResult> {
  return step(db, articleId, now, async (tx, story) => {
    const publishAt = at ?? now;
    if (at && at.getTime() <= now.getTime()) throw new UserFacingError('定时发布的时间必须晚于现在');
    if (story.state.status === 'PUBLISHED' && story.state.live && !story.state.visible)
      return reschedule(tx, actor, story, publishAt);
    check(canPublish(story.state));
    const blockers = publishReadiness({ ...story.article, live: story.state.live }, story.state.requiredLevels)
      .filter((item) => item.kind === 'content')
      .map((item) => item.reason);
    if (blockers.length) throw new UserFacingError(`还不能发布：${blockers.join('；')}`);
    if (story.issue && !story.state.live)
      throw new UserFacingError(`这篇稿件排在第${story.issue.number}期，请在版面安排中随期次发布`);
    if (story.state.live && at) throw new UserFacingError('已公开稿件的修改只能立即发布');
    await goLive(tx, articleId, actor.id, publishAt, now);
    const scheduled = publishAt.getTime() > now.getTime();
    await audit(tx, actor, scheduled ? 'article.schedule' : 'article.publish', story, {
      publishAt: publishAt.toISOString(),
      update: story.state.live,
    });
    return true;
  });
}

async function reschedule(tx: Tx, actor: Actor, story: LoadedArticle, publishAt: Date): Promise<boolean> {
  if (story.issue) throw new UserFacingError(`这篇稿件随第${story.issue.number}期定时发布，请在版面安排中改期`);
  await tx.article.update({ where: { id: story.article.id }, data: { publishAt } });
  await audit(tx, actor, 'article.schedule', story, {
    publishAt: publishAt.toISOString(),
    previous: story.article.publishAt?.toISOString(),
  });
  return true;
}

export function unscheduleArticle(db: Db, actor: Actor, articleId: string, now = new Date()): Promise<StepResult> {
  return step(db, articleId, now, async (tx, story) => {
    check(canUnschedule(story.state));
    if (story.issue) throw new UserFacingError(`这篇稿件随第${story.issue.number}期定时发布，请在版面安排中取消定时`);
    await withdrawSchedule(tx, story.article, now);
    await audit(tx, actor, 'article.unschedule', story, { publishAt: story.article.publishAt?.toISOString() });
    return true;
  });
}

export function retractArticle(
  db: Db,
  actor: Actor,
  articleId: string,
  text: string,
  now = new Date(),
): Promise<StepResult> {
  return step(db, articleId, now, async (tx, story) => {
    check(canRetract(story.state, text));
    const retractionNote = note(text, '撤稿声明');
    await advance(tx, story, { status: 'RETRACTED', retractedAt: now, retractionNote, stepSince: now });
    await audit(tx, actor, 'article.retract', story, { note: retractionNote });
    return true;
  });
}

export function correctArticle(
  db: Db,
  actor: Actor,
  articleId: string,
  text: string,
  now = new Date(),
): Promise<StepResult> {
  return step(db, articleId, now, async (tx, story) => {
    check(canCorrect(story.state, text));
    const correction = note(text, '更正');
    await tx.correction.create({ data: { articleId, note: correction, createdById: actor.id, createdAt: now } });
    await recordEvent(tx, { articleId, kind: 'CORRECTION', actorId: actor.id, now });
    await audit(tx, actor, 'article.correct', story, { note: correction });
    return true;
  });
}

/** Editorial comments: anyone who may open the story, never shown to readers. */
export async function addComment(
  db: Db,
  actor: Actor,
  articleId: string,
  text: string,
  now = new Date(),
): Promise<void> {
  const body = note(text, '意见');
  if (!body) throw new UserFacingError('意见不能为空');
  await db.$transaction(async (tx) => {
    const story = await loadArticle(tx, articleId, now);
    // Whoever may read the story may comment on it (admins read every story to support the team).
    requireArticleAccess(actor, story.article, 'read', articleGone);
    await tx.comment.create({ data: { articleId, authorId: actor.id, body, createdAt: now } });
    await audit(tx, actor, 'article.comment', story);
  });
}

/**
 * Called by saveArticle when the content changed: clears the sign-offs from the changer's level up and
 * puts the story back in review (readers keep the live revision meanwhile).
 */
export async function applyContentChange(tx: Tx, actor: Actor, articleId: string, now: Date): Promise<void> {
  const story = await loadArticle(tx, articleId, now);
  const after = afterContentChange(story.state, actor);
  if (after.clearFromLevel === null) return;
  await tx.signoff.updateMany({
    where: { articleId, clearedAt: null, decision: 'APPROVE', level: { gte: after.clearFromLevel } },
    data: { clearedAt: now },
  });
  await tx.article.update({
    where: { id: articleId },
    data: { status: after.status, reviewLevel: after.reviewLevel, stepSince: now },
  });
  await audit(tx, actor, 'article.review-reset', story, {
    fromLevel: after.clearFromLevel,
    levelName: levelName(after.clearFromLevel, story.state.requiredLevels),
    previousStatus: story.state.status,
  });
}
