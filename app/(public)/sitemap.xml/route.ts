import { getSitemapYears } from '@/lib/reader/queries';
import { absoluteUrl } from '@/lib/reader/site-url';
import { sitemapIndex } from '@/lib/reader/sitemap';

// Served per request: the data behind it is cached (lib/reader/queries.ts), the response is not prerendered.
export const dynamic = 'force-dynamic';

export async function GET() {
  const years = await getSitemapYears();
  const xml = sitemapIndex(years.map((year) => ({ loc: absoluteUrl(`/sitemaps/${year}.xml`) })));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
