import { describe, expect, it } from 'vitest';

import { exportRequestFrom, lastMonth, statsPeriodFrom, statsQueryString } from './params';

const params = (query: string) => new URLSearchParams(query);
// 2026-12-01 01:00 in Shanghai is still November 30th in UTC: the month is the publication's.
const EARLY_DECEMBER = new Date('2026-11-30T17:00:00Z');

describe('statsPeriodFrom', () => {
  it('defaults to last month in the publication’s time zone', () => {
    expect(lastMonth(EARLY_DECEMBER)).toBe('2026-11');
    expect(lastMonth(new Date('2026-01-15T04:00:00Z'))).toBe('2025-12');
    const period = statsPeriodFrom(params(''), EARLY_DECEMBER);
    expect(period).toMatchObject({
      ok: true,
      period: { month: '2026-11', firstDay: '2026-11-01', lastDay: '2026-11-30' },
    });
  });

  it('reads a month, and a range (which wins over a month)', () => {
    expect(statsPeriodFrom(params('month=2025-02'), EARLY_DECEMBER)).toMatchObject({
      ok: true,
      period: { month: '2025-02', lastDay: '2025-02-28', label: '2025年2月' },
    });
    expect(statsPeriodFrom(params('month=2025-02&from=2025-03-05&to=2025-03-20'), EARLY_DECEMBER)).toMatchObject({
      ok: true,
      period: { month: null, firstDay: '2025-03-05', lastDay: '2025-03-20' },
    });
  });

  it('refuses half a range, a month that does not exist and a range over three years, in Chinese', () => {
    expect(statsPeriodFrom(params('from=2025-03-05'), EARLY_DECEMBER)).toEqual({
      ok: false,
      error: '请同时填写开始日期和结束日期',
    });
    expect(statsPeriodFrom(params('month=2025-13'), EARLY_DECEMBER)).toMatchObject({ ok: false, error: /月份应写成/ });
    expect(statsPeriodFrom(params('from=2020-01-01&to=2024-01-01'), EARLY_DECEMBER)).toEqual({
      ok: false,
      error: '时间范围不能超过三年',
    });
  });

  it('asks for the same period again', () => {
    const month = statsPeriodFrom(params('month=2025-02'), EARLY_DECEMBER);
    const range = statsPeriodFrom(params('from=2025-03-05&to=2025-03-20'), EARLY_DECEMBER);
    if (!month.ok || !range.ok) throw new Error('unexpected');
    expect(statsQueryString(month.period)).toBe('month=2025-02');
    expect(statsQueryString(range.period)).toBe('from=2025-03-05&to=2025-03-20');
    // A range that is exactly a month is that month.
    const whole = statsPeriodFrom(params('from=2025-02-01&to=2025-02-28'), EARLY_DECEMBER);
    expect(whole.ok && statsQueryString(whole.period)).toBe('month=2025-02');
  });
});

describe('exportRequestFrom', () => {
  it('defaults to the workbook of the people view', () => {
    expect(exportRequestFrom(params('month=2025-02'), EARLY_DECEMBER)).toMatchObject({
      ok: true,
      format: 'xlsx',
      view: 'people',
      period: { month: '2025-02' },
    });
    expect(exportRequestFrom(params('month=2025-02&format=csv&view=departments'), EARLY_DECEMBER)).toMatchObject({
      ok: true,
      format: 'csv',
      view: 'departments',
    });
  });

  it('refuses an unknown format or view (even one every object has) and a bad period', () => {
    expect(exportRequestFrom(params('format=pdf'), EARLY_DECEMBER)).toEqual({
      ok: false,
      error: '导出格式只能是 xlsx 或 csv：pdf',
    });
    expect(exportRequestFrom(params('format=csv&view=toString'), EARLY_DECEMBER)).toMatchObject({
      ok: false,
      error: /导出内容只能是/,
    });
    expect(exportRequestFrom(params('from=2025-02-30&to=2025-03-01'), EARLY_DECEMBER)).toMatchObject({
      ok: false,
      error: /存在的日期/,
    });
  });
});
