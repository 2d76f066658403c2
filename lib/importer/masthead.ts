// The masthead at the top of the export: date, issue number, weekday and lunar date, name, publisher,
// page count, hotline — in any order, one or several to a line, in one or several blocks. It ends
// before the first block that reads like a story (a sentence, a dateline, a long line); the blocks
// it takes are the ones up to the last that holds a masthead item. Short all-Han lines between them
// are the nameplate (the first) and labels of the nameplate's QR codes (柯城发布, 运动柯城 APP).
import { parseCalendarDate } from '../dates/calendar-date';
import { lunarDateText, weekdayText } from '../dates/chinese-date';
import type { Block } from './blocks';
import { hasItems, mastheadItems, type MastheadItems } from './masthead-items';
import { isPageHeader, readPageHeader } from './page-header';
import { charLength, DATELINE, STRONG_END } from './patterns';
import { field, type FoundField } from './report';

export type Masthead = {
  date: string | null;
  number: number | null;
  name: string | null;
  publisher: string | null;
  hotline: string | null;
  pageCount: number | null;
  fields: Record<string, FoundField>;
  warnings: string[];
  /** Indexes of the blocks the masthead is made of. */
  blocks: Set<number>;
};

const MAX_MASTHEAD_BLOCKS = 24;
const NAMEPLATE_MAX_CHARS = 8;
const MAX_REST_CHARS = 10;

function itemKeys(items: MastheadItems): string[] {
  return Object.keys(items).filter((key) => key !== 'rest');
}

function readsLikeArticle(block: Block): boolean {
  return block.lines.some((line) => {
    const items = mastheadItems(line.text);
    if (hasItems(items) && charLength(items.rest) <= MAX_REST_CHARS) return false;
    return (
      charLength(line.text) > 40 || /[。；]/u.test(line.text) || STRONG_END.test(line.text) || DATELINE.test(line.text)
    );
  });
}

/** The printed weekday and lunar date must be the ones of the printed date; a mismatch is a warning. */
function checkCalendar(result: Masthead, weekday: FoundField | undefined, lunar: FoundField | undefined) {
  const date = result.date ? parseCalendarDate(result.date) : null;
  if (!date) return;
  const mismatches: string[] = [];
  if (weekday && weekday.value !== weekdayText(date))
    mismatches.push(`星期应为${weekdayText(date)}，报头印的是${weekday.value}`);
  if (lunar) {
    const computed = lunarDateText(date);
    const printed = lunar.value.replace(/^农历/u, '');
    // A lunar date printed without its year is compared without the year.
    const expected = /年/u.test(printed) ? computed : computed.replace(/^\S+?年/u, '');
    if (printed !== expected) mismatches.push(`农历应为${expected}，报头印的是${printed}`);
  }
  if (!mismatches.length) return;
  result.warnings.push(`出版日期 ${result.date} 与报头不符：${mismatches.join('；')}，请核对日期`);
  result.fields.date = { ...result.fields.date!, confidence: 'low' };
}

/**
 * An inner page has no masthead, only a running head: 2020年9月7日 星期一 第3版 综合 今日柯城 第1708期.
 * Its date and issue number are the (medium confidence: the editor checks them), the Han word
 * after the page name the paper's name. The line stays for the story reader, which takes the page from it.
 */
function runningHead(blocks: Block[], result: Masthead): Masthead {
  for (const block of blocks.slice(0, 3))
    for (const line of block.lines) {
      const items = mastheadItems(line.text);
      const header = readPageHeader(line.text);
      if (!items.date || !items.number || !header) continue;
      result.date = items.date;
      result.fields.date = field(items.date, 'medium', line.number);
      result.number = items.number;
      result.fields.number = field(String(items.number), 'medium', line.number);
      const words = items.rest.split(' ').filter((word) => /^\p{Script=Han}{2,8}$/u.test(word));
      const name = words.find((word) => word !== header.name);
      if (name) {
        result.name = name;
        result.fields.name = field(name, 'medium', line.number);
      }
      if (items.weekday) result.fields.weekday = field(items.weekday, 'high', line.number);
      checkCalendar(result, result.fields.weekday, undefined);
      return result;
    }
  return result;
}

export function readMasthead(blocks: Block[]): Masthead {
  const result: Masthead = {
    date: null,
    number: null,
    name: null,
    publisher: null,
    hotline: null,
    pageCount: null,
    fields: {},
    warnings: [],
    blocks: new Set(),
  };
  let last = -1;
  const seen = new Set<string>();
  const found: { items: MastheadItems; line: number; text: string }[][] = [];
  for (const [index, block] of blocks.slice(0, MAX_MASTHEAD_BLOCKS).entries()) {
    if (readsLikeArticle(block)) break;
    const lines = block.lines.map((line) => ({ items: mastheadItems(line.text), line: line.number, text: line.text }));
    found.push(lines);
    // A masthead line brings an item not seen yet and little else (a title that mentions a date does not).
    const fresh = lines.filter(
      ({ items }) =>
        hasItems(items) && charLength(items.rest) <= MAX_REST_CHARS && itemKeys(items).some((key) => !seen.has(key)),
    );
    for (const { items } of fresh) for (const key of itemKeys(items)) seen.add(key);
    if (fresh.length) last = index;
  }
  if (last < 0) return runningHead(blocks, result);
  const labels: { text: string; line: number }[] = [];
  let weekday: FoundField | undefined;
  let lunar: FoundField | undefined;
  for (const [index, lines] of found.slice(0, last + 1).entries()) {
    const block = blocks[index]!;
    // A page header before the masthead's last item stays for the story reader.
    if (block.lines.length === 1 && isPageHeader(block.lines[0]!.text)) continue;
    result.blocks.add(index);
    for (const { items, line, text } of lines) {
      if (items.date && !result.date) {
        result.date = items.date;
        result.fields.date = field(items.date, 'high', line);
      }
      if (items.number && !result.number) {
        result.number = items.number;
        result.fields.number = field(String(items.number), 'high', line);
      }
      if (items.lunar && !lunar) lunar = field(`农历${items.lunar}`, 'high', line);
      if (items.weekday && !weekday) weekday = field(items.weekday, 'high', line);
      if (items.publisher && !result.publisher) {
        result.publisher = items.publisher;
        result.fields.publisher = field(items.publisher, 'high', line);
      }
      if (items.pageCount && !result.pageCount) {
        result.pageCount = items.pageCount;
        result.fields.pageCount = field(String(items.pageCount), 'high', line);
      }
      if (items.hotline && !result.hotline) {
        result.hotline = items.hotline;
        result.fields.hotline = field(items.hotline, 'high', line);
      }
      // A nameplate is sometimes letter-spaced (今 日 柯 城).
      const rest = /^(?:\p{Script=Han}\s)+\p{Script=Han}$/u.test(items.rest)
        ? items.rest.replace(/\s/gu, '')
        : items.rest;
      if (!rest) continue;
      if (!result.name && charLength(rest) <= NAMEPLATE_MAX_CHARS && /^\p{Script=Han}+$/u.test(rest)) {
        result.name = rest;
        result.fields.name = field(rest, 'medium', line);
      } else if (!hasItems(items)) {
        labels.push({ text, line });
      }
    }
  }
  if (lunar) result.fields.lunar = lunar;
  if (weekday) result.fields.weekday = weekday;
  if (labels.length)
    result.fields.qrLabels = field(labels.map((label) => label.text).join('、'), 'low', labels[0]!.line);
  checkCalendar(result, weekday, lunar);
  return result;
}
