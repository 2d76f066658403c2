import { describe, expect, it } from 'vitest';

import { readerViewFixture } from '../../test/support/reader-view';
import { doc, heading, paragraph, table } from '../content/builders';
import type { DocNode } from '../content/types';
import type { ArticleView } from '../reader/types';
import { WECHAT_STYLES, WECHAT_TAGS, wechatArticle } from './wechat-html';

const SITE = 'https://news.kecheng.example';

// The shared readers' view, with what these tests look at: an escaped headline, two credits, no summary.
const view: ArticleView = readerViewFixture({
  headline: '柯城新建<script>口袋公园</script>',
  byline: '记者 甲 通讯员 乙',
  summary: null,
  teaser: '',
  bodyHtml: '',
  authors: [],
  published: { at: '2026-12-06T08:00:00.000Z', dateOnly: false },
  modifiedAt: '2026-12-06T08:00:00.000Z',
  print: null,
  publication: { name: '今日柯城', publisher: 'x', hotline: '', address: '', postcode: '' },
});

const figure = (src: string, caption: string): DocNode => ({
  type: 'figure',
  attrs: { src, alt: '图', caption, mediaId: null, width: 800, height: 600 },
});
const link = (value: string, href: string): DocNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text: value, marks: [{ type: 'link', attrs: { href } }] }],
});
const bold: DocNode = { type: 'paragraph', content: [{ type: 'text', text: '重点', marks: [{ type: 'bold' }] }] };

const body = doc(
  paragraph('第一段正文。'),
  heading('小标题'),
  figure('/media/photo2/1600.webp', '市民在公园休憩'),
  table([
    ['区域', '数量'],
    ['府山', '3'],
  ]),
  link('详见区政府网站', 'https://www.kecheng.gov.cn/notice'),
  bold,
);

/** Every tag and its attributes, as the editor would see them. */
function tags(html: string): { name: string; attrs: string[] }[] {
  return [...html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)]
    .filter((match) => match[1] === '')
    .map((match) => ({
      name: match[2]!.toLowerCase(),
      attrs: [...(match[3] ?? '').matchAll(/([a-zA-Z-]+)=/g)].map((attr) => attr[1]!),
    }));
}

describe('the 公众号 rendering', () => {
  const { html, images, sourceUrl } = wechatArticle(view, body, SITE);

  it('uses only tags the 公众号 editor keeps, and no attribute but inline style (src and alt on images)', () => {
    for (const { name, attrs } of tags(html)) {
      expect(WECHAT_TAGS as readonly string[]).toContain(name);
      expect(attrs.filter((attr) => !(name === 'img' ? ['src', 'alt', 'style'] : ['style']).includes(attr))).toEqual(
        [],
      );
    }
    expect(html).not.toMatch(/<(a|style|script|figure|figcaption|h[1-6]|div)\b/i);
    expect(html).not.toMatch(/class=|id=/);
  });

  it('lays out 引题, headline, 副题 and byline in order, the 电头 leading the first paragraph', () => {
    const order = ['城市更新', '柯城新建', '今年新增 12 处', '记者 甲 通讯员 乙', '本报讯', '第一段正文。'].map(
      (part) => html.indexOf(part),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain(`<p style="${WECHAT_STYLES.headline}">`);
    expect(html).toContain('&lt;script&gt;口袋公园&lt;/script&gt;');
    expect(html).toContain(`<span style="${WECHAT_STYLES.dateline}">本报讯</span>`);
  });

  it('gives every image an absolute address, the cover first, with its 图说 beneath', () => {
    expect(images).toEqual([`${SITE}/media/cover1/1600.webp`, `${SITE}/media/photo2/1600.webp`]);
    expect(html).toContain(`<img src="${SITE}/media/photo2/1600.webp" alt="图" style="${WECHAT_STYLES.image}">`);
    expect(html).toContain(`<p style="${WECHAT_STYLES.caption}">市民在公园休憩</p>`);
    expect(html).not.toMatch(/src="\//);
  });

  it('does not repeat a cover the body already shows', () => {
    const again = wechatArticle(view, doc(figure('/media/cover1/800.webp', '')), SITE);
    expect(again.images).toEqual([`${SITE}/media/cover1/800.webp`]);
  });

  it('styles subheadings, tables and emphasis inline; an outside link keeps its address as text', () => {
    expect(html).toContain(`<p style="${WECHAT_STYLES.heading}">小标题</p>`);
    expect(html).toContain(`<th style="${WECHAT_STYLES.th}"><p style="margin:0;">区域</p></th>`);
    expect(html).toContain(`<td style="${WECHAT_STYLES.td}"><p style="margin:0;">3</p></td>`);
    expect(html).toContain('<strong>重点</strong>');
    expect(html).toContain('详见区政府网站<span style="color:#888888;">（https://www.kecheng.gov.cn/notice）</span>');
  });

  it('ends with the 原文链接 to the website and any 更正', () => {
    expect(sourceUrl).toBe(`${SITE}/articles/pocket-park`);
    expect(html).toContain(`原文链接：${SITE}/articles/pocket-park`);
    const corrected = wechatArticle({ ...view, corrections: [{ note: '第二段人名有误', createdAt: '' }] }, body, SITE);
    expect(corrected.html).toContain('<strong>更正：</strong>第二段人名有误');
  });

  it('leaves the head lines out for draft/add, which has its own title field', () => {
    const draft = wechatArticle(view, body, SITE, { withHead: false });
    expect(draft.html).not.toContain('柯城新建');
    expect(draft.html).toContain('记者 甲 通讯员 乙');
  });
});
