// Every date shown or entered is in the publication's time zone (docs/architecture.md: Publishing and time), whatever the server's.
import { formatCalendarDate, requireCalendarDate, type CalendarDate } from './calendar-date';

export const PUBLICATION_TIME_ZONE = 'Asia/Shanghai';

// One formatter per zone: making one costs some 35 µs, formatting with it a few (bench:stats: 3,000
// stories' dates took 114 ms of the 考核 page's 320 ms when each call made its own).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(instant: Date, timeZone: string): Record<string, number> {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** The calendar date an instant falls on in the time zone. */
export function calendarDateIn(instant: Date, timeZone = PUBLICATION_TIME_ZONE): CalendarDate {
  const p = partsIn(instant, timeZone);
  return { year: p.year!, month: p.month!, day: p.day! };
}

export function isoDateIn(instant: Date, timeZone = PUBLICATION_TIME_ZONE): string {
  return formatCalendarDate(calendarDateIn(instant, timeZone));
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time on a calendar date in the zone ('2020-08-17', '06:30' or '06:30:15').
 * Two passes settle the offset across a daylight-saving change for zones that have one.
 */
export function instantAt(date: string, time: string, timeZone = PUBLICATION_TIME_ZONE): Date {
  const { year, month, day } = requireCalendarDate(date);
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) {
    throw new RangeError(`不是有效的时间：${time}（应为 HH:mm）`);
  }
  const wall = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]), Number(match[3] ?? 0));
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The wall-clock date and time to the second ('2020-08-17', '06:30:05'), as the schedule form takes them. */
export function wallClockSecondsIn(instant: Date, timeZone = PUBLICATION_TIME_ZONE): { date: string; time: string } {
  const p = partsIn(instant, timeZone);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return {
    date: formatCalendarDate({ year: p.year!, month: p.month!, day: p.day! }),
    time: `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`,
  };
}

/** '2020-08-17 06:30' style wall-clock text of an instant in the zone, for forms and lists. */
export function wallClockIn(instant: Date, timeZone = PUBLICATION_TIME_ZONE): { date: string; time: string } {
  const p = partsIn(instant, timeZone);
  return {
    date: formatCalendarDate({ year: p.year!, month: p.month!, day: p.day! }),
    time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
  };
}
