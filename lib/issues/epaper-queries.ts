// Reads for the newsroom's 版面 (e-paper: page PDFs and their story areas) views of one issue: the planner's
// e-paper section and the area editor. Every function checks the caller's capability first.
import 'server-only';

import { notFound } from 'next/navigation';

import { requireUser } from '../auth/require-user';
import { resolveMediaDir } from '../config/media-dir';
import { db } from '../db';
import { requeueUnfinished } from '../epaper/jobs';
import { draftDiffers, scanView } from '../epaper/newsroom-view';
import { issueStateOf } from './issue-state';

export async function getIssueEpaper(number: number, now = new Date()) {
  await requireUser('issue:plan');
  const issue = await db.issue.findFirst({
    where: { number },
    include: {
      pages: {
        orderBy: { number: 'asc' },
        include: {
          scans: true,
          placements: {
            orderBy: { position: 'asc' },
            select: { article: { select: { id: true, headline: true, deletedAt: true } } },
          },
        },
      },
    },
  });
  if (!issue) notFound();
  const pages = issue.pages.map((page) => {
    const draft = page.scans.find((scan) => scan.stage === 'draft') ?? null;
    const live = page.scans.find((scan) => scan.stage === 'live') ?? null;
    const stories = page.placements
      .filter((p) => !p.article.deletedAt)
      .map((p) => ({ id: p.article.id, headline: p.article.headline || '（无标题）' }));
    const view = draft ? scanView(draft) : null;
    const placed = new Set(view?.areas.map((area) => area.articleId) ?? []);
    return {
      number: page.number,
      name: page.name,
      draft: view,
      live: live ? scanView(live) : null,
      stories,
      unmatched: view?.status === 'READY' ? stories.filter((story) => !placed.has(story.id)) : [],
      unpublished: draftDiffers(draft, live),
    };
  });
  const unfinished = pages.flatMap((page) => (page.draft?.unfinished ? [page.draft.id] : []));
  if (unfinished.length) await requeueUnfinished(db, resolveMediaDir(process.env), unfinished);
  return {
    id: issue.id,
    number: issue.number,
    date: issue.date,
    pageCount: issue.pages.length,
    state: issueStateOf(issue, now),
    pages,
  };
}

export type IssueEpaper = Awaited<ReturnType<typeof getIssueEpaper>>;
export type IssueEpaperPage = IssueEpaper['pages'][number];
