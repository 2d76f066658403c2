import { wallClockIn } from './time-zone';

/** '2026-11-25 08:30' in the publication's time zone; '—' for no date. */
export function formatDateTime(instant: Date | null | undefined): string {
  if (!instant) return '—';
  const { date, time } = wallClockIn(instant);
  return `${date} ${time}`;
}
