// The period a 考核 page or export asks for (issue 34), from its query string: `month=2026-11`, or
// `from=2026-11-03&to=2026-11-20` for any range, else last month (the month a newsroom closes next).
// Pure; the page and the export read it the same way, so what one shows the other exports.
import { isoDateIn } from '../dates/time-zone';
import { monthPeriod, rangePeriod, shiftMonth, type PeriodResult, type StatsPeriod } from './period';

type Params = { get(name: string): string | null };

/** The month before the one `now` falls in, in the publication's time zone. */
export function lastMonth(now: Date): string {
  return shiftMonth(isoDateIn(now).slice(0, 7), -1);
}

export function statsPeriodFrom(params: Params, now: Date): PeriodResult {
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  if (from || to) {
    if (!from || !to) return { ok: false, error: '请同时填写开始日期和结束日期' };
    return rangePeriod(from, to);
  }
  const month = params.get('month')?.trim();
  return monthPeriod(month || lastMonth(now));
}

/** The query string that asks for `period` again (the export links, the month switcher). */
export function statsQueryString(period: { month: string | null; firstDay: string; lastDay: string }): string {
  return period.month ? `month=${period.month}` : `from=${period.firstDay}&to=${period.lastDay}`;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The views one CSV can hold (a workbook holds both, one sheet each). */
export const CSV_VIEWS = { people: '个人', departments: '部门' } as const;
export type CsvView = keyof typeof CSV_VIEWS;

export type ExportRequest =
  { ok: true; format: ExportFormat; view: CsvView; period: StatsPeriod } | { ok: false; error: string };

const isFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);
// Own keys only: `toString` is `in` every object.
const isView = (value: string): value is CsvView => Object.hasOwn(CSV_VIEWS, value);

/** What the export route is asked for: the period as the page reads it, `format` and (for CSV) `view`. */
export function exportRequestFrom(params: Params, now: Date): ExportRequest {
  const format = params.get('format') ?? 'xlsx';
  if (!isFormat(format)) return { ok: false, error: `导出格式只能是 xlsx 或 csv：${format.slice(0, 20)}` };
  const view = params.get('view') ?? 'people';
  if (!isView(view)) return { ok: false, error: '导出内容只能是 people（个人）或 departments（部门）' };
  const period = statsPeriodFrom(params, now);
  if (!period.ok) return period;
  return { ok: true, format, view, period: period.period };
}
