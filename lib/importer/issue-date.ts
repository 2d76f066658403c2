// Publication dates as print writes them: 2020年8月24日, 2020-08-24 / 2020.08.24 / 2020/8/24 and
// 二〇二〇年八月二十四日. Matched on the structural copy of a line (see normalise.ts).
import { parseCalendarDate } from '../dates/calendar-date';
import { chineseDigits, chineseNumber } from './normalise';

export type FoundDate = { iso: string; start: number; end: number };

const ARABIC = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)/u;
const HAN =
  /([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;

function iso(year: number, month: number, day: number): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseCalendarDate(value) ? value : null;
}

export function findDate(text: string): FoundDate | null {
  const arabic = ARABIC.exec(text);
  if (arabic) {
    const [year, month, day] = arabic[1] ? [arabic[1], arabic[2]!, arabic[3]!] : [arabic[4]!, arabic[5]!, arabic[6]!];
    const value = iso(Number(year), Number(month), Number(day));
    if (value) return { iso: value, start: arabic.index, end: arabic.index + arabic[0].length };
  }
  const han = HAN.exec(text);
  if (han) {
    const year = chineseDigits(han[1]!);
    const month = chineseNumber(han[2]!);
    const day = chineseNumber(han[3]!);
    const value = year && month && day ? iso(year, month, day) : null;
    if (value) return { iso: value, start: han.index, end: han.index + han[0].length };
  }
  return null;
}
