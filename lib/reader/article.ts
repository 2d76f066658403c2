// One story for readers, from its live (published) revision: visible, retracted (a notice), or missing.
import type { Db } from '../db-client';
import { isArticleVisible, visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';
import { teaser } from '../content/teaser';
import { renderHtml } from '../content/render-html';
import { parseDoc } from '../content/types';
import type { ArticleLookup, ArticleView } from './types';
import { articleCover, COVER_SELECT } from './cover';
import { publishedCredits } from '../revisions/published-copy';

export async function readArticle(db: Db, slug: string, now: Date): Promise<ArticleLookup> {
  const article = await db.article.findUnique({
    where: { slug },
    include: {
      liveRevision: { include: { coverMedia: { select: COVER_SELECT } } },
      coverMedia: { select: COVER_SELECT },
      publication: { select: { name: true, publisher: true, hotline: true, address: true, postcode: true } },
      authors: { orderBy: { position: 'asc' }, select: { name: true, label: true } },
      corrections: { orderBy: { createdAt: 'asc' }, select: { note: true, createdAt: true } },
      placements: {
        where: { page: { issue: visibleIssueWhere(now) } },
        select: { isContinuation: true, position: true, pageId: true, page: { select: { number: true, issue: { select: { number: true, date: true } } } } },
      },
    },
  });
  if (!article || article.deletedAt || !article.liveRevision) return { kind: 'missing' };
  if (article.retractedAt && article.status === 'RETRACTED') {
    return { kind: 'retracted', headline: article.liveRevision.headline, note: article.retractionNote, retractedAt: article.retractedAt.toISOString() };
  }
  if (!isArticleVisible(article, now)) return { kind: 'missing' };

  const live = article.liveRevision;
  const frozen = publishedCredits(live.credits);
  const body = parseDoc(live.body);
  const placements = [...article.placements].sort((a, b) => a.page.number - b.page.number);
  const first = placements.find((p) => !p.isContinuation) ?? placements[0];
  const neighbours = first ? await pageNeighbours(db, first.pageId, first.position, now) : { previousOnPage: null, nextOnPage: null };

  const view: ArticleView = {
    slug: article.slug,
    kicker: live.kicker,
    headline: live.headline,
    subheadline: live.subheadline,
    dateline: live.dateline,
    byline: live.byline,
    summary: live.summary,
    teaser: teaser(live.summary, live.bodyText, 120),
    bodyHtml: renderHtml(body),
    // Byline people and cover come from the published revision too (rows from before they were
    // frozen with it fall back to the story's); the cover's alt text from the published body's figure.
    cover: articleCover(frozen ? live.coverMedia : article.coverMedia, body),
    authors: frozen ?? article.authors,
    publishedAt: (article.publishedAt ?? article.publishAt ?? live.createdAt).toISOString(),
    modifiedAt: live.createdAt.toISOString(),
    print: first ? { issue: first.page.issue, pages: placements.map((p) => p.page.number) } : null,
    corrections: article.corrections.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
    ...neighbours,
    publication: article.publication,
  };
  return { kind: 'visible', article: view };
}

async function pageNeighbours(db: Db, pageId: string, position: number, now: Date) {
  const visible = visibleArticleWhere(now);
  const select = { article: { select: { slug: true, liveRevision: { select: { headline: true } } } } } as const;
  const [previous, next] = await Promise.all([
    db.articlePlacement.findFirst({ where: { pageId, position: { lt: position }, article: visible }, orderBy: { position: 'desc' }, select }),
    db.articlePlacement.findFirst({ where: { pageId, position: { gt: position }, article: visible }, orderBy: { position: 'asc' }, select }),
  ]);
  const ref = (row: typeof previous) =>
    row?.article.liveRevision ? { slug: row.article.slug, headline: row.article.liveRevision.headline } : null;
  return { previousOnPage: ref(previous), nextOnPage: ref(next) };
}
