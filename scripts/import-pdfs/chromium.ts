// Producer 1: Chromium prints an HTML page laid out with CSS grid (the page's columns) and CSS
// columns (a story's text flowing from one column to the next), fonts from fonts-noto-cjk.
import { execFileSync } from 'node:child_process';

import type { ExpectedIssue } from '../../lib/importer/corpus-score';
import type { PageLayout } from './layout';
import { photoPng } from './png';
import { innerHeader, mastheadLines, pageLine, printedArticle, type Block } from './printed';
import { withSourceFile } from './source-file';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

function blockHtml(block: Block): string {
  if (block.kind === 'paragraph') return `<p>${escape(block.text)}</p>`;
  if (block.kind === 'caption') return `<p class="caption">${escape(block.text)}</p>`;
  if (block.kind === 'photo')
    return `<figure><img src="data:image/png;base64,${photoPng(240, 160).toString('base64')}"><figcaption>${escape(block.caption)}</figcaption></figure>`;
  return `<table>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
}

export function pageHtml(issue: ExpectedIssue, layout: PageLayout): string {
  const head = layout.front
    ? `<header class="masthead">${mastheadLines(issue)
        .map((line, index) => (index === 0 ? `<div class="title">${line}</div>` : `<div>${line}</div>`))
        .join('')}</header><div class="pageline">${pageLine(issue, layout.page)}</div>`
    : `<div class="running">${innerHeader(issue, layout.page)}</div>`;
  const stories = layout.placements
    .map((placement) => {
      const story = printedArticle(issue.stories[placement.story]!, placement.part);
      return `<article style="grid-column: ${placement.column} / span ${placement.span}; grid-row: ${placement.row}"${placement.boxed ? ' class="boxed"' : ''}>
        ${story.kicker ? `<div class="kicker">${escape(story.kicker)}</div>` : ''}
        ${story.headline ? `<h1 class="${placement.boxed ? 'small' : ''}">${escape(story.headline)}</h1>` : ''}
        ${story.subheadline ? `<div class="sub">${escape(story.subheadline)}</div>` : ''}
        ${story.byline ? `<div class="byline">${escape(story.byline)}</div>` : ''}
        <div class="text" style="columns: ${placement.flow}">${story.blocks.map(blockHtml).join('')}</div>
      </article>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 14mm }
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 10pt; line-height: 1.45; margin: 0 }
    .masthead { display: flex; gap: 6mm; align-items: baseline; border-bottom: 2px solid #000; padding-bottom: 2mm }
    .masthead .title { font-size: 34pt; font-weight: 900 }
    .pageline, .running { font-size: 9pt; border-bottom: 1px solid #000; margin: 2mm 0 4mm }
    main { display: grid; grid-template-columns: repeat(${layout.columns}, 1fr); column-gap: 5mm; row-gap: 6mm; align-items: start }
    h1 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 21pt; line-height: 1.25; margin: 1mm 0 2mm; font-weight: 700 }
    h1.small { font-size: 15pt }
    .kicker, .sub { font-size: 12pt; font-family: 'Noto Sans CJK SC', sans-serif }
    .byline { font-size: 9pt; font-family: 'Noto Sans CJK SC', sans-serif; margin-bottom: 1mm }
    .text { column-gap: 5mm; column-fill: balance }
    p { text-indent: 2em; margin: 0; text-align: justify }
    p.caption { text-indent: 0; font-weight: 700; text-align: center; margin-top: 1mm }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 1mm 0; break-inside: avoid }
    td { border: 0.5pt solid #000; padding: 0.5mm 1mm }
    figure { margin: 0 0 1mm; break-inside: avoid } figure img { width: 100% } figcaption { font-size: 9pt }
    .boxed { border: 1pt solid #000; padding: 3mm }
  </style></head><body>${head}<main>${stories}</main></body></html>`;
}

export function printWithChromium(html: string, out: string): void {
  withSourceFile('page.html', html, (file) =>
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, file],
      { stdio: 'ignore', timeout: 120_000 },
    ),
  );
}
