// The period a 考核 view covers (issue 34): a month (`2026-11`) or any range of calendar days, in the
// publication's time zone, as the page's query string gives it. Pure: what is asked is checked here and
// refused with a line the page shows (a range over three years, an end before its start, a date that
// does not exist), never a 500.
import { formatCalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { instantAt } from '../dates/time-zone';

/** The longest range one view may cover: three years (the month page answers a year in well under a second). */
export const MAX_PERIOD_DAYS = 3 * 366;

export type StatsPeriod = {
  /** First and last calendar day, inclusive (`YYYY-MM-DD`): how ArticleRead.day and Issue.date are kept. */
  firstDay: string;
  lastDay: string;
  /** [start, end) as instants in the publication's time zone, for publishAt and the review records. */
  start: Date;
  end: Date;
  /** `2026-11` when the period is exactly one month, else null. */
  month: string | null;
  label: string;
};

export type PeriodResult = { ok: true; period: StatsPeriod } | { ok: false; error: string };

const MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nextDay(day: string): string {
  const date = parseCalendarDate(day)!;
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return formatCalendarDate({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

function daysBetween(first: string, last: string): number {
  const a = parseCalendarDate(first)!;
  const b = parseCalendarDate(last)!;
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000 + 1;
}

function period(firstDay: string, lastDay: string, month: string | null): StatsPeriod {
  return {
    firstDay,
    lastDay,
    start: instantAt(firstDay, '00:00'),
    end: instantAt(nextDay(lastDay), '00:00'),
    month,
    label: month ? `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月` : `${firstDay} 至 ${lastDay}`,
  };
}

/** The month `2026-11`. */
export function monthPeriod(value: string): PeriodResult {
  const match = MONTH.exec(value.trim());
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || year < 1900)
    return { ok: false, error: `月份应写成 2026-11 这样的形式：${value}` };
  const first = formatCalendarDate({ year, month, day: 1 });
  const last = formatCalendarDate({ year, month, day: daysInMonth(year, month) });
  return { ok: true, period: period(first, last, match[0]) };
}

/** The days `from` to `to`, inclusive. */
export function rangePeriod(from: string, to: string): PeriodResult {
  const first = parseCalendarDate(from);
  const last = parseCalendarDate(to);
  if (!first || !last) return { ok: false, error: '日期应写成 2026-11-01 这样的形式，并且是存在的日期' };
  const firstDay = formatCalendarDate(first);
  const lastDay = formatCalendarDate(last);
  if (lastDay < firstDay) return { ok: false, error: '结束日期不能早于开始日期' };
  if (daysBetween(firstDay, lastDay) > MAX_PERIOD_DAYS) return { ok: false, error: '时间范围不能超过三年' };
  const whole = monthPeriod(firstDay.slice(0, 7));
  const isMonth = whole.ok && whole.period.firstDay === firstDay && whole.period.lastDay === lastDay;
  return { ok: true, period: period(firstDay, lastDay, isMonth ? firstDay.slice(0, 7) : null) };
}

/** The last calendar day of `month` (`2024-02` → `2024-02-29`). */
export function lastDayOfMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return formatCalendarDate({ year, month: number, day: daysInMonth(year, number) });
}

/** The month before or after `month` (`2026-01`, -1 → `2025-12`): the page's month switcher. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
