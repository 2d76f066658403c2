// One story for the county app (客户端): its JSON Feed item (lib/reader/app-feed.ts), 410 once it is
// retracted (the app takes it down, as the website shows its retraction notice), 404 otherwise.
import { SLUG_PATTERN } from '@/lib/articles/slug';
import { taggedJson } from '@/lib/http/etag';
import { appFeedItem } from '@/lib/reader/app-feed';
import { decodeParam } from '@/lib/reader/params';
import { getAppFeedEnabled, getArticle } from '@/lib/reader/queries';
import { siteUrl } from '@/lib/reader/site-url';

export const dynamic = 'force-dynamic';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (!(await getAppFeedEnabled())) return taggedJson(request, 404, { error: '客户端信息流没有开通' }, JSON_TYPE);
  const slug = decodeParam((await params).slug);
  const lookup = slug !== null && SLUG_PATTERN.test(slug) ? await getArticle(slug) : ({ kind: 'missing' } as const);
  if (lookup.kind === 'retracted')
    return taggedJson(
      request,
      410,
      {
        error: '稿件已撤稿',
        retracted: true,
        title: lookup.headline,
        note: lookup.note,
        retracted_at: lookup.retractedAt,
      },
      JSON_TYPE,
    );
  if (lookup.kind === 'missing') return taggedJson(request, 404, { error: '稿件不存在' }, JSON_TYPE);
  return taggedJson(request, 200, appFeedItem({ view: lookup.article, pages: lookup.pages }, siteUrl()), JSON_TYPE);
}
