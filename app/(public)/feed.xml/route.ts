import { getFeedItems, getPublication } from '@/lib/reader/queries';
import { buildRss } from '@/lib/reader/rss';
import { absoluteUrl, siteUrl } from '@/lib/reader/site-url';

// Served per request: the data behind it is cached (lib/reader/queries.ts), the response is not prerendered.
export const dynamic = 'force-dynamic';

export async function GET() {
  const [items, publication] = await Promise.all([getFeedItems(), getPublication()]);
  const name = publication?.name ?? '今日柯城';
  const xml = buildRss(
    { title: name, description: `${name} 最新稿件`, siteUrl: siteUrl(), feedUrl: absoluteUrl('/feed.xml') },
    items,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
