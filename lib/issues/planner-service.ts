// The issue planner: create an issue, lay its pages out, and publish or schedule it. Every
// change runs in one transaction with its audit event; an issue is laid out only while it is planned.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { lockArticle, lockIssue } from '../database/row-lock';
import { requireCalendarDate } from '../dates/calendar-date';
import type { Db, Tx } from '../db-client';
import type { PageRef } from '../epaper/references';
import { publishIssueScans } from '../epaper/service';
import { indexArticle } from '../search/search-index';
import { goLive, withdrawSchedule } from '../workflow/go-live';
import { issueBlockers } from './blockers';
import { MAX_PAGES } from './plan';

export type NewIssueInput = { number: number; date: string; pageNames: string[] };

export async function createIssue(
  db: Db,
  actor: Pick<Actor, 'id'>,
  publicationId: string,
  input: NewIssueInput,
): Promise<{ id: string; number: number }> {
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 999_999)
    throw new UserFacingError('期号应为正整数', { number: '期号应为正整数' });
  try {
    requireCalendarDate(input.date);
  } catch {
    throw new UserFacingError('出版日期无效', { date: '出版日期无效' });
  }
  const names = input.pageNames.map((name) => name.trim());
  if (names.length < 1 || names.length > MAX_PAGES)
    throw new UserFacingError(`版数应在 1 到 ${MAX_PAGES} 之间`, { pageCount: `版数应在 1 到 ${MAX_PAGES} 之间` });
  if (names.some((name) => name.length > 20))
    throw new UserFacingError('版名不能超过 20 个字', { pageNames: '版名不能超过 20 个字' });
  return db.$transaction(async (tx) => {
    const taken = await tx.issue.findUnique({
      where: { publicationId_number: { publicationId, number: input.number } },
      select: { id: true },
    });
    if (taken) throw new UserFacingError(`第${input.number}期已经存在`, { number: `第${input.number}期已经存在` });
    const issue = await tx.issue.create({
      data: {
        publicationId,
        number: input.number,
        date: input.date,
        pageCount: names.length,
        createdById: actor.id,
        pages: { create: names.map((name, index) => ({ number: index + 1, name: name || null })) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'issue.create',
      subjectType: 'Issue',
      subjectId: issue.id,
      details: { number: issue.number, date: issue.date, pages: names.length },
    });
    return { id: issue.id, number: issue.number };
  });
}

async function plannedIssue(tx: Tx, issueId: string) {
  await lockIssue(tx, issueId);
  const issue = await tx.issue.findUnique({
    where: { id: issueId },
    include: { pages: { orderBy: { number: 'asc' } } },
  });
  if (!issue) throw new UserFacingError('找不到这一期');
  if (issue.status !== 'PLANNING')
    throw new UserFacingError(`第${issue.number}期已发布或已定时发布，不能再调整版面；请先取消定时`);
  return issue;
}

function pageOf(issue: Awaited<ReturnType<typeof plannedIssue>>, pageNumber: number) {
  const page = issue.pages.find((candidate) => candidate.number === pageNumber);
  if (!page) throw new UserFacingError(`第${issue.number}期没有第${pageNumber}版`);
  return page;
}

/** Renumbers a page's placements 1…n in the given order (continuations included). */
async function writeOrder(tx: Tx, placementIds: readonly string[]): Promise<void> {
  for (const [index, id] of placementIds.entries())
    await tx.articlePlacement.update({ where: { id }, data: { position: index + 1 } });
}

async function pageOrder(tx: Tx, pageId: string): Promise<string[]> {
  const rows = await tx.articlePlacement.findMany({
    where: { pageId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Closes the gap a placement left on its page. */
async function renumber(tx: Tx, pageId: string): Promise<void> {
  await writeOrder(tx, await pageOrder(tx, pageId));
}

async function placeableArticle(tx: Tx, articleId: string, issueId: string) {
  // Two issues taking the same story at once: the second sees the first one's placement.
  await lockArticle(tx, articleId);
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      headline: true,
      deletedAt: true,
      status: true,
      liveRevisionId: true,
      placements: { select: { page: { select: { issueId: true, issue: { select: { number: true } } } } } },
    },
  });
  if (!article || article.deletedAt) throw new UserFacingError('稿件不存在或已移入回收站');
  if (article.status === 'RETRACTED' || article.liveRevisionId)
    throw new UserFacingError('已发布的稿件不能再排进新的一期');
  const elsewhere = article.placements.find((placement) => placement.page.issueId !== issueId);
  if (elsewhere) throw new UserFacingError(`这篇稿件已排在第${elsewhere.page.issue.number}期`);
  return article;
}

/**
 * Puts a story on a page at a position (0-based; past the end appends), or moves it there. A story has
 * one first placement per issue; a continuation on the target page gives way to it.
 */
export async function placeArticle(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  articleId: string,
  pageNumber: number,
  position?: number,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const issue = await plannedIssue(tx, issueId);
    const target = pageOf(issue, pageNumber);
    const article = await placeableArticle(tx, articleId, issueId);
    const pageIds = issue.pages.map((page) => page.id);
    const current = await tx.articlePlacement.findFirst({
      where: { articleId, pageId: { in: pageIds }, isContinuation: false },
    });
    await tx.articlePlacement.deleteMany({ where: { articleId, pageId: target.id, isContinuation: true } });
    let placementId: string;
    if (current) {
      placementId = current.id;
      if (current.pageId !== target.id) {
        await tx.articlePlacement.update({ where: { id: current.id }, data: { pageId: target.id } });
        await renumber(tx, current.pageId);
      }
    } else {
      placementId = (await tx.articlePlacement.create({ data: { articleId, pageId: target.id, position: 0 } })).id;
    }
    const others = (await pageOrder(tx, target.id)).filter((id) => id !== placementId);
    const at = Math.max(0, Math.min(position ?? others.length, others.length));
    await writeOrder(tx, [...others.slice(0, at), placementId, ...others.slice(at)]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'issue.layout',
      subjectType: 'Issue',
      subjectId: issueId,
      details: { number: issue.number, articleId, headline: article.headline, page: pageNumber, position: at + 1 },
    });
  });
}

