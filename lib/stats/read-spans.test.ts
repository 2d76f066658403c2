import { describe, expect, it } from 'vitest';

import { readSpans } from './read-spans';

const spans = (firstDay: string, lastDay: string) => readSpans({ firstDay, lastDay });

describe('the reads of a period: whole months from the monthly rows, the rest from the daily ones', () => {
  it('reads a month, and months, from the monthly rows alone', () => {
    expect(spans('2026-11-01', '2026-11-30')).toEqual({ months: ['2026-11', '2026-11'], days: [] });
    expect(spans('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(spans('2025-12-01', '2026-02-28')).toEqual({ months: ['2025-12', '2026-02'], days: [] });
  });

  it('reads the part-months at either end by day', () => {
    expect(spans('2026-10-15', '2026-12-10')).toEqual({
      months: ['2026-11', '2026-11'],
      days: [
        ['2026-10-15', '2026-10-31'],
        ['2026-12-01', '2026-12-10'],
      ],
    });
    expect(spans('2026-11-01', '2026-12-10')).toEqual({
      months: ['2026-11', '2026-11'],
      days: [['2026-12-01', '2026-12-10']],
    });
    expect(spans('2025-12-31', '2026-01-31')).toEqual({
      months: ['2026-01', '2026-01'],
      days: [['2025-12-31', '2025-12-31']],
    });
  });

  it('reads a period without a whole month by day', () => {
    expect(spans('2026-11-03', '2026-11-20')).toEqual({ months: null, days: [['2026-11-03', '2026-11-20']] });
    expect(spans('2026-10-20', '2026-11-10')).toEqual({ months: null, days: [['2026-10-20', '2026-11-10']] });
    expect(spans('2026-11-30', '2026-11-30')).toEqual({ months: null, days: [['2026-11-30', '2026-11-30']] });
    expect(spans('2024-02-02', '2024-02-29')).toEqual({ months: null, days: [['2024-02-02', '2024-02-29']] });
  });
});
