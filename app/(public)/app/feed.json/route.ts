// The county app's feed (客户端, JSON Feed 1.1): lib/reader/app-feed.ts. Public and cached by the
// front like reader pages (cache-policy.ts marks /app/ a reader route); ETag / If-None-Match → 304.
import { taggedJson } from '@/lib/http/etag';
import { buildAppFeed, feedPageOf } from '@/lib/reader/app-feed';
import { getAppFeedEnabled, getAppFeedPage, getPublication } from '@/lib/reader/queries';
import { siteUrl } from '@/lib/reader/site-url';

export const dynamic = 'force-dynamic';

const FEED_TYPE = 'application/feed+json; charset=utf-8';
const ERROR_TYPE = 'application/json; charset=utf-8';

export async function GET(request: Request) {
  if (!(await getAppFeedEnabled())) return taggedJson(request, 404, { error: '客户端信息流没有开通' }, ERROR_TYPE);
  const page = feedPageOf(new URL(request.url).searchParams.get('page'));
  if (typeof page === 'string') return taggedJson(request, 400, { error: page }, ERROR_TYPE);
  const [feedPage, publication] = await Promise.all([getAppFeedPage(page), getPublication()]);
  if (page > 1 && feedPage.sources.length === 0) return taggedJson(request, 404, { error: '没有这一页' }, ERROR_TYPE);
  const feed = buildAppFeed({ ...feedPage, title: publication?.name ?? '今日柯城' }, siteUrl());
  return taggedJson(request, 200, feed, FEED_TYPE);
}
