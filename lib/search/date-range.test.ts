import { describe, expect, it } from 'vitest';

import { dateRange } from './date-range';

describe('dateRange', () => {
  it('turns calendar days into a half-open range in Asia/Shanghai', () => {
    expect(dateRange('2020-08-17', '2020-08-17')).toEqual({
      from: new Date('2020-08-16T16:00:00Z'),
      to: new Date('2020-08-17T16:00:00Z'),
    });
  });
  it('allows either end open', () => {
    expect(dateRange(undefined, undefined)).toEqual({ from: undefined, to: undefined });
  });
  it('explains bad input', () => {
    expect(dateRange('2020-13-01', undefined).error).toMatch(/日期格式/);
    expect(dateRange('2020-08-18', '2020-08-17').error).toBe('开始日期不能晚于结束日期');
  });
});
