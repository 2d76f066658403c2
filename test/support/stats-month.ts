// Published stories for a 考核 month, written straight to the database (as the published records would
// stand after the workflow), for the stats journey (e2e/stats.spec.ts) and bench:stats. Through the
// Prisma client, so it works on either database.
import { figureCountOf } from '../../lib/content/figures';
import type { Db } from '../../lib/db-client';

export type StatsCredit = { userId: string | null; name: string; label: string };

export type PublishedArticleSeed = {
  slug: string;
  headline: string;
  publishedAt: Date;
  characters: number;
  credits: readonly StatsCredit[];
  /** Reads per day (YYYY-MM-DD). */
  reads?: readonly { day: string; count: number }[];
  /** Printed: the page (IssuePage id) and its order there (0: 头条). */
  placement?: { pageId: string; position: number };
  /** Photos in the body (figures after the text). */
  figures?: number;
};

const bodyDoc = (text: string, figures: number) =>
  JSON.stringify({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      ...Array.from({ length: figures }, () => ({ type: 'figure', attrs: { src: '/media/x/1600.webp', alt: '图' } })),
    ],
  });

/** One published story with its live revision, frozen credits, reads and (optionally) placement. */
export async function addPublishedArticle(db: Db, publicationId: string, story: PublishedArticleSeed): Promise<string> {
  const text = '稿'.repeat(story.characters);
  const body = bodyDoc(text, story.figures ?? 0);
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        publicationId,
        slug: story.slug,
        headline: story.headline,
        body,
        bodyText: text,
        wordCount: story.characters,
        status: 'PUBLISHED',
        reviewLevel: 3,
        publishAt: story.publishedAt,
        publishedAt: story.publishedAt,
        authors: { create: story.credits.map((credit, position) => ({ ...credit, position })) },
        reads: { create: story.reads?.map((read) => ({ day: read.day, count: read.count })) ?? [] },
        placements: story.placement ? { create: story.placement } : undefined,
      },
      select: { id: true },
    });
    const revision = await tx.revision.create({
      data: {
        articleId: article.id,
        version: 1,
        headline: story.headline,
        body,
        bodyText: text,
        wordCount: story.characters,
        figureCount: figureCountOf(body),
        credits: JSON.stringify(story.credits),
        kind: 'PUBLISH',
      },
      select: { id: true },
    });
    await tx.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
    return article.id;
  });
}

/** A published issue of `pages` pages on `date`; returns the pages' ids, page 1 first. */
export async function addPublishedIssue(
  db: Db,
  publicationId: string,
  number: number,
  date: string,
  pages: number,
): Promise<string[]> {
  const issue = await db.issue.create({
    data: {
      publicationId,
      number,
      date,
      status: 'PUBLISHED',
      publishedAt: new Date(`${date}T00:00:00+08:00`),
      publishAt: new Date(`${date}T00:00:00+08:00`),
      pageCount: pages,
      pages: { create: Array.from({ length: pages }, (_, index) => ({ number: index + 1 })) },
    },
    select: { pages: { orderBy: { number: 'asc' }, select: { id: true } } },
  });
  return issue.pages.map((page) => page.id);
}
