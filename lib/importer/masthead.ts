// The masthead at the top of the export: date, issue number, lunar line, name, publisher, page
// count, hotline. It ends at the first block that is none of these and not a short label (QR codes
// such as 柯城发布 / 运动柯城 APP are labels of the nameplate's images).
import type { Block } from './blocks';
import { blockText } from './blocks';
import { charLength, chineseNumber, DATE_LINE, HOTLINE, ISSUE_NUMBER, LUNAR_LINE, PAGE_COUNT, PUBLISHER, WEEKDAY } from './patterns';
import { field, type FoundField } from './report';

export type Masthead = {
  date: string | null;
  number: number | null;
  name: string | null;
  publisher: string | null;
  hotline: string | null;
  pageCount: number | null;
  fields: Record<string, FoundField>;
  /** Index of the first block after the masthead. */
  end: number;
};

const MAX_MASTHEAD_BLOCKS = 20;

function isMastheadLine(text: string): boolean {
  return DATE_LINE.test(text) || ISSUE_NUMBER.test(text) || LUNAR_LINE.test(text) || PUBLISHER.test(text) || PAGE_COUNT.test(text) || HOTLINE.test(text);
}

export function readMasthead(blocks: Block[]): Masthead {
  const result: Masthead = { date: null, number: null, name: null, publisher: null, hotline: null, pageCount: null, fields: {}, end: 0 };
  // The masthead is everything up to the last masthead line among the first blocks.
  let last = -1;
  blocks.slice(0, MAX_MASTHEAD_BLOCKS).forEach((block, index) => {
    if (block.lines.length === 1 && isMastheadLine(block.lines[0]!.text)) last = index;
  });
  if (last < 0) return result;
  const labels: string[] = [];
  for (const block of blocks.slice(0, last + 1)) {
    const text = blockText(block, ' ');
    const line = block.lines[0]!.number;
    const date = DATE_LINE.exec(text);
    const issue = ISSUE_NUMBER.exec(text);
    const pages = PAGE_COUNT.exec(text);
    const hotline = HOTLINE.exec(text);
    if (date) {
      result.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      result.fields.date = field(result.date, 'high', line);
    } else if (issue) {
      result.number = Number(issue[1]);
      result.fields.number = field(issue[1]!, 'high', line);
    } else if (LUNAR_LINE.test(text)) {
      result.fields.lunar = field(text.replace(WEEKDAY, '').trim(), 'high', line);
      const weekday = WEEKDAY.exec(text);
      if (weekday) result.fields.weekday = field(weekday[0], 'high', line);
    } else if (PUBLISHER.test(text)) {
      result.publisher = text;
      result.fields.publisher = field(text, 'high', line);
    } else if (pages) {
      result.pageCount = chineseNumber(pages[1]!);
      if (result.pageCount) result.fields.pageCount = field(String(result.pageCount), 'high', line);
    } else if (hotline) {
      result.hotline = hotline[1]!.replace(/\s+/g, '');
      result.fields.hotline = field(result.hotline, 'high', line);
    } else if (!result.name && charLength(text) <= 8 && /^\p{Script=Han}+$/u.test(text)) {
      // The first short all-Han line is the nameplate (今日柯城); later ones label its QR codes.
      result.name = text;
      result.fields.name = field(text, 'medium', line);
    } else {
      labels.push(text);
    }
  }
  if (labels.length) result.fields.qrLabels = field(labels.join('、'), 'low', blocks[0]!.lines[0]!.number);
  result.end = last + 1;
  return result;
}
