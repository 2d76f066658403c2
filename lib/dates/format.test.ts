import { describe, expect, it } from 'vitest';

import { formatDateTime, formatTimeOfDay } from './format';

describe('newsroom date formats', () => {
  // 2026-11-26 21:44:26 UTC is 05:44:26 on the 27th in Shanghai.
  const instant = new Date('2026-11-26T21:44:26.900Z');

  it('writes a date-time as YYYY-MM-DD HH:mm on the Shanghai clock', () => {
    expect(formatDateTime(instant)).toBe('2026-11-27 05:44');
    expect(formatDateTime('2026-11-26T21:44:26.900Z')).toBe('2026-11-27 05:44');
    expect(formatDateTime(new Date('2030-01-01T00:00:00Z'))).toBe('2030-01-01 08:00');
  });

  it('writes a time of day as HH:mm, the same as the time part of a date-time', () => {
    expect(formatTimeOfDay(instant)).toBe('05:44');
    expect(formatDateTime(instant).endsWith(` ${formatTimeOfDay(instant)}`)).toBe(true);
    expect(formatTimeOfDay(new Date('2026-11-26T16:00:00Z'))).toBe('00:00');
    expect(formatTimeOfDay(new Date('2026-11-26T15:59:59Z'))).toBe('23:59');
  });

  it('does not depend on the process time zone or locale formats', () => {
    // The three shapes the issue found: none of them may appear.
    for (const text of [formatDateTime(instant), formatTimeOfDay(instant)]) {
      expect(text).not.toMatch(/\//);
      expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}/);
      expect(text).not.toMatch(/[上下]午|AM|PM/);
    }
  });

  it('shows a dash for a missing or unreadable date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatTimeOfDay(null)).toBe('—');
    expect(formatTimeOfDay('')).toBe('—');
  });
});
