import { describe, expect, it } from 'vitest';

import { meanHoursByLevel, reviewDurations } from './review-time';

const at = (hour: number) => new Date(Date.UTC(2026, 10, 2, hour));
const HOUR = 3_600_000;

describe('reviewDurations', () => {
  it('times 初审 from the submission and each later level from the level before', () => {
    const durations = reviewDurations({
      submittedAt: [at(1)],
      signoffs: [
        { level: 1, at: at(3) },
        { level: 2, at: at(4) },
        { level: 3, at: at(8) },
      ],
    });
    expect([...durations]).toEqual([
      [1, 2 * HOUR],
      [2, 1 * HOUR],
      [3, 4 * HOUR],
    ]);
  });

  it('after a 退回, times 初审 from the new submission, and a level signed twice by its latest', () => {
    const durations = reviewDurations({
      submittedAt: [at(1), at(6)],
      signoffs: [
        { level: 1, at: at(2) },
        { level: 1, at: at(7) },
        { level: 2, at: at(9) },
      ],
    });
    expect([...durations]).toEqual([
      [1, 1 * HOUR],
      [2, 2 * HOUR],
    ]);
  });

  it('leaves out a level without its start', () => {
    expect([...reviewDurations({ submittedAt: [], signoffs: [{ level: 1, at: at(2) }] })]).toEqual([]);
  });
});

describe('meanHoursByLevel', () => {
  it('averages per level in hours', () => {
    const mean = meanHoursByLevel([
      new Map([[1, 2 * HOUR]]),
      new Map([
        [1, 1 * HOUR],
        [2, 0.25 * HOUR],
      ]),
    ]);
    expect([...mean]).toEqual([
      [1, 1.5],
      [2, 0.3],
    ]);
  });
});
