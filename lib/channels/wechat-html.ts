// A story as 公众号 article HTML: what the 公众号 editor keeps when the desk pastes it in, and what
// draft/add takes as `content`. The editor drops classes, <style>, <script>, ids and most tags, and
// links outside mp.weixin.qq.com, so every rule is an inline style on the few tags it keeps, images
// are absolute URLs, and outside links become their text with the address after it. Pure.
import { sanitizeDoc } from '../content/sanitize';
import type { DocNode } from '../content/types';
import type { ArticleView } from '../reader/types';

/** The tags the 公众号 editor keeps (and that this renderer may write). */
export const WECHAT_TAGS = [
  'section',
  'p',
  'span',
  'strong',
  'em',
  'u',
  's',
  'br',
  'img',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

const TEXT = 'color:#333333;font-size:16px;line-height:1.75;letter-spacing:0.5px;';
export const WECHAT_STYLES = {
  root: `${TEXT}padding:0 4px;`,
  kicker: 'margin:0 0 4px;color:#666666;font-size:15px;line-height:1.6;',
  headline: 'margin:0 0 6px;color:#1a1a1a;font-size:22px;font-weight:bold;line-height:1.4;',
  subheadline: 'margin:0 0 12px;color:#555555;font-size:16px;line-height:1.6;',
  byline: 'margin:0 0 20px;color:#888888;font-size:14px;line-height:1.6;',
  paragraph: `margin:0 0 16px;${TEXT}text-align:justify;`,
  heading:
    'margin:24px 0 12px;padding-left:10px;border-left:4px solid #b71c1c;color:#1a1a1a;font-size:17px;font-weight:bold;line-height:1.5;',
  figure: 'margin:0 0 20px;text-align:center;',
  image: 'display:block;max-width:100%;height:auto;margin:0 auto;',
  caption: 'margin:8px 0 0;color:#888888;font-size:14px;line-height:1.6;text-align:center;',
  quote: 'margin:0 0 16px;padding:8px 12px;border-left:3px solid #dddddd;background-color:#f7f7f7;color:#555555;',
  list: `margin:0 0 16px;padding-left:24px;${TEXT}`,
  listItem: 'margin:0 0 6px;',
  tableWrap: 'margin:0 0 20px;overflow-x:auto;',
  table: 'width:100%;border-collapse:collapse;font-size:14px;line-height:1.6;',
  th: 'padding:6px 8px;border:1px solid #dddddd;background-color:#f2f2f2;font-weight:bold;text-align:left;',
  td: 'padding:6px 8px;border:1px solid #dddddd;text-align:left;',
  rule: 'margin:24px 0;border-top:1px solid #e5e5e5;',
  corrections:
    'margin:24px 0 0;padding:10px 12px;border:1px solid #f0c36d;background-color:#fff8e5;font-size:14px;line-height:1.6;',
  source: 'margin:24px 0 0;color:#888888;font-size:14px;line-height:1.6;',
  dateline: 'font-weight:bold;',
} as const;

function escape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function tag(name: (typeof WECHAT_TAGS)[number], style: string, inner: string): string {
  return `<${name} style="${escape(style)}">${inner}</${name}>`;
}

/** An absolute http(s) address for a site-relative or absolute src; null for anything else. */
export function absoluteUrl(src: string, site: string): string | null {
  try {
    const url = new URL(src, `${site.replace(/\/+$/, '')}/`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

type Context = { site: string; dateline: string | null; images: string[] };

function text(node: DocNode, ctx: Context): string {
  let out = escape(node.text ?? '');
  let href: string | null = null;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = `<strong>${out}</strong>`;
    else if (mark.type === 'italic') out = `<em>${out}</em>`;
    else if (mark.type === 'underline') out = `<u>${out}</u>`;
    else if (mark.type === 'strike') out = `<s>${out}</s>`;
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string')
      href = absoluteUrl(mark.attrs.href, ctx.site);
  }
  // The 公众号 strips links to other sites; the address stays readable after the text.
  if (href && href !== node.text) out += `<span style="color:#888888;">（${escape(href)}）</span>`;
  return out;
}

function inline(nodes: DocNode[] | undefined, ctx: Context): string {
  return (nodes ?? []).map((node) => (node.type === 'hardBreak' ? '<br>' : text(node, ctx))).join('');
}

function attr(node: DocNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

function block(node: DocNode, ctx: Context): string {
  switch (node.type) {
    case 'paragraph': {
      let inner = inline(node.content, ctx);
      if (ctx.dateline) {
        // 电头 leads the first paragraph, as in print: 本报讯（记者 甲）…
        inner = `<span style="${WECHAT_STYLES.dateline}">${escape(ctx.dateline)}</span>　${inner}`;
        ctx.dateline = null;
      }
      return inner ? tag('p', WECHAT_STYLES.paragraph, inner) : '';
    }
    case 'heading':
      return tag('p', WECHAT_STYLES.heading, inline(node.content, ctx));
    case 'blockquote':
      return tag('blockquote', WECHAT_STYLES.quote, blocks(node.content, ctx));
    case 'bulletList':
    case 'orderedList':
      return tag(node.type === 'bulletList' ? 'ul' : 'ol', WECHAT_STYLES.list, blocks(node.content, ctx));
    case 'listItem':
      return tag(
        'li',
        WECHAT_STYLES.listItem,
        blocks(node.content, ctx).replaceAll(WECHAT_STYLES.paragraph, 'margin:0;'),
      );
    case 'horizontalRule':
      return tag('section', WECHAT_STYLES.rule, '');
    case 'figure': {
      const src = absoluteUrl(attr(node, 'src'), ctx.site);
      if (!src) return '';
      ctx.images.push(src);
      const caption = attr(node, 'caption').trim();
      const img = `<img src="${escape(src)}" alt="${escape(attr(node, 'alt'))}" style="${WECHAT_STYLES.image}">`;
      return tag(
        'section',
        WECHAT_STYLES.figure,
        img + (caption ? tag('p', WECHAT_STYLES.caption, escape(caption)) : ''),
      );
    }
    case 'table':
      return tag(
        'section',
        WECHAT_STYLES.tableWrap,
        tag('table', WECHAT_STYLES.table, tag('tbody', '', blocks(node.content, ctx))),
      );
    case 'tableRow':
      return tag('tr', '', blocks(node.content, ctx));
    case 'tableHeader':
    case 'tableCell':
      return tag(
        node.type === 'tableHeader' ? 'th' : 'td',
        node.type === 'tableHeader' ? WECHAT_STYLES.th : WECHAT_STYLES.td,
        blocks(node.content, ctx).replaceAll(WECHAT_STYLES.paragraph, 'margin:0;'),
      );
    default:
      return blocks(node.content, ctx);
  }
}

function blocks(nodes: DocNode[] | undefined, ctx: Context): string {
  return (nodes ?? []).map((node) => block(node, ctx)).join('');
}

export type WechatArticle = {
  /** The whole article: head lines (unless left out), body, corrections and the 原文链接 line. */
  html: string;
  /** Every image's absolute address, in order (the cover first when there is one). */
  images: string[];
  /** The 原文链接: the story on the website. */
  sourceUrl: string;
};

/**
 * `withHead`: the 引题, headline, 副题 and byline lines at the top, for pasting into the editor's body.
 * draft/add has its own title and author fields, so the API send leaves the headline out.
 */
export function wechatArticle(
  view: ArticleView,
  body: DocNode,
  site: string,
  options: { withHead: boolean } = { withHead: true },
): WechatArticle {
  const sourceUrl = `${site.replace(/\/+$/, '')}/articles/${encodeURIComponent(view.slug)}`;
  const ctx: Context = { site, dateline: view.dateline?.trim() || null, images: [] };
  const parts: string[] = [];
  if (options.withHead) {
    if (view.kicker) parts.push(tag('p', WECHAT_STYLES.kicker, escape(view.kicker)));
    parts.push(tag('p', WECHAT_STYLES.headline, escape(view.headline)));
    if (view.subheadline) parts.push(tag('p', WECHAT_STYLES.subheadline, escape(view.subheadline)));
  }
  const byline = view.byline?.trim() || view.authors.map((author) => `${author.label} ${author.name}`).join('　');
  if (byline) parts.push(tag('p', WECHAT_STYLES.byline, escape(byline)));
  const cover = view.cover ? absoluteUrl(view.cover.large, site) : null;
  const content = blocks(sanitizeDoc(body).content, ctx);
  // The cover leads the article only when the body does not already show the same picture.
  if (cover && !ctx.images.some((src) => sameImage(src, cover))) {
    parts.push(
      tag(
        'section',
        WECHAT_STYLES.figure,
        `<img src="${escape(cover)}" alt="${escape(view.cover?.alt ?? '')}" style="${WECHAT_STYLES.image}">` +
          (view.cover?.caption ? tag('p', WECHAT_STYLES.caption, escape(view.cover.caption)) : ''),
      ),
    );
    ctx.images.unshift(cover);
  }
  parts.push(content);
  if (view.corrections.length)
    parts.push(
      tag(
        'section',
        WECHAT_STYLES.corrections,
        view.corrections.map((c) => tag('p', 'margin:0;', `<strong>更正：</strong>${escape(c.note)}`)).join(''),
      ),
    );
  parts.push(tag('p', WECHAT_STYLES.source, `原文链接：${escape(sourceUrl)}`));
  return { html: tag('section', WECHAT_STYLES.root, parts.join('')), images: ctx.images, sourceUrl };
}

/** Two addresses of one stored image: its web sizes differ only in the last part (/media/<key>/<width>.webp). */
function sameImage(a: string, b: string): boolean {
  const key = (url: string) => url.replace(/\/\d+\.webp$/, '');
  return key(a) === key(b);
}
