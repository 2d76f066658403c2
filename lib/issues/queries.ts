// Reads for the issue planner. Every function checks the caller's capability first.
import 'server-only';

import { notFound } from 'next/navigation';

import { requireUser } from '../auth/require-user';
import { isoDateIn } from '../dates/time-zone';
import { db } from '../db';
import type { ArticleStatus } from '../generated/prisma/enums';
import { findPublication } from '../publication/lookup';
import { articleCard, PUBLICATION_SELECT } from '../reader/issue-page';
import type { IssuePageView } from '../reader/types';
import { articleStateLabel } from '../workflow/article-label';
import { clampLevels } from '../workflow/rules';
import { issueBlockers } from './blockers';
import { issueStateLabel, issueStateOf } from './issue-state';
import { defaultPageNames, parsePublishDays, proposeIssueDate, proposeIssueNumber } from './plan';
import { UPCOMING_SHOWN, upcomingShown } from './upcoming';

export type { IssueState } from './issue-state';

export async function listPlannerIssues(now = new Date()) {
  await requireUser('issue:plan');
  const issues = await db.issue.findMany({
    orderBy: [{ number: 'desc' }],
    take: 60,
    include: { pages: { select: { _count: { select: { placements: true } } } } },
  });
  return issues.map((issue) => ({
    id: issue.id,
    number: issue.number,
    date: issue.date,
    pageCount: issue.pageCount,
    state: issueStateOf(issue, now),
    stateLabel: issueStateLabel(issue, now),
    publishAt: issue.publishAt?.toISOString() ?? null,
    placements: issue.pages.reduce((sum, page) => sum + page._count.placements, 0),
  }));
}

export async function newIssueProposal(now = new Date()) {
  await requireUser('issue:plan');
  // The highest number and the latest date may be different issues: an old issue imported with a
  // high number must not pull the proposed date back before the issues already planned.
  const [publication, last, latest] = await Promise.all([
    findPublication(db, { publishDays: true }),
    db.issue.findFirst({ orderBy: { number: 'desc' }, select: { number: true, pageCount: true } }),
    db.issue.findFirst({ orderBy: { date: 'desc' }, select: { date: true } }),
  ]);
  const pageCount = last?.pageCount ?? 4;
  return {
    number: proposeIssueNumber(last?.number ?? null),
    date: proposeIssueDate(isoDateIn(now), latest?.date ?? null, parsePublishDays(publication?.publishDays ?? '1')),
    pageCount,
    pageNames: defaultPageNames(pageCount),
  };
}

export type PlannerArticle = {
  id: string;
  headline: string;
  status: string;
  statusLabel: string;
  wordCount: number;
  continuation: boolean;
  continuesOn: number | null;
  ready: boolean;
};

