import { describe, expect, it } from 'vitest';

import { upcomingShown } from './upcoming';

const issue = (number: number, date: string) => ({ number, date });

describe('the dashboard’s 近期期次', () => {
  it('keeps a scheduled issue however many drafts are planned before it', () => {
    const planning = Array.from({ length: 12 }, (_, i) => issue(1900 + i, `2020-0${(i % 9) + 1}-01`));
    const scheduled = [issue(1977, '2027-01-07')];
    const shown = upcomingShown(scheduled, planning, 10);
    expect(shown).toHaveLength(10);
    expect(shown.map((each) => each.number)).toContain(1977);
    expect(shown.at(-1)!.number).toBe(1977);
  });

  it('lists soonest first, by date then number, and no more than the limit', () => {
    const shown = upcomingShown(
      [issue(5, '2026-12-31'), issue(4, '2026-12-24')],
      [issue(3, '2026-12-24'), issue(2, '2026-12-21'), issue(1, '2026-12-28')],
      4,
    );
    expect(shown.map((each) => each.number)).toEqual([2, 3, 4, 5]);
  });

  it('shows only scheduled issues when there are as many as the limit', () => {
    const scheduled = [issue(1, '2027-01-01'), issue(2, '2027-01-02')];
    expect(upcomingShown(scheduled, [issue(3, '2026-12-01')], 2)).toEqual(scheduled);
  });
});
