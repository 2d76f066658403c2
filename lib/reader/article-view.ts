// What readers see of one story, built in one place: the reader's article page, its JSON-LD and Open
// Graph tags (both read the ArticleView) and the newsroom preview ("exactly what readers will get").
// The callers only choose the copy: readers get the published revision (lib/reader/article.ts), the
// preview the working copy (lib/articles/preview.ts); everything a reader sees of it is decided here.
import { renderHtml } from '../content/render-html';
import { teaser } from '../content/teaser';
import type { DocNode } from '../content/types';
import { firstPlacement, readerDate } from '../dates/reader-date';
import { articleCover, type CoverMedia } from './cover';
import type { ArticleView, IssueRef, PublicationView } from './types';

/** The story's text as one copy holds it (a revision or the working copy), its body parsed. */
type ArticleCopy = Pick<ArticleView, 'kicker' | 'headline' | 'subheadline' | 'dateline' | 'byline' | 'summary'> & {
  body: DocNode;
  bodyText: string;
};

type Placement = { isContinuation: boolean; page: { number: number; issue: IssueRef } };

export type ArticleViewSource = {
  slug: string;
  copy: ArticleCopy;
  coverMedia: CoverMedia | null;
  authors: { name: string; label: string }[];
  /** When it went out, when it is scheduled to, and when this copy was saved (the modified date, and the date shown until then). */
  publishedAt: Date | null;
  publishAt: Date | null;
  savedAt: Date;
  placements: Placement[];
  corrections: { note: string; createdAt: Date }[];
  publication: PublicationView;
  neighbours?: Pick<ArticleView, 'previousOnPage' | 'nextOnPage'>;
};

export function articleView(source: ArticleViewSource): ArticleView {
  const { copy } = source;
  const first = firstPlacement(source.placements);
  return {
    slug: source.slug,
    kicker: copy.kicker,
    headline: copy.headline || '（无标题）',
    subheadline: copy.subheadline,
    dateline: copy.dateline,
    byline: copy.byline,
    summary: copy.summary,
    teaser: teaser(copy.summary, copy.bodyText, 120),
    bodyHtml: renderHtml(copy.body),
    // The cover's alt text comes from the body's figure of the same image (lib/reader/cover.ts): an
    // editor's upload has none on its media row, and publishing requires it on the figure.
    cover: articleCover(source.coverMedia, copy.body),
    authors: source.authors.map(({ name, label }) => ({ name, label })),
    // Readers could first see it at publishAt (a scheduled story's own time, kept through corrections;
    // publishedAt is when the editor pressed the button); a preview's working copy shows its last save.
    published: readerDate(source.publishAt ?? source.publishedAt ?? source.savedAt, first?.page.issue.date ?? null),
    modifiedAt: source.savedAt.toISOString(),
    print: first
      ? { issue: first.page.issue, pages: source.placements.map((p) => p.page.number).sort((a, b) => a - b) }
      : null,
    corrections: source.corrections.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
    previousOnPage: source.neighbours?.previousOnPage ?? null,
    nextOnPage: source.neighbours?.nextOnPage ?? null,
    publication: source.publication,
  };
}