/** Takes a story (and its continuations) off the issue's pages; it stays in the newsroom. */
export async function removeFromIssue(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  articleId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const issue = await plannedIssue(tx, issueId);
    const placements = await tx.articlePlacement.findMany({
      where: { articleId, page: { issueId } },
      select: { pageId: true },
    });
    await tx.articlePlacement.deleteMany({ where: { articleId, page: { issueId } } });
    for (const pageId of new Set(placements.map((p) => p.pageId))) await renumber(tx, pageId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'issue.layout',
      subjectType: 'Issue',
      subjectId: issueId,
      details: { number: issue.number, articleId, removed: true },
    });
  });
}

/** 下转/上接: the story continues on another page of the same issue (null removes the jump). */
export async function setContinuation(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  articleId: string,
  pageNumber: number | null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const issue = await plannedIssue(tx, issueId);
    const main = await tx.articlePlacement.findFirst({
      where: { articleId, page: { issueId }, isContinuation: false },
      include: { page: true },
    });
    if (!main) throw new UserFacingError('请先把稿件排上版面');
    const old = await tx.articlePlacement.findMany({
      where: { articleId, page: { issueId }, isContinuation: true },
      select: { pageId: true },
    });
    await tx.articlePlacement.deleteMany({ where: { articleId, page: { issueId }, isContinuation: true } });
    for (const { pageId } of old) await renumber(tx, pageId);
    if (pageNumber !== null) {
      const target = pageOf(issue, pageNumber);
      if (target.id === main.pageId) throw new UserFacingError('转版的版面不能是稿件所在的版面');
      const count = await tx.articlePlacement.count({ where: { pageId: target.id } });
      await tx.articlePlacement.create({
        data: { articleId, pageId: target.id, position: count + 1, isContinuation: true },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'issue.layout',
      subjectType: 'Issue',
      subjectId: issueId,
      details: { number: issue.number, articleId, continuesOn: pageNumber },
    });
  });
}

/**
 * Publishes a planned issue now or at a later time: every placed story goes live with it. On a
 * scheduled issue whose time has not come, moves the time (its stories move with it).
 */
