// A search date range from a form: calendar days in the publication's time zone, "to" inclusive.
import { parseCalendarDate } from '../dates/calendar-date';
import { instantAt } from '../dates/time-zone';

const DAY_MS = 86_400_000;

export function dateRange(
  from: string | undefined,
  to: string | undefined,
): { from?: Date; to?: Date; error?: string } {
  const start = from && parseCalendarDate(from) ? instantAt(from, '00:00') : undefined;
  const end = to && parseCalendarDate(to) ? new Date(instantAt(to, '00:00').getTime() + DAY_MS) : undefined;
  if ((from && !start) || (to && !end)) return { error: '日期格式应为 年-月-日，例如 2020-08-17' };
  if (start && end && start >= end) return { error: '开始日期不能晚于结束日期' };
  return { from: start, to: end };
}
