// One page of the county app's feed (lib/reader/app-feed.ts): the stories the website shows, newest
// first as on the feed.xml, each as the readers' view the article page is built from.
import type { Db } from '../db-client';
import { findPublication } from '../publication/lookup';
import { visibleArticleWhere } from '../revisions/visibility';
import type { AppFeedPage } from './app-feed';
import { printPagesOf, readerArticleInclude, readerView } from './article';

export async function readAppFeedPage(db: Db, page: number, pageSize: number, now: Date): Promise<AppFeedPage> {
  // One row more than the page holds says whether there is a next page.
  const rows = await db.article.findMany({
    where: visibleArticleWhere(now),
    orderBy: [{ publishAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    include: readerArticleInclude(now),
  });
  const sources = rows.slice(0, pageSize).flatMap((row) => {
    const live = row.liveRevision;
    return live ? [{ view: readerView({ ...row, liveRevision: live }), pages: printPagesOf(row.placements) }] : [];
  });
  return { page, hasNext: rows.length > pageSize, sources };
}

/** Whether the publication runs the app channel (报刊设置); off, the feed's addresses answer 404. */
export async function readAppFeedEnabled(db: Db): Promise<boolean> {
  const publication = await findPublication(db, { appFeedEnabled: true });
  return publication?.appFeedEnabled ?? false;
}
