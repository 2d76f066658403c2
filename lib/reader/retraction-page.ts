// The 410 page for a retracted story, as a complete HTML document (pure). The proxy serves it without
// rendering React: it has no scripts, and its one style block is allowed by the CSP's style-src.
import { formatDateTime } from '../dates/format';
import type { RetractedArticle } from './retracted';

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const STYLE = `body{margin:0;background:#fafaf9;color:#1c1917;font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;line-height:1.7}
main{max-width:48rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.5rem;margin:0}
.note{border:1px solid #d6d3d1;border-radius:.25rem;padding:.75rem}a{color:inherit}
@media (prefers-color-scheme:dark){body{background:#0c0a09;color:#f5f5f4}.note{border-color:#44403c}}`;

export function retractionPageHtml(story: RetractedArticle, siteName = '今日柯城'): string {
  const when = story.retractedAt.toISOString();
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>已撤稿：${escapeHtml(story.headline)} · ${escapeHtml(siteName)}</title>
<style>${STYLE}</style></head>
<body><main id="main">
<h1>本文已撤稿</h1>
<p>《${escapeHtml(story.headline)}》已于 <time datetime="${when}">${formatDateTime(story.retractedAt)}</time> 撤稿。</p>
${story.note ? `<p class="note">撤稿说明：${escapeHtml(story.note)}</p>` : ''}
<p><a href="/">返回最新一期</a></p>
</main></body></html>
`;
}
