import { wallClockIn } from './time-zone';

// The newsroom writes an instant one way and a time of day one way, always in the publication's time
// zone (docs/architecture.md: Publishing and time), whatever the browser's or server's locale: '2026-11-25 08:30' and '08:30'.
// Lists, save status, conflict dialog, history and the audit log all take their text from here.

type Instant = Date | string | null | undefined;

function toDate(instant: Instant): Date | null {
  if (!instant) return null;
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** '2026-11-25 08:30' in the publication's time zone; '—' for no date. */
export function formatDateTime(instant: Instant): string {
  const date = toDate(instant);
  if (!date) return '—';
  const wall = wallClockIn(date);
  return `${wall.date} ${wall.time}`;
}

/** '08:30' in the publication's time zone (the time part of formatDateTime); '—' for no date. */
export function formatTimeOfDay(instant: Instant): string {
  const date = toDate(instant);
  return date ? wallClockIn(date).time : '—';
}