export async function publishIssue(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  at: Date | null,
  now = new Date(),
): Promise<{ number: number; articleIds: string[]; displacedEpaper: PageRef[] }> {
  const publishAt = at ?? now;
  if (at && at.getTime() <= now.getTime()) throw new UserFacingError('定时发布的时间必须晚于现在');
  return db.$transaction(async (tx) => {
    await lockIssue(tx, issueId);
    const issue = await tx.issue.findUnique({ where: { id: issueId } });
    if (!issue) throw new UserFacingError('找不到这一期');
    if (issue.status === 'PUBLISHED')
      return { ...(await rescheduleIssue(tx, actor, issue, publishAt, now)), displacedEpaper: [] };
    const blockers = await issueBlockers(tx, issueId);
    if (blockers.length)
      throw new UserFacingError(
        `第${issue.number}期还不能发布：${blockers.map((b) => (b.headline ? `《${b.headline}》${b.reason}` : b.reason)).join('；')}`,
      );
    const placed = await tx.article.findMany({
      where: { placements: { some: { page: { issueId } } }, deletedAt: null, retractedAt: null },
      select: { id: true, status: true, liveRevisionId: true },
    });
    for (const article of placed) {
      if (article.status === 'APPROVED' && !article.liveRevisionId) {
        await goLive(tx, article.id, actor.id, publishAt, now);
        await indexArticle(tx, article.id);
      }
    }
    await tx.issue.update({ where: { id: issueId }, data: { status: 'PUBLISHED', publishAt, publishedAt: now } });
    // The pages' finished PDFs (版面) become what readers see, with the issue; the caller deletes the
    // files of the pages they replaced (an issue taken back from its schedule) after the commit.
    const displacedEpaper = await publishIssueScans(tx, issueId);
    const scheduled = publishAt.getTime() > now.getTime();
    await recordAudit(tx, {
      actorId: actor.id,
      action: scheduled ? 'issue.schedule' : 'issue.publish',
      subjectType: 'Issue',
      subjectId: issueId,
      details: { number: issue.number, publishAt: publishAt.toISOString(), stories: placed.length },
    });
    return { number: issue.number, articleIds: placed.map((article) => article.id), displacedEpaper };
  });
}

type IssueRow = { id: string; number: number; publishAt: Date | null };

async function scheduledWith(tx: Tx, issue: IssueRow) {
  return tx.article.findMany({
    where: {
      placements: { some: { page: { issueId: issue.id } } },
      publishAt: issue.publishAt,
      liveRevisionId: { not: null },
    },
    select: { id: true, status: true },
  });
}

async function rescheduleIssue(tx: Tx, actor: Pick<Actor, 'id'>, issue: IssueRow, publishAt: Date, now: Date) {
  if (!issue.publishAt || issue.publishAt <= now) throw new UserFacingError(`第${issue.number}期已经发布`);
  const stories = await scheduledWith(tx, issue);
  for (const story of stories) {
    await tx.article.update({ where: { id: story.id }, data: { publishAt } });
    await indexArticle(tx, story.id);
  }
  await tx.issue.update({ where: { id: issue.id }, data: { publishAt } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'issue.schedule',
    subjectType: 'Issue',
    subjectId: issue.id,
    details: { number: issue.number, publishAt: publishAt.toISOString(), previous: issue.publishAt.toISOString() },
  });
  return { number: issue.number, articleIds: stories.map((story) => story.id) };
}

/** Takes a scheduled issue back to planning before its time; its stories are signed off again, not live. */
export async function unscheduleIssue(
  db: Db,
  actor: Pick<Actor, 'id'>,
  issueId: string,
  now = new Date(),
): Promise<{ number: number; articleIds: string[] }> {
  return db.$transaction(async (tx) => {
    await lockIssue(tx, issueId);
    const issue = await tx.issue.findUnique({ where: { id: issueId } });
    if (!issue) throw new UserFacingError('找不到这一期');
    if (issue.status !== 'PUBLISHED' || !issue.publishAt) throw new UserFacingError(`第${issue.number}期没有定时发布`);
    if (issue.publishAt <= now) throw new UserFacingError(`第${issue.number}期已经发布，不能取消`);
    const stories = await scheduledWith(tx, issue);
    for (const story of stories) {
      await withdrawSchedule(tx, story, now);
      await indexArticle(tx, story.id);
    }
    await tx.issue.update({ where: { id: issueId }, data: { status: 'PLANNING', publishAt: null, publishedAt: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'issue.unschedule',
      subjectType: 'Issue',
      subjectId: issueId,
      details: { number: issue.number, publishAt: issue.publishAt.toISOString() },
    });
    return { number: issue.number, articleIds: stories.map((story) => story.id) };
  });
}