export async function getIssuePlanner(number: number, now = new Date()) {
  await requireUser('issue:plan');
  const issue = await db.issue.findFirst({
    where: { number },
    include: {
      publication: { select: { reviewLevels: true } },
      pages: {
        orderBy: { number: 'asc' },
        include: {
          placements: {
            orderBy: { position: 'asc' },
            include: {
              article: {
                select: {
                  id: true,
                  headline: true,
                  status: true,
                  reviewLevel: true,
                  wordCount: true,
                  liveRevisionId: true,
                  publishAt: true,
                  deletedAt: true,
                  placements: { select: { isContinuation: true, page: { select: { number: true, issueId: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) notFound();
  const levels = clampLevels(issue.publication.reviewLevels);
  const label = (story: { status: ArticleStatus; reviewLevel: number; publishAt?: Date | null }) =>
    articleStateLabel(
      {
        status: story.status,
        reviewLevel: story.reviewLevel,
        requiredLevels: levels,
        publishAt: story.publishAt ?? null,
      },
      now,
    );
  const [candidates, blockers] = await Promise.all([
    db.article.findMany({
      where: {
        deletedAt: null,
        liveRevisionId: null,
        status: { in: ['APPROVED', 'SUBMITTED'] },
        placements: { none: {} },
      },
      orderBy: [{ status: 'asc' }, { updatedAt: 'desc' }],
      take: 100,
      select: { id: true, headline: true, status: true, reviewLevel: true, wordCount: true },
    }),
    issueBlockers(db, issue.id),
  ]);
  return {
    id: issue.id,
    number: issue.number,
    date: issue.date,
    state: issueStateOf(issue, now),
    stateLabel: issueStateLabel(issue, now),
    publishAt: issue.publishAt?.toISOString() ?? null,
    pages: issue.pages.map((page) => ({
      number: page.number,
      name: page.name,
      stories: page.placements
        .filter((p) => !p.article.deletedAt)
        .map((p): PlannerArticle => {
          const jump = p.article.placements.find((other) => other.isContinuation && other.page.issueId === issue.id);
          return {
            id: p.article.id,
            headline: p.article.headline || '（无标题）',
            status: p.article.status,
            statusLabel: label(p.article),
            wordCount: p.article.wordCount,
            continuation: p.isContinuation,
            continuesOn: p.isContinuation ? null : (jump?.page.number ?? null),
            ready: p.article.status === 'APPROVED' || Boolean(p.article.liveRevisionId),
          };
        }),
    })),
    candidates: candidates.map((c) => ({
      id: c.id,
      headline: c.headline || '（无标题）',
      statusLabel: label(c),
      wordCount: c.wordCount,
      ready: c.status === 'APPROVED',
    })),
    blockers,
  };
}

export type IssuePlanner = Awaited<ReturnType<typeof getIssuePlanner>>;

/** One page of a planned issue from the stories' current text, laid out by the reader's own component. */
export async function getIssuePreview(number: number, pageNumber: number, now = new Date()): Promise<IssuePageView> {
  await requireUser('issue:plan');
  const issue = await db.issue.findFirst({
    where: { number },
    include: { publication: { select: PUBLICATION_SELECT }, pages: { orderBy: { number: 'asc' } } },
  });
  const page = issue?.pages.find((candidate) => candidate.number === pageNumber);
  if (!issue || !page) notFound();
  const placements = await db.articlePlacement.findMany({
    where: { page: { issueId: issue.id }, article: { deletedAt: null, retractedAt: null } },
    orderBy: { position: 'asc' },
    include: {
      article: {
        select: {
          id: true,
          slug: true,
          kicker: true,
          headline: true,
          subheadline: true,
          summary: true,
          bodyText: true,
          placements: { select: { isContinuation: true, page: { select: { number: true } } } },
        },
      },
    },
  });
  const counts = new Map<string, number>();
  for (const p of placements) counts.set(p.pageId, (counts.get(p.pageId) ?? 0) + 1);
  return {
    publication: issue.publication,
    issue: {
      number: issue.number,
      date: issue.date,
      pageCount: issue.pageCount,
      publishAt: (issue.publishAt ?? now).toISOString(),
    },
    pages: issue.pages.map((p) => ({ number: p.number, name: p.name, articleCount: counts.get(p.id) ?? 0 })),
    page: { number: page.number, name: page.name },
    stories: placements
      .filter((p) => p.pageId === page.id)
      .map((p) => ({
        ...articleCard(p.article.slug, p.article, p.isContinuation, p.article.placements),
        href: `/newsroom/articles/${p.article.id}/preview`,
      })),
    previousIssue: null,
    nextIssue: null,
  };
}

/** The newsroom dashboard's next issues: every scheduled one and the planned ones, soonest first (lib/issues/upcoming.ts). */
export async function listUpcomingIssues(now = new Date()) {
  await requireUser('newsroom:enter');
  const select = { id: true, number: true, date: true, status: true, publishAt: true, pageCount: true } as const;
  const orderBy = [{ date: 'asc' as const }, { number: 'asc' as const }];
  const [scheduled, planning] = await Promise.all([
    db.issue.findMany({
      where: { status: 'PUBLISHED', publishAt: { gt: now } },
      orderBy,
      take: UPCOMING_SHOWN,
      select,
    }),
    db.issue.findMany({ where: { status: 'PLANNING' }, orderBy, take: UPCOMING_SHOWN, select }),
  ]);
  const issues = upcomingShown(scheduled, planning);
  return issues.map((issue) => ({
    ...issue,
    publishAt: issue.publishAt?.toISOString() ?? null,
    scheduled: issue.status === 'PUBLISHED',
  }));
}
