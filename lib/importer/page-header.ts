// Page headers as print systems write them: 第2版, 第二版, 02版, A2, A2版, with or without a page
// name (第2版：综合 / 02版 要闻 / A2·综合), sometimes with the date and issue number of a running head.
import { mastheadItems, MAX_HEAD_LINE_CHARS } from './masthead-items';
import { chineseNumber } from './normalise';

export type PageHeader = { page: number; name: string | null };

const HEADER =
  /^(?:第\s*([\d一二三四五六七八九十]{1,3})\s*版|([A-H])?\s*(\d{1,2})\s*版|([A-H])\s*(\d{1,2}))(?:\s*[:：·•\-—|｜]?\s*(\p{Script=Han}{1,8}(?:新闻|版)?))?$/u;

export function readPageHeader(text: string): PageHeader | null {
  if (text.length > MAX_HEAD_LINE_CHARS) return null;
  // A running head carries the date and the issue number too; they are not part of the header.
  const rest = mastheadItems(text)
    .rest.replace(/\s*[:：·•\-—|｜]\s*/gu, '：')
    .replace(/^：|：$/gu, '');
  const flat = rest.replace(/：/gu, ' ').replace(/\s+/gu, ' ').trim();
  // An inner page's running head also names the paper after the page (第3版 综合 今日柯城): the page
  // name is the word right after the page number; the nameplate after it is dropped.
  const match = HEADER.exec(flat) ?? HEADER.exec(flat.replace(/ \p{Script=Han}{2,8}$/u, ''));
  if (!match) return null;
  const page = match[1] ? chineseNumber(match[1]) : Number(match[3] ?? match[5]);
  if (!page || page > 64) return null;
  return { page, name: match[6] ?? null };
}

export function isPageHeader(text: string): boolean {
  return readPageHeader(text) !== null;
}
