import { describe, expect, it } from 'vitest';

import { defaultPageNames, formatPublishDays, parsePublishDays, proposeIssueDate, proposeIssueNumber } from './plan';

describe('planning a new issue', () => {
  it('proposes the number after the last one', () => {
    expect(proposeIssueNumber(1705)).toBe(1706);
    expect(proposeIssueNumber(null)).toBe(1);
  });

  it('reads the publishing weekdays and ignores nonsense', () => {
    expect(parsePublishDays('1')).toEqual([1]);
    expect(parsePublishDays('4, 1,9,x')).toEqual([1, 4]);
    expect(parsePublishDays('')).toEqual([1]);
  });

  it('stores the publishing weekdays once each, in order', () => {
    expect(formatPublishDays([4, 1, 4])).toBe('1,4');
    expect(parsePublishDays(formatPublishDays([7, 3]))).toEqual([3, 7]);
  });

  it('proposes the next publishing day after today and after the last issue', () => {
    // 2026-11-25 is a Wednesday; the paper appears on Mondays.
    expect(proposeIssueDate('2026-11-25', '2020-08-17', [1])).toBe('2026-11-30');
    expect(proposeIssueDate('2026-11-30', null, [1])).toBe('2026-12-07');
    expect(proposeIssueDate('2026-11-25', '2026-11-30', [1, 4])).toBe('2026-12-03');
    expect(proposeIssueDate('2026-12-31', null, [5])).toBe('2027-01-01');
  });

  it('names the pages', () => {
    expect(defaultPageNames(4)).toEqual(['要闻', '综合', '综合', '副刊']);
    expect(defaultPageNames(2)).toEqual(['要闻', '综合']);
  });
});
