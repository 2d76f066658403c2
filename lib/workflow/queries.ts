// What the story page's workflow panel shows and offers to the signed-in person.
import 'server-only';

import { notFound } from 'next/navigation';

import { requireArticleAccess } from '../access/article-access';
import { can } from '../access/capabilities';
import { UserFacingError } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { parseDoc } from '../content/types';
import { db } from '../db';
import { canIgnore, checkArticle, countByLevel } from '../proofing/article-check';
import { readLists } from '../proofing/store';
import { articleStateLabel } from './article-label';
import { loadArticle } from './article-state';
import { publishReadiness } from './publish-rules';
import { canCorrect, canRetract, canSignLevel, canSubmit, canUnschedule, levelName, pendingLevel } from './rules';

export type WorkflowPanel = Awaited<ReturnType<typeof getWorkflowPanel>>;

export async function getWorkflowPanel(articleId: string, now = new Date()) {
  const user = await requireUser('newsroom:enter');
  const story = await loadArticle(db, articleId, now).catch((error: unknown) => {
    if (error instanceof UserFacingError) notFound();
    throw error;
  });
  const { article, state } = story;
  requireArticleAccess(user, article, 'edit', notFound);
  const [signoffs, resets, comments, corrections, lists, ignores] = await Promise.all([
    db.signoff.findMany({
      where: { articleId },
      orderBy: { createdAt: 'asc' },
      include: { reviewer: { select: { name: true } } },
    }),
    db.auditEvent.findMany({
      where: { subjectId: articleId, action: 'article.review-reset' },
      orderBy: { createdAt: 'asc' },
      include: { actor: { select: { name: true } } },
    }),
    db.comment.findMany({
      where: { articleId },
      orderBy: { createdAt: 'asc' },
      include: { author: { select: { name: true } } },
    }),
    db.correction.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' } }),
    readLists(db),
    db.proofingIgnore.findMany({ where: { articleId }, select: { key: true } }),
  ]);
  // 审校: the open hits as the server checks them at each sign-off (lib/proofing/).
  const hits = checkArticle(
    lists,
    { ...article, body: parseDoc(article.body) },
    new Set(ignores.map((ignore) => ignore.key)),
  );
  const required = state.requiredLevels;
  const pending = Math.min(pendingLevel(state), required);
  const publisher = can(user.role, 'article:publish');
  const inIssue = story.issue && !state.live ? story.issue : null;
  return {
    slug: article.slug,
    status: state.status,
    statusLabel: articleStateLabel(
      {
        status: state.status,
        reviewLevel: state.reviewLevel,
        requiredLevels: required,
        publishAt: state.live ? article.publishAt : null,
      },
      now,
    ),
    requiredLevels: required,
    levels: Array.from({ length: required }, (_, index) => ({
      level: index + 1,
      name: levelName(index + 1, required),
      done: state.reviewLevel > index,
    })),
    pendingLevelName: levelName(pending, required),
    live: state.live,
    visible: state.visible,
    publishAt: article.publishAt?.toISOString() ?? null,
    retractionNote: article.retractionNote,
    retractedAt: article.retractedAt?.toISOString() ?? null,
    issue: story.issue ? { number: story.issue.number, status: story.issue.status } : null,
    // What the text still needs (the buttons above follow the sign-off part of the same rule).
    blockers: publishReadiness({ ...article, live: state.live }, required)
      .filter((item) => item.kind === 'content')
      .map((item) => item.reason),
    signoffs: signoffs.map((s) => ({
      id: s.id,
      level: s.level,
      levelName: levelName(s.level, required),
      reviewer: s.reviewer.name,
      decision: s.decision,
      comment: s.comment,
      createdAt: s.createdAt.toISOString(),
      cleared: Boolean(s.clearedAt),
      proofingOverride: s.proofingOverride,
    })),
    proofing: {
      counts: countByLevel(hits),
      hits: hits.map((hit) => ({
        key: hit.key,
        label: hit.label,
        text: hit.text,
        level: hit.level,
        message: hit.message,
        ignorable: canIgnore(hit.level),
      })),
      // 签发 is waiting and this person signs it: the gate applies to their sign-off.
      atFinal: state.status === 'SUBMITTED' && pending === required,
      mayOverride: can(user.role, 'proofing:override'),
    },
    resets: resets.map((event) => ({
      id: event.id,
      actor: event.actor?.name ?? '（已删除的账号）',
      createdAt: event.createdAt.toISOString(),
      levelName: String((JSON.parse(event.details) as { levelName?: string }).levelName ?? ''),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: c.author.name,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    corrections: corrections.map((c) => ({ id: c.id, note: c.note, createdAt: c.createdAt.toISOString() })),
    offers: {
      submit: canSubmit(state).ok,
      // Shown to whoever's role signs the pending level; who may not (the author, a signer of another
      // level) is told so by the server when they try.
      review: state.status === 'SUBMITTED' && canSignLevel(user.role, pending, required),
      returnApproved: state.status === 'APPROVED' && canSignLevel(user.role, required, required),
      publish: publisher && state.status === 'APPROVED' && !inIssue,
      publishUpdate: publisher && state.status === 'APPROVED' && state.live,
      reschedule: publisher && canUnschedule(state).ok && !story.issue,
      correct: publisher && canCorrect(state, '-').ok,
      retract: publisher && canRetract(state, '-').ok,
    },
    inIssue: inIssue ? inIssue.number : null,
  };
}
