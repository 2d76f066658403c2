// Which issues the dashboard's 近期期次 lists. Every scheduled issue comes first in importance: it will
// appear by itself, and an editor must see that it is coming. Issues still being planned fill the rest
// of the list; imported drafts of old issues (planning, dated years ago) must not push a scheduled one
// off it, as the soonest-first list of ten did once a newsroom had ten drafts.
export const UPCOMING_SHOWN = 10;

type Dated = { number: number; date: string };

/** Scheduled issues (all of them, up to `limit`) and the soonest planned ones, soonest first. */
export function upcomingShown<T extends Dated>(
  scheduled: readonly T[],
  planning: readonly T[],
  limit = UPCOMING_SHOWN,
): T[] {
  const shown = [...scheduled.slice(0, limit), ...planning.slice(0, Math.max(0, limit - scheduled.length))];
  return shown.sort((a, b) => (a.date === b.date ? a.number - b.number : a.date < b.date ? -1 : 1));
}
