// One story for readers, from its live (published) revision: visible, retracted (a notice), or missing.
import { parseDoc } from '../content/types';
import { firstPlacement } from '../dates/reader-date';
import type { Db } from '../db-client';
import type { Prisma } from '../generated/prisma/client';
import { publishedCredits } from '../revisions/published-copy';
import { isArticleVisible, visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';
import { articleView } from './article-view';
import { COVER_SELECT } from './cover';
import { PUBLICATION_SELECT } from './issue-page';
import type { ArticleLookup, ArticleView } from './types';

/** What a reader's view of a story is built from (the article page, the app feed). */
export function readerArticleInclude(now: Date) {
  return {
    liveRevision: { include: { coverMedia: { select: COVER_SELECT } } },
    coverMedia: { select: COVER_SELECT },
    publication: { select: PUBLICATION_SELECT },
    authors: { orderBy: { position: 'asc' }, select: { name: true, label: true } },
    corrections: { orderBy: { createdAt: 'asc' }, select: { note: true, createdAt: true } },
    placements: {
      where: { page: { issue: visibleIssueWhere(now) } },
      select: {
        isContinuation: true,
        position: true,
        pageId: true,
        page: { select: { number: true, name: true, issue: { select: { number: true, date: true } } } },
      },
    },
  } satisfies Prisma.ArticleInclude;
}

type ReaderArticleRow = Prisma.ArticleGetPayload<{ include: ReturnType<typeof readerArticleInclude> }>;

/** The readers' view of a visible story's row (read with readerArticleInclude). */
export function readerView(
  article: ReaderArticleRow & { liveRevision: NonNullable<ReaderArticleRow['liveRevision']> },
  neighbours?: Pick<ArticleView, 'previousOnPage' | 'nextOnPage'>,
): ArticleView {
  const live = article.liveRevision;
  const frozen = publishedCredits(live.credits);
  return articleView({
    slug: article.slug,
    copy: { ...live, body: parseDoc(live.body) },
    // Byline people and cover come from the published revision too (rows from before they were
    // frozen with it fall back to the story's).
    coverMedia: frozen ? live.coverMedia : article.coverMedia,
    authors: frozen ?? article.authors,
    publishedAt: article.publishedAt,
    publishAt: article.publishAt,
    savedAt: live.createdAt,
    placements: article.placements,
    corrections: article.corrections,
    publication: article.publication,
    neighbours,
  });
}

export async function readArticle(db: Db, slug: string, now: Date): Promise<ArticleLookup> {
  const article = await db.article.findUnique({ where: { slug }, include: readerArticleInclude(now) });
  if (!article || article.deletedAt || !article.liveRevision) return { kind: 'missing' };
  if (article.retractedAt && article.status === 'RETRACTED') {
    return {
      kind: 'retracted',
      headline: article.liveRevision.headline,
      note: article.retractionNote,
      retractedAt: article.retractedAt.toISOString(),
    };
  }
  if (!isArticleVisible(article, now)) return { kind: 'missing' };

  const first = firstPlacement(article.placements);
  const neighbours = first ? await pageNeighbours(db, first.pageId, first.position, now) : undefined;
  const view = readerView({ ...article, liveRevision: article.liveRevision }, neighbours);
  return { kind: 'visible', article: view, pages: printPagesOf(article.placements) };
}

/** 版次 and page name of each printed page the story is on, in page order. */
export function printPagesOf(placements: readonly { page: { number: number; name: string | null } }[]) {
  return placements.map((p) => ({ number: p.page.number, name: p.page.name })).sort((a, b) => a.number - b.number);
}

async function pageNeighbours(db: Db, pageId: string, position: number, now: Date) {
  const visible = visibleArticleWhere(now);
  const select = { article: { select: { slug: true, liveRevision: { select: { headline: true } } } } } as const;
  const [previous, next] = await Promise.all([
    db.articlePlacement.findFirst({
      where: { pageId, position: { lt: position }, article: visible },
      orderBy: { position: 'desc' },
      select,
    }),
    db.articlePlacement.findFirst({
      where: { pageId, position: { gt: position }, article: visible },
      orderBy: { position: 'asc' },
      select,
    }),
  ]);
  const ref = (row: typeof previous) =>
    row?.article.liveRevision ? { slug: row.article.slug, headline: row.article.liveRevision.headline } : null;
  return { previousOnPage: ref(previous), nextOnPage: ref(next) };
}
