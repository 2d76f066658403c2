// Sitemaps: an index with one sitemap per year, so no file exceeds the 50,000-URL limit.
import { xmlEscape } from './xml';

export type SitemapUrl = { loc: string; lastmod?: string };

export function sitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const entries = sitemaps.map(
    (s) => `  <sitemap><loc>${xmlEscape(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod}</lastmod>` : ''}</sitemap>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</sitemapindex>',
    '',
  ].join('\n');
}

export function urlSet(urls: readonly SitemapUrl[]): string {
  const entries = urls.map(
    (u) => `  <url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
