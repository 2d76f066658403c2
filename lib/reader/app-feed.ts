// The county app's feed (客户端): JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of what the website's
// readers see, built from the readers' view of each story (lib/reader/article-view.ts), so the app
// shows the same published copy, cover, byline and 更正 as the article page. Pure: no Next, no Prisma.
//
// Which stories: every story the website shows, while the app channel is switched on (报刊设置). The
// app is the publication's own channel, not a platform the desk posts to: a feed that follows the
// website needs no step per story, shows a correction the moment the website does and drops a
// retracted story at once, where a feed of hand-picked sends would keep a retracted story until
// someone took it down (docs/architecture.md: Channels).
import { formatDateTime } from '../dates/format';
import { APP_READS_PATH } from '../reads/beacon';
import type { ArticleView } from './types';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
/** Stories per feed page: the app's first screen and a little more (each item carries the whole body). */
export const APP_FEED_PAGE_SIZE = 20;
/** The deepest page answered: 500 pages of 20 reach back 10,000 stories. */
export const APP_FEED_MAX_PAGE = 500;

export const APP_FEED_PATH = '/app/feed.json';
export const appArticlePath = (slug: string) => `/app/articles/${slug}`;

/** The printed pages a story is on: 版次 (第2版) and the page's name, the 栏目 (要闻). */
export type PrintPage = { number: number; name: string | null };

export type AppFeedSource = { view: ArticleView; pages: PrintPage[] };

export type JsonFeedItem = {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  authors: { name: string }[];
  date_published: string;
  date_modified: string;
  tags: string[];
  language: 'zh-CN';
  /** What JSON Feed has no field for (an extension, named with an underscore as the spec asks). */
  _kecheng: {
    /** The story's 网址名: what the app posts to `reads_url` when a reader opens it. */
    slug: string;
    /**
     * The read beacon (docs/architecture.md, "Reads"): the app posts `slug` there (POST, text/plain)
     * once when a reader opens the story, so reads are counted (as the app's) while this JSON stays
     * cached like the page. Answered 204; the app sends its own User-Agent (a bare HTTP library's is
     * taken for a robot and not counted).
     */
    reads_url: string;
    kicker: string | null;
    subheadline: string | null;
    byline: string | null;
    dateline: string | null;
    print: { issue: number; date: string; pages: number[] } | null;
    corrections: { note: string; created_at: string }[];
  };
};

export type JsonFeed = {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: 'zh-CN';
  next_url?: string;
  items: JsonFeedItem[];
};

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The body's own addresses (/media/…, /articles/…) made absolute: the app has no base URL of ours. */
export function absoluteAddresses(html: string, site: string): string {
  return html.replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${site}/`);
}

/** 版次 then 栏目 for each printed page, in page order, each once: ["第1版", "要闻", "第3版"]. */
export function printTags(pages: readonly PrintPage[]): string[] {
  const tags: string[] = [];
  for (const page of [...pages].sort((a, b) => a.number - b.number)) {
    tags.push(`第${page.number}版`);
    const name = page.name?.trim();
    if (name) tags.push(name);
  }
  return [...new Set(tags)];
}

/** The 更正 box of the article page, as HTML the app can show under the body. */
function correctionsHtml(view: ArticleView): string {
  if (view.corrections.length === 0) return '';
  const items = view.corrections
    .map(
      (c) =>
        `<li><time datetime="${c.createdAt}">${escapeHtml(formatDateTime(c.createdAt))}</time> ${escapeHtml(c.note)}</li>`,
    )
    .join('');
  return `<section class="corrections"><h2>更正</h2><ul>${items}</ul></section>`;
}

function latest(...isos: string[]): string {
  return isos.reduce((a, b) => (new Date(b) > new Date(a) ? b : a));
}

/** One story as a JSON Feed item (also the per-story JSON the app fetches). */
export function appFeedItem({ view, pages }: AppFeedSource, site: string): JsonFeedItem {
  const url = `${site}/articles/${view.slug}`;
  const authors = view.authors.length
    ? view.authors.map((author) => ({ name: author.name }))
    : view.byline
      ? [{ name: view.byline }]
      : [];
  return {
    id: url,
    url,
    title: view.headline,
    content_html: absoluteAddresses(view.bodyHtml, site) + correctionsHtml(view),
    summary: view.summary?.trim() || view.teaser,
    ...(view.cover ? { image: `${site}${view.cover.large}` } : {}),
    authors,
    date_published: view.published.at,
    // A correction changes what readers see without a new published copy: it moves the date too.
    date_modified: latest(view.modifiedAt, ...view.corrections.map((c) => c.createdAt)),
    tags: printTags(pages),
    language: 'zh-CN',
    _kecheng: {
      slug: view.slug,
      reads_url: `${site}${APP_READS_PATH}`,
      kicker: view.kicker,
      subheadline: view.subheadline,
      byline: view.byline,
      dateline: view.dateline,
      print: view.print
        ? { issue: view.print.issue.number, date: view.print.issue.date, pages: view.print.pages }
        : null,
      corrections: view.corrections.map((c) => ({ note: c.note, created_at: c.createdAt })),
    },
  };
}

export type AppFeedPage = { page: number; hasNext: boolean; sources: AppFeedSource[] };

/** One page of the feed; `next_url` names the following page while there is one. */
export function buildAppFeed(input: AppFeedPage & { title: string }, site: string): JsonFeed {
  const feedUrl = `${site}${APP_FEED_PATH}`;
  return {
    version: JSON_FEED_VERSION,
    title: input.title,
    home_page_url: `${site}/`,
    feed_url: feedUrl,
    description: `${input.title} 客户端信息流：网站已发布的稿件`,
    language: 'zh-CN',
    ...(input.hasNext ? { next_url: `${feedUrl}?page=${input.page + 1}` } : {}),
    items: input.sources.map((source) => appFeedItem(source, site)),
  };
}

/** `?page=` of the feed: absent is 1; anything but a whole number from 1 to the last page is refused. */
export function feedPageOf(value: string | null): number | string {
  if (value === null) return 1;
  if (!/^[1-9]\d{0,5}$/.test(value) || Number(value) > APP_FEED_MAX_PAGE)
    return `page 应为 1 到 ${APP_FEED_MAX_PAGE} 的整数`;
  return Number(value);
}
