import { describe, expect, it } from 'vitest';

import { sampleIssue } from '../../seeds/sample-issue';
import { doc, heading, paragraph, table, text } from './builders';
import { renderHtml } from './render-html';

describe('renderHtml', () => {
  it('renders paragraphs, subheadings and inline marks', () => {
    const body = doc(heading('治水治出美丽河湖'), {
      type: 'paragraph',
      content: [
        text('普通'),
        { type: 'text', text: '加粗', marks: [{ type: 'bold' }] },
        { type: 'text', text: '斜体', marks: [{ type: 'italic' }] },
        { type: 'text', text: '下划线', marks: [{ type: 'underline' }] },
      ],
    });
    expect(renderHtml(body)).toBe(
      '<h2>治水治出美丽河湖</h2><p>普通<strong>加粗</strong><em>斜体</em><u>下划线</u></p>',
    );
  });

  it('escapes text, so markup typed into a story stays text', () => {
    expect(renderHtml(doc(paragraph('<script>alert(1)</script> & "引号"')))).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "引号"</p>',
    );
  });

  it('keeps http, https and mailto links and drops javascript: ones (keeping the text)', () => {
    const link = (href: string) => ({ type: 'text', text: '链接', marks: [{ type: 'link', attrs: { href } }] });
    expect(renderHtml(doc({ type: 'paragraph', content: [link('https://kecheng.gov.cn/')] }))).toBe(
      '<p><a rel="noopener noreferrer nofollow" href="https://kecheng.gov.cn/">链接</a></p>',
    );
    expect(renderHtml(doc({ type: 'paragraph', content: [link('mailto:news@example.com')] }))).toContain(
      'href="mailto:news@example.com"',
    );
    expect(renderHtml(doc({ type: 'paragraph', content: [link('javascript:alert(1)')] }))).toBe('<p>链接</p>');
    expect(renderHtml(doc({ type: 'paragraph', content: [link(' JaVaScRiPt:alert(1)')] }))).toBe('<p>链接</p>');
  });

  it('wraps tables for scrolling and uses header cells', () => {
    const html = renderHtml(
      doc(
        table([
          ['组别', '电话'],
          ['第一巡察组', '3049743'],
        ]),
      ),
    );
    expect(html.startsWith('<div class="table-scroll"><table')).toBe(true);
    expect(html).toContain('<tr><th scope="col"><p>组别</p></th><th scope="col"><p>电话</p></th></tr>');
    expect(html).toContain('<td><p>3049743</p></td>');
    expect(html.endsWith('</table></div>')).toBe(true);
  });

  it('renders figures with alt text and an optional caption, and drops unsafe image sources', () => {
    const figure = (src: string, caption: string) => ({
      type: 'figure',
      attrs: { src, alt: '大禹鼎', caption, mediaId: 'm1', width: 800, height: 600 },
    });
    expect(renderHtml(doc(figure('/media/m1/800.webp', '柯城夺得大禹鼎')))).toBe(
      '<figure class="story-figure"><img src="/media/m1/800.webp" alt="大禹鼎" width="800" height="600" loading="lazy" decoding="async" data-media-id="m1"><figcaption>柯城夺得大禹鼎</figcaption></figure>',
    );
    expect(renderHtml(doc(figure('/media/m1/800.webp', '')))).not.toContain('figcaption');
    expect(renderHtml(doc(figure('javascript:alert(1)', 'x')))).toBe('');
    expect(renderHtml(doc(figure('data:image/svg+xml,<svg onload=alert(1)>', 'x')))).toBe('');
  });

  it('drops unknown nodes and marks but keeps their text', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'iframe', content: [paragraph('留下的文字')] },
        { type: 'paragraph', content: [{ type: 'text', text: '字', marks: [{ type: 'fontColor' }] }] },
      ],
    };
    expect(renderHtml(body)).toBe('<p>留下的文字</p><p>字</p>');
  });

  it('renders lists, quotes, breaks and rules', () => {
    const body = doc(
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('一')] }] },
      { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [paragraph('二')] }] },
      {
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [text('上'), { type: 'hardBreak' }, text('下')] }],
      },
      { type: 'horizontalRule' },
    );
    expect(renderHtml(body)).toBe(
      '<ul><li><p>一</p></li></ul><ol><li><p>二</p></li></ol><blockquote><p>上<br>下</p></blockquote><hr>',
    );
  });

  it('falls back to plain paragraphs for structurally broken content', () => {
    expect(
      renderHtml({
        type: 'doc',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('孤立单元格')] }] }],
      }),
    ).toBe('<p>孤立单元格</p>');
  });

  it('renders every story of the sample issue', () => {
    for (const story of sampleIssue.stories) {
      const html = renderHtml(story.body);
      expect(html.length).toBeGreaterThan(100);
      expect(html).not.toContain('undefined');
    }
  });
});
