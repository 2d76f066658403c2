import { describe, expect, it } from 'vitest';

import { buildRss, rfc822 } from './rss';

const channel = {
  title: '今日柯城',
  description: '最新稿件',
  siteUrl: 'https://news.example',
  feedUrl: 'https://news.example/feed.xml',
};

describe('buildRss', () => {
  const xml = buildRss(channel, [
    {
      slug: 'ke-cheng-duo-xia-da-yu-ding',
      headline: '柯城夺下“大禹鼎”',
      kicker: null,
      teaser: 'A & B <b>粗</b>',
      byline: '记者 徐敏',
      publishedAt: '2020-08-16T16:00:00.000Z',
    },
  ]);

  it('uses absolute links and permalink guids', () => {
    expect(xml).toContain('<link>https://news.example/articles/ke-cheng-duo-xia-da-yu-ding</link>');
    expect(xml).toContain('<guid isPermaLink="true">https://news.example/articles/ke-cheng-duo-xia-da-yu-ding</guid>');
    expect(xml).toContain('<atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml"/>');
  });

  it('writes RFC 822 dates', () => {
    expect(xml).toContain('<pubDate>Sun, 16 Aug 2020 16:00:00 GMT</pubDate>');
    expect(rfc822('2020-08-17T00:00:00Z')).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('escapes text', () => {
    expect(xml).toContain('<description>A &amp; B &lt;b&gt;粗&lt;/b&gt;</description>');
    expect(xml).toContain('<title>柯城夺下“大禹鼎”</title>');
  });

  it('is well-formed for an empty feed', () => {
    expect(buildRss(channel, [], new Date('2026-01-01T00:00:00Z'))).toContain(
      '<lastBuildDate>Thu, 01 Jan 2026 00:00:00 GMT</lastBuildDate>',
    );
  });
});
