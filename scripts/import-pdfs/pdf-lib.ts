// Producer 3: pdf-lib draws every line at a position it computes itself, as a layout system's
// export does: text in two CJK fonts referenced by name and not embedded (Type0, Identity-H, with a
// ToUnicode map, the way many Chinese PDF writers leave 宋体/黑体 to the reader), rules and frames as
// drawn paths, the photo as an image, the section banner set vertically one character under another.
import {
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  rgb,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

import type { ExpectedIssue } from '../../lib/importer/corpus-score';
import type { PageLayout } from './layout';
import { photoPng } from './png';
import { innerHeader, mastheadLines, pageLine, printedArticle, type Block } from './printed';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const GAP = 12;
const BODY = 9.5;
const LEADING = 1.5;

type Font = 'body' | 'head';

/** Half width for ASCII, full width for the rest (CJK and full-width punctuation). */
const advance = (char: string) => (char.charCodeAt(0) < 0x80 ? 0.5 : 1);

function wrap(text: string, size: number, width: number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let used = indent * size;
  for (const char of text) {
    const step = advance(char) * size;
    // A closing punctuation mark never starts a line (it hangs on the previous one).
    if (used + step > width + 0.01 && line && !/^[，。、；：！？”）》]$/u.test(char)) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += char;
    used += step;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  private chars = new Set<string>();
  private draws: Array<{ font: Font; size: number; x: number; y: number; text: string }> = [];

  constructor(private page: PDFPage) {}

  text(font: Font, size: number, x: number, y: number, text: string) {
    for (const char of text) this.chars.add(char);
    this.draws.push({ font, size, x, y, text });
  }

  /** Writes the text once both fonts know every character used (their ToUnicode maps and widths). */
  finish(doc: PDFDocument) {
    const codes = [...this.chars].map((char) => char.codePointAt(0)!).sort((a, b) => a - b);
    const hex = (code: number) => code.toString(16).padStart(4, '0').toUpperCase();
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Corpus-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${chunks(codes, 100)
  .map(
    (part) =>
      `${part.length} beginbfchar\n${part.map((code) => `<${hex(code)}> <${hex(code)}>`).join('\n')}\nendbfchar`,
  )
  .join('\n')}
endcmap CMapName currentdict /CMap defineresource pop end end`;
    const toUnicode = doc.context.register(doc.context.flateStream(cmap));
    const narrow = codes.filter((code) => code < 0x80).flatMap((code) => [code, [500]]);
    const font = (baseFont: string): PDFRef => {
      const descriptor = doc.context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: 6,
        FontBBox: [0, -140, 1000, 880],
        ItalicAngle: 0,
        Ascent: 880,
        Descent: -120,
        CapHeight: 700,
        StemV: 80,
      });
      const cidFont = doc.context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: doc.context.register(descriptor),
        DW: 1000,
        W: narrow,
        CIDToGIDMap: 'Identity',
      });
      return doc.context.register(
        doc.context.obj({
          Type: 'Font',
          Subtype: 'Type0',
          BaseFont: baseFont,
          Encoding: 'Identity-H',
          DescendantFonts: [doc.context.register(cidFont)],
          ToUnicode: toUnicode,
        }),
      );
    };
    this.page.node.setFontDictionary(PDFName.of('FBody'), font('SimSun'));
    this.page.node.setFontDictionary(PDFName.of('FHead'), font('SimHei'));
    for (const draw of this.draws) {
      const codesHex = [...draw.text].map((char) => hex(char.codePointAt(0)!)).join('');
      this.page.pushOperators(
        beginText(),
        setFontAndSize(draw.font === 'head' ? 'FHead' : 'FBody', draw.size),
        setTextMatrix(1, 0, 0, 1, draw.x, draw.y),
        showText(PDFHexString.of(codesHex)),
        endText(),
      );
    }
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

type Item = { height: number; draw: (x: number, top: number, width: number) => void };

export async function drawWithPdfLib(issue: ExpectedIssue, layout: PageLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('pdf-lib corpus page');
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const writer = new Writer(page);
  const photo = await doc.embedPng(photoPng(240, 160));
  const rule = (y: number, left = MARGIN, right = PAGE.width - MARGIN, thickness = 0.8) =>
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness, color: rgb(0, 0, 0) });

  let top = PAGE.height - MARGIN;
  if (layout.front) {
    const [title, ...rest] = mastheadLines(issue);
    writer.text('head', 36, MARGIN, top - 36, title!);
    rest.forEach((line, index) => writer.text('body', 10, MARGIN + 170, top - 12 - index * 13, line));
    top -= Math.max(46, 13 * rest.length + 4);
    rule(top, MARGIN, PAGE.width - MARGIN, 2);
    writer.text('head', 10, MARGIN, top - 14, pageLine(issue, layout.page));
    top -= 22;
  } else {
    writer.text('body', 9, MARGIN, top - 9, innerHeader(issue, layout.page));
    top -= 14;
    rule(top);
    top -= 10;
  }
  let left = MARGIN;
  if (layout.banner) {
    const name = issue.pages[String(layout.page)] ?? '';
    [...name].forEach((char, index) => writer.text('head', 18, MARGIN, top - 20 - index * 22, char));
    page.drawRectangle({
      x: MARGIN - 4,
      y: top - 12 - name.length * 22,
      width: 26,
      height: name.length * 22 + 8,
      borderWidth: 1,
      borderColor: rgb(0, 0, 0),
    });
    left += 32;
  }
  const columnWidth = (PAGE.width - MARGIN - left - GAP * (layout.columns - 1)) / layout.columns;
  const columnX = (column: number) => left + (column - 1) * (columnWidth + GAP);

  const rows = [...new Set(layout.placements.map((placement) => placement.row))].sort((a, b) => a - b);
  for (const row of rows) {
    let bottom = top;
    for (const placement of layout.placements.filter((candidate) => candidate.row === row)) {
      const story = printedArticle(issue.stories[placement.story]!, placement.part);
      const pad = placement.boxed ? 8 : 0;
      const x = columnX(placement.column) + pad;
      const width = placement.span * columnWidth + (placement.span - 1) * GAP - 2 * pad;
      let y = top - pad;
      const headSize = placement.boxed ? 14 : 20;
      const heading = (text: string, size: number, font: Font) => {
        for (const line of wrap(text, size, width)) {
          y -= size * 1.25;
          writer.text(font, size, x, y, line);
        }
        y -= 3;
      };
      if (story.kicker) heading(story.kicker, 11, 'head');
      if (story.headline) heading(story.headline, headSize, 'head');
      if (story.subheadline) heading(story.subheadline, 12, 'body');
      if (story.byline) heading(story.byline, 9, 'head');
      const flowWidth = (width - GAP * (placement.flow - 1)) / placement.flow;
      const items = story.blocks.flatMap((block) => blockItems(block, flowWidth));
      // Balanced columns: the text fills each column in turn to about the same depth.
      const total = items.reduce((sum, item) => sum + item.height, 0);
      const depth = total / placement.flow;
      let column = 0;
      let used = 0;
      let deepest = 0;
      for (const item of items) {
        if (used > 0 && used + item.height > depth + BODY && column < placement.flow - 1) {
          column += 1;
          used = 0;
        }
        item.draw(x + column * (flowWidth + GAP), y - used, flowWidth);
        used += item.height;
        deepest = Math.max(deepest, used);
      }
      y -= deepest;
      if (placement.boxed)
        page.drawRectangle({
          x: x - pad,
          y: y - pad,
          width: width + 2 * pad,
          height: top - y + pad,
          borderWidth: 1,
          borderColor: rgb(0, 0, 0),
        });
      bottom = Math.min(bottom, y - pad);
    }
    top = bottom - 18;
  }

  function blockItems(block: Block, width: number): Item[] {
    const line = BODY * LEADING;
    const textLines = (text: string, indent: number, font: Font, size: number): Item[] =>
      wrap(text, size, width, indent).map((content, index) => ({
        height: line,
        draw: (x, lineTop) => writer.text(font, size, x + (index === 0 ? indent * size : 0), lineTop - size, content),
      }));
    if (block.kind === 'paragraph') return textLines(block.text, 2, 'body', BODY);
    if (block.kind === 'caption') return textLines(block.text, 0, 'head', BODY);
    if (block.kind === 'photo') {
      const height = (width * 2) / 3;
      return [
        { height: height + 4, draw: (x, lineTop) => page.drawImage(photo, { x, y: lineTop - height, width, height }) },
        ...textLines(block.caption, 0, 'body', 8.5),
      ];
    }
    const rowHeight = 14;
    const cells = block.rows[0]!.length;
    return [
      {
        height: block.rows.length * rowHeight + 4,
        draw: (x, tableTop) => {
          block.rows.forEach((row, index) => {
            const y = tableTop - index * rowHeight;
            rule(y, x, x + width, 0.5);
            row.forEach((cell, at) => writer.text('body', 8, x + 2 + (at * width) / cells, y - 10, cell));
          });
          rule(tableTop - block.rows.length * rowHeight, x, x + width, 0.5);
          for (let at = 0; at <= cells; at += 1) {
            const cx = x + (at * width) / cells;
            page.drawLine({
              start: { x: cx, y: tableTop },
              end: { x: cx, y: tableTop - block.rows.length * rowHeight },
              thickness: 0.5,
            });
          }
        },
      },
    ];
  }

  writer.finish(doc);
  return doc.save();
}
