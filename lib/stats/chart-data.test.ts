import { describe, expect, it } from 'vitest';

import { pointsChart, pointsChartHeight, readsChart } from './chart-data';
import { daysOf, fillDays } from './daily-reads';

describe('the 考核 charts', () => {
  it('lists people by points, highest first, and says the top three in words', () => {
    const chart = pointsChart([
      { name: '乙', points: 2 },
      { name: '甲', points: 5.5 },
      { name: '丙', points: 2 },
      { name: '丁', points: 1 },
    ]);
    expect(chart.names).toEqual(['甲', '丙', '乙', '丁']);
    expect(chart.points).toEqual([5.5, 2, 2, 1]);
    expect(chart.summary).toBe('4 人的分数，最高：甲 5.5 分，丙 2 分，乙 2 分');
    expect(pointsChart([]).summary).toBe('没有人得分');
    expect(pointsChartHeight(60)).toBe(60 * 24 + 48);
    expect(pointsChartHeight(1)).toBe(160);
  });

  it('gives every day of the period a point, zero when nobody read, and sums them in words', () => {
    const daily = fillDays({ firstDay: '2024-02-27', lastDay: '2024-03-01' }, [
      { day: '2024-02-29', reads: 30 },
      { day: '2024-02-27', reads: 5 },
    ]);
    expect(daily).toEqual([
      { day: '2024-02-27', reads: 5 },
      { day: '2024-02-28', reads: 0 },
      { day: '2024-02-29', reads: 30 },
      { day: '2024-03-01', reads: 0 },
    ]);
    expect(readsChart(daily).summary).toBe('4 天共阅读 35 次，最多的一天是 2024-02-29（30 次）');
    expect(readsChart(fillDays({ firstDay: '2024-03-01', lastDay: '2024-03-02' }, [])).summary).toBe('2 天里没有阅读');
  });

  it('counts calendar days across a year end', () => {
    expect(daysOf('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });
});
