// What the 考核 page's charts draw and what they say in words (issue 34): the same numbers the tables
// hold, shaped for ECharts, and a one-line summary each chart carries as its text alternative (a screen
// reader hears the summary; the full figures are the tables below). Pure.
import type { DailyReads } from './daily-reads';
import type { ContributorFigures } from './figures';

export type PointsChart = { names: string[]; points: number[]; summary: string };
export type ReadsChart = { days: string[]; reads: number[]; summary: string };

/** Points per person, the highest first (as the chart lists them top-down). */
export function pointsChart(people: readonly Pick<ContributorFigures, 'name' | 'points'>[]): PointsChart {
  const sorted = [...people].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh'));
  const top = sorted
    .slice(0, 3)
    .map((person) => `${person.name} ${person.points} 分`)
    .join('，');
  return {
    names: sorted.map((person) => person.name),
    points: sorted.map((person) => person.points),
    summary: sorted.length === 0 ? '没有人得分' : `${sorted.length} 人的分数，最高：${top}`,
  };
}

export function readsChart(daily: readonly DailyReads[]): ReadsChart {
  const total = daily.reduce((sum, row) => sum + row.reads, 0);
  const best = daily.reduce<DailyReads | null>((top, row) => (!top || row.reads > top.reads ? row : top), null);
  return {
    days: daily.map((row) => row.day),
    reads: daily.map((row) => row.reads),
    summary:
      total === 0 || !best
        ? `${daily.length} 天里没有阅读`
        : `${daily.length} 天共阅读 ${total} 次，最多的一天是 ${best.day}（${best.reads} 次）`,
  };
}

/** The bar chart's height: one 24 px row per person, so 60 names stay legible. */
export function pointsChartHeight(count: number): number {
  return Math.max(160, count * 24 + 48);
}
