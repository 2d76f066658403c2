// A calendar date ('YYYY-MM-DD') is a day on the publication's wall calendar, not an instant. Dates are
// parsed strictly so that 2020-02-30 is refused rather than rolled over into March.

export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Noon UTC of the date: formatting it in UTC can never slip to a neighbouring day. */
export function noonUtc({ year, month, day }: CalendarDate): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

export function requireCalendarDate(value: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`不是有效的日期：${value}（应为 YYYY-MM-DD）`);
  return date;
}
