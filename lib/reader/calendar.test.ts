import { describe, expect, it } from 'vitest';

import { monthWeeks } from './calendar';

describe('monthWeeks', () => {
  it('lays out August 2020 from Saturday the 1st, Monday first', () => {
    const weeks = monthWeeks(2020, 8);
    expect(weeks[0]!.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(weeks[0]![5]).toEqual({ day: 1, date: '2020-08-01' });
    expect(weeks[2]![0]).toEqual({ day: 10, date: '2020-08-10' });
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
  it('knows leap years', () => {
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks(2023, 2).flat().filter(Boolean)).toHaveLength(28);
  });
});
