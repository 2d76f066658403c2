// One story for readers, from its live (published) revision: visible, retracted (a notice), or missing.
import { parseDoc } from '../content/types';
import { firstPlacement } from '../dates/reader-date';
import type { Db } from '../db-client';
import { publishedCredits } from '../revisions/published-copy';
import { isArticleVisible, visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';
import { articleView } from './article-view';
import { COVER_SELECT } from './cover';
import { PUBLICATION_SELECT } from './issue-page';
import type { ArticleLookup } from './types';

export async function readArticle(db: Db, slug: string, now: Date): Promise<ArticleLookup> {
  const article = await db.article.findUnique({
    where: { slug },
    include: {
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
          page: { select: { number: true, issue: { select: { number: true, date: true } } } },
        },
      },
    },
  });
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

  const live = article.liveRevision;
  const frozen = publishedCredits(live.credits);
  const first = firstPlacement(article.placements);
  const neighbours = first ? await pageNeighbours(db, first.pageId, first.position, now) : undefined;
  const view = articleView({
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
  return { kind: 'visible', article: view };
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
