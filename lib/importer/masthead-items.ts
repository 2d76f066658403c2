// The items a masthead (and a page's running head) is made of, found anywhere in a line and in any
// order: date, weekday, lunar date, issue number, publisher, page count, hotline.
import { findDate } from './issue-date';
import { chineseNumber, structural } from './normalise';

export type MastheadItems = {
  date?: string;
  weekday?: string;
  lunar?: string;
  number?: number;
  publisher?: string;
  pageCount?: number;
  hotline?: string;
  /** What is left of the line once the items are taken out. */
  rest: string;
};

const WEEKDAY = /(?:星期|礼拜)[一二三四五六日天]/u;
const LUNAR =
  /(?:农历\s*)((?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]\s*[年]\s*)?(?:闰)?[正一二三四五六七八九十冬腊]{1,2}\s*月\s*(?:初|十|廿|二十|三十|卅)[一二三四五六七八九十]?)|([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\s*(?:闰)?[正一二三四五六七八九十冬腊]{1,2}月\s*(?:初|十|廿|二十|三十|卅)[一二三四五六七八九十]?)/u;
const NUMBER = /(?<!总)第\s*(\d{1,6})\s*期/u;
const TOTAL_NUMBER = /总第\s*(\d{1,6})\s*期/u;
const PUBLISHER = /\S{2,30}?(?:编印|主办|出版)(?=\s|$)|(?:主办|编印)[:：]\s*\S{2,30}/u;
const PAGE_COUNT = /(?:今日|本期|共)\s*([一二三四五六七八九十\d]{1,3})\s*版/u;
const HOTLINE =
  /(?:采编热线|新闻热线|热线电话|报料热线|热线)\s*[:：]?\s*((?:\d[\d\-—]*\d)(?:\s*[、/]\s*\d[\d\-—]*\d)?)/u;

function take(state: { rest: string }, pattern: RegExp): RegExpExecArray | null {
  const match = pattern.exec(state.rest);
  if (match) state.rest = `${state.rest.slice(0, match.index)} ${state.rest.slice(match.index + match[0].length)}`;
  return match;
}

export function mastheadItems(line: string): MastheadItems {
  const state = { rest: structural(line) };
  const items: MastheadItems = { rest: '' };
  const date = findDate(state.rest);
  if (date) {
    items.date = date.iso;
    state.rest = `${state.rest.slice(0, date.start)} ${state.rest.slice(date.end)}`;
  }
  const lunar = take(state, LUNAR);
  if (lunar) items.lunar = (lunar[1] ?? lunar[2]!).replace(/\s+/gu, '');
  const weekday = take(state, WEEKDAY);
  if (weekday) items.weekday = weekday[0].replace('礼拜', '星期').replace('星期天', '星期日');
  const number = take(state, NUMBER) ?? take(state, TOTAL_NUMBER);
  if (number) items.number = Number(number[1]);
  const hotline = take(state, HOTLINE);
  if (hotline) items.hotline = hotline[1]!.replace(/\s+/gu, '');
  const pages = take(state, PAGE_COUNT);
  if (pages) {
    const count = chineseNumber(pages[1]!);
    if (count) items.pageCount = count;
  }
  const publisher = take(state, PUBLISHER);
  if (publisher) items.publisher = publisher[0].trim();
  items.rest = state.rest.replace(/[\s·•|｜/／,，、]+/gu, ' ').trim();
  return items;
}

/**
 * Longer than any running head or page header (date, lunar date, issue number, publisher, hotline and
 * page name together come to about 80 characters): such a line is text, and is not read for items. Reading
 * every paragraph for them cost the publisher pattern about 30 steps a character (3.1 s of 5.9 s for an
 * 8 MB text, issue 29).
 */
export const MAX_HEAD_LINE_CHARS = 120;

export function hasItems(items: MastheadItems): boolean {
  return Object.keys(items).length > 1;
}
