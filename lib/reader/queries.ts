// The reader site's reads, cached and tagged (docs/architecture.md: Publishing and time). Every entry is tagged `public`; changes
// revalidate it (lib/reader/revalidate.ts). The key carries the schedule epoch, so a scheduled
// story or issue appears at its time without anything firing, and a restart changes nothing.
import 'server-only';

import { unstable_cache } from 'next/cache';

import { db } from '../db';
import { searchPublished } from '../search/search';
import { APP_FEED_PAGE_SIZE } from './app-feed';
import { readAppFeedEnabled, readAppFeedPage } from './app-feed-page';
import { readArchiveMonth, readArchiveMonths } from './archive';
import { readArticle } from './article';
import { readFeedItems, readSitemapArticles, readSitemapIssues, readSitemapYears } from './feeds';
import { latestIssueNumber, readIssuePage, readPublication } from './issue-page';
import { scheduleEpoch, upcomingPublishTimes } from './schedule';
import { articleTag, issueTag, LISTS_TAG, PUBLIC_TAG } from './tags';

// A safety net: even without any change, cached reads are refreshed hourly.
const REVALIDATE_S = 3600;

// Tagged with the lists because every story change expires them, which also catches new schedules.
const upcoming = unstable_cache(() => upcomingPublishTimes(db, new Date()), ['reader', 'schedule'], {
  tags: [PUBLIC_TAG, LISTS_TAG],
  revalidate: REVALIDATE_S,
});

export async function cached<T>(key: (string | number)[], tags: string[], read: (now: Date) => Promise<T>): Promise<T> {
  const epoch = scheduleEpoch(await upcoming(), new Date());
  return unstable_cache(() => read(new Date()), ['reader', ...key.map(String), `epoch:${epoch}`], {
    tags: [PUBLIC_TAG, ...tags],
    revalidate: REVALIDATE_S,
  })();
}

export const getLatestIssueNumber = () => cached(['latest'], [LISTS_TAG], (now) => latestIssueNumber(db, now));
export const getIssuePage = (issue: number, page: number) =>
  cached(['page', issue, page], [issueTag(issue)], (now) => readIssuePage(db, issue, page, now));
export const getArticle = (slug: string) =>
  cached(['article', slug], [articleTag(slug)], (now) => readArticle(db, slug, now));
export const getArchiveMonths = () => cached(['archive'], [LISTS_TAG], (now) => readArchiveMonths(db, now));
export const getArchiveMonth = (year: number, month: number) =>
  cached(['archive-month', year, month], [LISTS_TAG], (now) => readArchiveMonth(db, year, month, now));
export const getFeedItems = () => cached(['feed'], [LISTS_TAG], (now) => readFeedItems(db, now));
export const getSitemapYears = () => cached(['sitemap-years'], [LISTS_TAG], (now) => readSitemapYears(db, now));
export const getSitemapIssues = (year: number) =>
  cached(['sitemap-issues', year], [LISTS_TAG], (now) => readSitemapIssues(db, year, now));
export const getSitemapArticles = (year: number) =>
  cached(['sitemap-articles', year], [LISTS_TAG], (now) => readSitemapArticles(db, year, now));
/** The county app's feed (客户端): a page of it, and whether the channel is on (a settings change expires PUBLIC_TAG). */
export const getAppFeedPage = (page: number) =>
  cached(['app-feed', page], [LISTS_TAG], (now) => readAppFeedPage(db, page, APP_FEED_PAGE_SIZE, now));
export const getAppFeedEnabled = () => cached(['app-feed-enabled'], [LISTS_TAG], () => readAppFeedEnabled(db));
export const getPublication = () => cached(['publication'], [LISTS_TAG], () => readPublication(db));

/** Reader search: not cached (every query differs); published stories only. */
export function searchArticles(input: { q: string; from?: Date; to?: Date; page: number }) {
  return searchPublished(db, { ...input, pageSize: 10 });
}
