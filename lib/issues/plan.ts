// Planning rules for a new issue (pure): the proposed number and date, and what a page plan may be.
import { formatCalendarDate, requireCalendarDate } from '../dates/calendar-date';

export const MAX_PAGES = 32;

export function proposeIssueNumber(lastNumber: number | null): number {
  return (lastNumber ?? 0) + 1;
}

/** ISO weekdays (1 = Monday … 7 = Sunday) from the publication's `publishDays` setting. */
export function parsePublishDays(setting: string): number[] {
  const days = setting
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
  return days.length ? [...new Set(days)].sort() : [1];
}

/** The setting as stored: each weekday once, in order ('1,4'). */
export function formatPublishDays(days: readonly number[]): string {
  return [...new Set(days)].sort().join(',');
}

function isoWeekday(date: string): number {
  const { year, month, day } = requireCalendarDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function addDays(date: string, days: number): string {
  const { year, month, day } = requireCalendarDate(date);
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return formatCalendarDate({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

/** The first publishing day after `today` and after the latest date any issue has. */
export function proposeIssueDate(
  today: string,
  latestIssueDate: string | null,
  publishDays: readonly number[],
): string {
  let candidate = addDays(latestIssueDate && latestIssueDate > today ? latestIssueDate : today, 1);
  for (let tries = 0; tries < 7 && !publishDays.includes(isoWeekday(candidate)); tries += 1)
    candidate = addDays(candidate, 1);
  return candidate;
}

/** Default page names: 要闻 on the front, 综合 inside, 副刊 on the back of a four-page issue. */
export function defaultPageNames(pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, index) => {
    if (index === 0) return '要闻';
    if (pageCount >= 4 && index === pageCount - 1) return '副刊';
    return '综合';
  });
}
