// How a period's reads per story are summed (issue 34): the whole calendar months inside it from each
// story's monthly row (ArticleReadMonth, one row a month), the days of a month it covers only in part from
// the daily rows (ArticleRead). A month view reads monthly rows alone. Pure.
import { lastDayOfMonth, shiftMonth, type StatsPeriod } from './period';

export type ReadSpans = {
  /** The first and last whole month inside the period (`YYYY-MM`), or null when it holds none. */
  months: readonly [string, string] | null;
  /** Day ranges (`YYYY-MM-DD`, inclusive) of the months it covers in part: none, one or two. */
  days: readonly (readonly [string, string])[];
};

export function readSpans({ firstDay, lastDay }: Pick<StatsPeriod, 'firstDay' | 'lastDay'>): ReadSpans {
  const firstMonth = firstDay.slice(0, 7);
  const lastMonth = lastDay.slice(0, 7);
  // The first and last months count whole when the period starts on the 1st / ends on the month's last day.
  const from = firstDay.endsWith('-01') ? firstMonth : shiftMonth(firstMonth, 1);
  const to = lastDay === lastDayOfMonth(lastMonth) ? lastMonth : shiftMonth(lastMonth, -1);
  if (from > to) return { months: null, days: [[firstDay, lastDay]] };
  const days: (readonly [string, string])[] = [];
  if (from !== firstMonth) days.push([firstDay, lastDayOfMonth(firstMonth)]);
  if (to !== lastMonth) days.push([`${lastMonth}-01`, lastDay]);
  return { months: [from, to], days };
}
