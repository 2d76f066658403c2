// The date readers see on a story. A story goes online when it is published (publishAt, the moment
// readers can first see it); a story of a back issue put online after its issue's day (an imported
// 2020 issue published in 2026) carries its issue's date instead, as the printed page does: otherwise
// every story of the archive would read as today's news. Shown as a date alone then, because the time
// of day would be the moment of the import, not of the paper. So is a story that went online at the very
// start of its issue's day (the sample issue, a back issue dated by its issue): "2020-08-17 00:00" read as
// a time nobody chose (the screen-reader trial, issue 35).
import { instantAt, isoDateIn, PUBLICATION_TIME_ZONE, wallClockIn } from './time-zone';

/** `at` an ISO instant (machine-readable dates: <time>, JSON-LD, feeds); `dateOnly` when the time of day means nothing. */
export type ReaderDate = { at: string; dateOnly: boolean };

/**
 * `wentLive`: when readers could first see the story; `issueDate`: the calendar date of the issue it was
 * printed in (its first page's), or null for a web-only story.
 */
export function readerDate(wentLive: Date, issueDate: string | null, timeZone = PUBLICATION_TIME_ZONE): ReaderDate {
  // Calendar dates as YYYY-MM-DD compare as strings.
  if (!issueDate) return { at: wentLive.toISOString(), dateOnly: false };
  const dayStart = instantAt(issueDate, '00:00', timeZone);
  if (issueDate < isoDateIn(wentLive, timeZone) || wentLive.getTime() === dayStart.getTime())
    return { at: dayStart.toISOString(), dateOnly: true };
  return { at: wentLive.toISOString(), dateOnly: false };
}

/**
 * The placement a story is said to appear at in print, whose issue dates it: its first page that is not a
 * continuation (here, beside the date rule, because the article page and the search index both use it).
 */
export function firstPlacement<P extends { isContinuation: boolean; page: { number: number } }>(
  placements: readonly P[],
): P | undefined {
  const ordered = [...placements].sort((a, b) => a.page.number - b.page.number);
  return ordered.find((p) => !p.isContinuation) ?? ordered[0];
}

/** '2020-08-17' for an issue's date, '2026-11-25 08:30' for a moment, in the publication's time zone. */
export function formatReaderDate(date: ReaderDate, timeZone = PUBLICATION_TIME_ZONE): string {
  const wall = wallClockIn(new Date(date.at), timeZone);
  return date.dateOnly ? wall.date : `${wall.date} ${wall.time}`;
}
