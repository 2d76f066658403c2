// A month as calendar weeks (Monday first, as Chinese calendars print it), for the archive view.
export type CalendarCell = { day: number; date: string } | null;

export function monthWeeks(year: number, month: number): CalendarCell[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: CalendarCell[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= days; day += 1) {
    cells.push({ day, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: CalendarCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
