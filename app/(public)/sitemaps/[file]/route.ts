import { getSitemapArticles, getSitemapIssues, getSitemapYears } from '@/lib/reader/queries';
import { absoluteUrl } from '@/lib/reader/site-url';
import { urlSet } from '@/lib/reader/sitemap';

// Served per request: the data behind it is cached (lib/reader/queries.ts), the response is not prerendered.
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d{4})\.xml$/.exec((await params).file);
  if (!match) return new Response('找不到该站点地图', { status: 404 });
  const year = Number(match[1]);
  const [issues, articles, years] = await Promise.all([
    getSitemapIssues(year),
    getSitemapArticles(year),
    getSitemapYears(),
  ]);
  const urls = [
    // The front page goes into the newest year's sitemap (the index lists only years with content).
    ...(year === years.at(-1) ? [{ loc: absoluteUrl('/') }] : []),
    ...issues.flatMap((issue) =>
      Array.from({ length: issue.pageCount }, (_, index) => ({
        loc: absoluteUrl(`/issues/${issue.number}/pages/${index + 1}`),
        lastmod: issue.lastmod,
      })),
    ),
    ...articles.map((article) => ({ loc: absoluteUrl(`/articles/${article.slug}`), lastmod: article.lastmod })),
  ];
  return new Response(urlSet(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
