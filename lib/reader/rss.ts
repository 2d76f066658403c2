// RSS 2.0 for the latest stories: absolute links, RFC 822 dates, permalink guids, escaped text.
import type { FeedItem } from './feeds';
import { xmlEscape } from './xml';

export type FeedChannel = { title: string; description: string; siteUrl: string; feedUrl: string };

export function rfc822(iso: string): string {
  // toUTCString gives the RFC 1123 form (e.g. "Mon, 17 Aug 2020 00:00:00 GMT"), which RSS readers expect.
  return new Date(iso).toUTCString();
}

export function buildRss(channel: FeedChannel, items: readonly FeedItem[], now: Date = new Date()): string {
  const latest = items[0]?.publishedAt ?? now.toISOString();
  const entries = items.map((item) => {
    const link = `${channel.siteUrl}/articles/${item.slug}`;
    return [
      '    <item>',
      `      <title>${xmlEscape(item.headline)}</title>`,
      `      <link>${xmlEscape(link)}</link>`,
      `      <guid isPermaLink="true">${xmlEscape(link)}</guid>`,
      `      <pubDate>${rfc822(item.publishedAt)}</pubDate>`,
      `      <description>${xmlEscape(item.teaser)}</description>`,
      item.byline ? `      <dc:creator>${xmlEscape(item.byline)}</dc:creator>` : null,
      // The printed page the story is on (版面), as Media RSS readers show a picture.
      item.image
        ? `      <media:content url="${xmlEscape(`${channel.siteUrl}${item.image}`)}" medium="image" type="image/webp" width="1200"/>`
        : null,
      '    </item>',
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '  <channel>',
    `    <title>${xmlEscape(channel.title)}</title>`,
    `    <link>${xmlEscape(channel.siteUrl)}/</link>`,
    `    <description>${xmlEscape(channel.description)}</description>`,
    '    <language>zh-CN</language>',
    `    <lastBuildDate>${rfc822(latest)}</lastBuildDate>`,
    `    <atom:link href="${xmlEscape(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
