// Producer 2: LibreOffice (Debian's libreoffice-writer-nogui) converts a flat ODT to PDF. Each
// story is a text frame anchored to the page, its text in the frame's own columns; an inner page's
// header line is the page style's header; the masthead is the body text above the frames. Page-anchored
// frames sit directly in office:text, as Writer saves them (inside a paragraph they load as shapes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { ExpectedIssue } from '../../lib/importer/corpus-score';
import type { PageLayout } from './layout';
import { photoPng } from './png';
import { innerHeader, mastheadLines, pageLine, printedArticle, type Block } from './printed';
import { withSourceFile } from './source-file';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const MM = { width: 210, height: 297, margin: 15, gap: 5 };

/** A rough height in mm for a text: characters × size over the width, as many lines as that makes. */
function linesHeight(text: string, sizePt: number, widthMm: number, leading = 1.5): number {
  const charMm = (sizePt * 25.4) / 72;
  const perLine = Math.max(1, Math.floor(widthMm / charMm));
  return Math.ceil([...text].length / perLine) * charMm * leading;
}

function blockXml(block: Block, index: number): string {
  if (block.kind === 'paragraph') return `<text:p text:style-name="Body">${escape(block.text)}</text:p>`;
  if (block.kind === 'caption') return `<text:p text:style-name="Caption">${escape(block.text)}</text:p>`;
  if (block.kind === 'photo')
    return `<text:p text:style-name="Plain"><draw:frame draw:name="photo${index}" text:anchor-type="as-char" svg:width="5.6cm" svg:height="3.7cm"><draw:image><office:binary-data>${photoPng(240, 160).toString('base64')}</office:binary-data></draw:image></draw:frame></text:p><text:p text:style-name="Plain">${escape(block.caption)}</text:p>`;
  const columns = block.rows[0]!.length;
  return `<table:table table:style-name="Grid"><table:table-column table:number-columns-repeated="${columns}"/>${block.rows
    .map(
      (row) =>
        `<table:table-row>${row.map((cell) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="Plain">${escape(cell)}</text:p></table:table-cell>`).join('')}</table:table-row>`,
    )
    .join('')}</table:table>`;
}

export function pageFodt(issue: ExpectedIssue, layout: PageLayout): string {
  const contentWidth = MM.width - 2 * MM.margin;
  const columnWidth = (contentWidth - MM.gap * (layout.columns - 1)) / layout.columns;
  // Below the masthead (title, four lines, the page line) or the header line.
  let top = layout.front ? MM.margin + 46 : MM.margin + 12;
  const frames: string[] = [];
  const styles: string[] = [];
  const rows = [...new Set(layout.placements.map((placement) => placement.row))].sort((a, b) => a - b);
  for (const row of rows) {
    let deepest = 0;
    for (const placement of layout.placements.filter((candidate) => candidate.row === row)) {
      const story = printedArticle(issue.stories[placement.story]!, placement.part);
      const x = MM.margin + (placement.column - 1) * (columnWidth + MM.gap);
      const width = placement.span * columnWidth + (placement.span - 1) * MM.gap;
      const flowWidth = (width - 4 - MM.gap * (placement.flow - 1)) / placement.flow;
      const text = story.blocks.map((block) =>
        block.kind === 'table'
          ? block.rows.length * 6
          : block.kind === 'photo'
            ? 45
            : linesHeight(block.kind === 'paragraph' ? `　　${block.text}` : block.text, 9.5, flowWidth),
      );
      const height =
        (story.kicker ? 7 : 0) +
        linesHeight(story.headline, placement.boxed ? 14 : 20, width - 4, 1.3) +
        (story.subheadline ? 7 : 0) +
        (story.byline ? 6 : 0) +
        text.reduce((sum, value) => sum + value, 0) / placement.flow +
        12;
      const name = `fr${placement.story}`;
      styles.push(
        `<style:style style:name="${name}" style:family="graphic" style:parent-style-name="Frame"><style:graphic-properties draw:fill="none" fo:background-color="transparent" svg:x="${x}mm" svg:y="${top}mm" style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page" style:wrap="none" fo:border="${placement.boxed ? '0.8pt solid #000000' : 'none'}" fo:padding="${placement.boxed ? '2.5mm' : '0mm'}"><style:columns fo:column-count="${placement.flow}" fo:column-gap="${MM.gap}mm"/></style:graphic-properties></style:style>`,
      );
      frames.push(
        `<draw:frame draw:style-name="${name}" draw:name="story${placement.story}" text:anchor-type="page" text:anchor-page-number="1" svg:x="${x}mm" svg:y="${top}mm" svg:width="${width}mm" draw:z-index="${placement.story}"><draw:text-box fo:min-height="${height.toFixed(1)}mm">${[
          story.kicker ? `<text:p text:style-name="Kicker">${escape(story.kicker)}</text:p>` : '',
          story.headline
            ? `<text:p text:style-name="${placement.boxed ? 'HeadSmall' : 'Head'}">${escape(story.headline)}</text:p>`
            : '',
          story.subheadline ? `<text:p text:style-name="Kicker">${escape(story.subheadline)}</text:p>` : '',
          story.byline ? `<text:p text:style-name="Byline">${escape(story.byline)}</text:p>` : '',
          ...story.blocks.map(blockXml),
        ].join('')}</draw:text-box></draw:frame>`,
      );
      deepest = Math.max(deepest, height);
    }
    top += deepest + 8;
  }
  const masthead = layout.front
    ? [
        `<text:p text:style-name="Title">${escape(mastheadLines(issue)[0]!)}</text:p>`,
        ...mastheadLines(issue)
          .slice(1)
          .map((line) => `<text:p text:style-name="Plain">${escape(line)}</text:p>`),
        `<text:p text:style-name="PageLine">${escape(pageLine(issue, layout.page))}</text:p>`,
      ].join('')
    : `<text:p text:style-name="Plain"/>`;
  const header = layout.front
    ? ''
    : `<style:header><text:p text:style-name="Running">${escape(innerHeader(issue, layout.page))}</text:p></style:header>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
  <style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'"/>
  <style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
  <style:style style:name="Frame" style:family="graphic"/>
  <style:style style:name="Plain" style:family="paragraph"><style:text-properties style:font-name="Serif" style:font-name-asian="Serif" fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Plain"><style:paragraph-properties fo:text-indent="19pt" fo:text-align="justify" fo:line-height="150%"/></style:style>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Plain"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="Sans" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="2mm"/><style:text-properties style:font-name-asian="Sans" style:font-name="Sans" fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="HeadSmall" style:family="paragraph" style:parent-style-name="Head"><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
  <style:style style:name="Kicker" style:family="paragraph"><style:text-properties style:font-name-asian="Sans" style:font-name="Sans" fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
  <style:style style:name="Byline" style:family="paragraph"><style:text-properties style:font-name-asian="Sans" style:font-name="Sans" fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
  <style:style style:name="Title" style:family="paragraph"><style:text-properties style:font-name-asian="Sans" style:font-name="Sans" fo:font-size="32pt" style:font-size-asian="32pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="PageLine" style:family="paragraph" style:parent-style-name="Byline"><style:paragraph-properties fo:border-bottom="1pt solid #000000"/></style:style>
  <style:style style:name="Running" style:family="paragraph" style:parent-style-name="Plain"><style:paragraph-properties fo:border-bottom="0.8pt solid #000000"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="${MM.width}mm" fo:page-height="${MM.height}mm" fo:margin-top="${MM.margin}mm" fo:margin-bottom="${MM.margin}mm" fo:margin-left="${MM.margin}mm" fo:margin-right="${MM.margin}mm"/><style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="3mm"/></style:header-style></style:page-layout>
  <style:style style:name="Grid" style:family="table"><style:table-properties style:width="${(columnWidth * 2).toFixed(1)}mm" table:align="left"/></style:style>
  <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.5mm"/></style:style>
  ${styles.join('\n  ')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">${header}</style:master-page></office:master-styles>
<office:body><office:text>${frames.join('')}${masthead}</office:text></office:body>
</office:document>
`;
}

export function convertWithLibreOffice(fodt: string, out: string): void {
  withSourceFile('page.fodt', fodt, (file, dir) => {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { stdio: 'ignore', timeout: 180_000 },
    );
    fs.copyFileSync(path.join(dir, 'page.pdf'), out);
  });
}
