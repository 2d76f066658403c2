import { describe, expect, it } from 'vitest';

import { MAX_PERIOD_DAYS, monthPeriod, rangePeriod, shiftMonth } from './period';

describe('monthPeriod', () => {
  it('covers the month’s days in the publication’s time zone', () => {
    const result = monthPeriod('2026-02');
    expect(result).toMatchObject({
      ok: true,
      period: { firstDay: '2026-02-01', lastDay: '2026-02-28', month: '2026-02' },
    });
    if (!result.ok) return;
    // Asia/Shanghai is UTC+8: the month starts at 16:00 UTC the day before.
    expect(result.period.start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(result.period.end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(result.period.label).toBe('2026年2月');
  });

  it('knows leap years and December', () => {
    expect(monthPeriod('2028-02')).toMatchObject({ period: { lastDay: '2028-02-29' } });
    expect(monthPeriod('2026-12')).toMatchObject({ period: { lastDay: '2026-12-31' } });
  });

  it('refuses what is not a month', () => {
    for (const value of ['2026-13', '2026-00', '2026/11', '11', ''])
      expect(monthPeriod(value)).toEqual({ ok: false, error: `月份应写成 2026-11 这样的形式：${value}` });
  });
});

describe('rangePeriod', () => {
  it('takes any days, inclusive, and names a whole month as one', () => {
    expect(rangePeriod('2026-11-10', '2026-12-05')).toMatchObject({
      ok: true,
      period: { firstDay: '2026-11-10', lastDay: '2026-12-05', month: null, label: '2026-11-10 至 2026-12-05' },
    });
    expect(rangePeriod('2026-11-01', '2026-11-30')).toMatchObject({ period: { month: '2026-11' } });
  });

  it('refuses a range over three years, an end before its start and a day that does not exist', () => {
    expect(rangePeriod('2020-01-01', '2026-12-31')).toEqual({ ok: false, error: '时间范围不能超过三年' });
    expect(rangePeriod('2026-12-02', '2026-12-01')).toEqual({ ok: false, error: '结束日期不能早于开始日期' });
    expect(rangePeriod('2026-02-30', '2026-03-01')).toMatchObject({ ok: false });
    // Exactly the limit passes.
    const first = new Date(Date.UTC(2023, 0, 1));
    const last = new Date(first.getTime() + (MAX_PERIOD_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(rangePeriod('2023-01-01', last)).toMatchObject({ ok: true });
  });
});

describe('shiftMonth', () => {
  it('steps across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-06', 0)).toBe('2026-06');
  });
});
