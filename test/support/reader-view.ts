// A readers' view of a published story (lib/reader/article-view.ts) for the channel renderers' tests.
import type { ArticleView } from '../../lib/reader/types';

export function readerViewFixture(overrides: Partial<ArticleView> = {}): ArticleView {
  return {
    slug: 'pocket-park',
    kicker: '城市更新',
    headline: '柯城新建口袋公园',
    subheadline: '今年新增 12 处',
    dateline: '本报讯',
    byline: '记者 甲',
    summary: '今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。',
    teaser: '今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。',
    bodyHtml: '<p>第一段正文。</p><figure><img src="/media/ab/photo/1600.webp" alt="公园"></figure>',
    cover: {
      src: '/media/cover1/800.webp',
      large: '/media/cover1/1600.webp',
      width: 800,
      height: 600,
      largeWidth: 1600,
      largeHeight: 1200,
      alt: '公园全景',
      caption: '新建的口袋公园',
    },
    authors: [{ name: '甲', label: '记者' }],
    published: { at: '2026-12-06T00:00:00.000Z', dateOnly: false },
    modifiedAt: '2026-12-06T00:00:00.000Z',
    print: { issue: { number: 1706, date: '2026-12-06' }, pages: [1, 3] },
    corrections: [],
    previousOnPage: null,
    nextOnPage: null,
    publication: { name: '今日柯城', publisher: '柯城区融媒体中心', hotline: '', address: '', postcode: '' },
    ...overrides,
  };
}
