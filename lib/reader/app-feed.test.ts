import { describe, expect, it } from 'vitest';

import { readerViewFixture } from '../../test/support/reader-view';
import {
  absoluteAddresses,
  APP_FEED_MAX_PAGE,
  appFeedItem,
  buildAppFeed,
  feedPageOf,
  JSON_FEED_VERSION,
  printTags,
} from './app-feed';

const SITE = 'https://news.kecheng.example';
const pages = [
  { number: 3, name: '综合' },
  { number: 1, name: '要闻' },
];

describe('appFeedItem', () => {
  it('carries the JSON Feed 1.1 fields of the readers’ view, with absolute addresses', () => {
    const item = appFeedItem({ view: readerViewFixture(), pages }, SITE);
    expect(item).toMatchObject({
      id: `${SITE}/articles/pocket-park`,
      url: `${SITE}/articles/pocket-park`,
      title: '柯城新建口袋公园',
      summary: '今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。',
      image: `${SITE}/media/cover1/1600.webp`,
      authors: [{ name: '甲' }],
      date_published: '2026-12-06T00:00:00.000Z',
      date_modified: '2026-12-06T00:00:00.000Z',
      tags: ['第1版', '要闻', '第3版', '综合'],
    });
    expect(item.content_html).toContain(`src="${SITE}/media/ab/photo/1600.webp"`);
    expect(item._kecheng.print).toEqual({ issue: 1706, date: '2026-12-06', pages: [1, 3] });
  });

  it('names the read beacon the app posts the slug to, so the JSON itself stays cacheable', () => {
    const item = appFeedItem({ view: readerViewFixture(), pages }, SITE);
    expect(item._kecheng).toMatchObject({ slug: 'pocket-park', reads_url: `${SITE}/api/reads?channel=app` });
  });

  it('shows a correction as the article page does, and dates the item by it', () => {
    const view = readerViewFixture({
      corrections: [{ note: '第二段“12 处”应为“13 处”<更正>', createdAt: '2026-12-07T02:30:00.000Z' }],
    });
    const item = appFeedItem({ view, pages: [] }, SITE);
    expect(item.content_html).toContain('<section class="corrections"><h2>更正</h2>');
    expect(item.content_html).toContain('2026-12-07 10:30');
    expect(item.content_html).toContain('&lt;更正&gt;');
    expect(item.date_modified).toBe('2026-12-07T02:30:00.000Z');
    expect(item._kecheng.corrections).toEqual([
      { note: '第二段“12 处”应为“13 处”<更正>', created_at: '2026-12-07T02:30:00.000Z' },
    ]);
  });

  it('falls back to the teaser, the byline as author, and no image without a cover', () => {
    const view = readerViewFixture({ summary: null, teaser: '第一段正文。', authors: [], cover: null, print: null });
    const item = appFeedItem({ view, pages: [] }, SITE);
    expect(item.summary).toBe('第一段正文。');
    expect(item.authors).toEqual([{ name: '记者 甲' }]);
    expect(item).not.toHaveProperty('image');
    expect(item.tags).toEqual([]);
  });
});

describe('buildAppFeed', () => {
  const sources = [{ view: readerViewFixture(), pages }];

  it('is a JSON Feed 1.1 page that names the next page while there is one', () => {
    const feed = buildAppFeed({ page: 2, hasNext: true, sources, title: '今日柯城' }, SITE);
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.feed_url).toBe(`${SITE}/app/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.next_url).toBe(`${SITE}/app/feed.json?page=3`);
    expect(feed.items).toHaveLength(1);
  });

  it('has no next_url on the last page', () => {
    expect(buildAppFeed({ page: 1, hasNext: false, sources, title: '今日柯城' }, SITE)).not.toHaveProperty('next_url');
  });
});

describe('printTags', () => {
  it('gives 版次 then the page name (栏目) per page, in page order, each once', () => {
    expect(printTags(pages)).toEqual(['第1版', '要闻', '第3版', '综合']);
    expect(
      printTags([
        { number: 2, name: '  ' },
        { number: 4, name: '要闻' },
        { number: 1, name: '要闻' },
      ]),
    ).toEqual(['第1版', '要闻', '第2版', '第4版']);
  });
});

describe('absoluteAddresses', () => {
  it('makes the site’s own paths absolute and leaves other addresses alone', () => {
    expect(
      absoluteAddresses('<img src="/media/a.webp"><a href="https://x.cn/">x</a><a href="//cdn.x/">y</a>', SITE),
    ).toBe(`<img src="${SITE}/media/a.webp"><a href="https://x.cn/">x</a><a href="//cdn.x/">y</a>`);
  });
});

describe('feedPageOf', () => {
  it('reads a whole page number and refuses anything else with a message', () => {
    expect(feedPageOf(null)).toBe(1);
    expect(feedPageOf('3')).toBe(3);
    expect(feedPageOf(String(APP_FEED_MAX_PAGE))).toBe(APP_FEED_MAX_PAGE);
    for (const bad of ['0', '-1', '1.5', 'x', '01', String(APP_FEED_MAX_PAGE + 1), ''])
      expect(feedPageOf(bad), bad).toMatch(/^page 应为/);
  });
});
