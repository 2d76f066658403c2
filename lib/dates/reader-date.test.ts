import { describe, expect, it } from 'vitest';

import { formatReaderDate, readerDate } from './reader-date';

describe('the date readers see on a story', () => {
  it('is the issue’s date for a back issue put online after its day (an imported 2020 issue)', () => {
    const imported = readerDate(new Date('2026-12-06T02:15:00Z'), '2020-03-02');
    expect(imported).toEqual({ at: '2020-03-01T16:00:00.000Z', dateOnly: true });
    expect(formatReaderDate(imported)).toBe('2020-03-02');
  });

  it('is the issue’s date alone for a story online at the very start of its issue’s day (the sample issue)', () => {
    const sample = readerDate(new Date('2020-08-16T16:00:00Z'), '2020-08-17');
    expect(sample).toEqual({ at: '2020-08-16T16:00:00.000Z', dateOnly: true });
    expect(formatReaderDate(sample)).toBe('2020-08-17');
    // A minute later is a time someone chose.
    expect(formatReaderDate(readerDate(new Date('2020-08-16T16:01:00Z'), '2020-08-17'))).toBe('2020-08-17 00:01');
  });

  it('is the moment it went online for an issue published on its day, or ahead of it', () => {
    // Scheduled for 08:00 on its date, and an issue put online the evening before its date.
    expect(formatReaderDate(readerDate(new Date('2029-12-31T23:59:00Z'), '2030-01-01'))).toBe('2030-01-01 07:59');
    expect(readerDate(new Date('2026-12-05T12:00:00Z'), '2026-12-06').dateOnly).toBe(false);
  });

  it('compares days in the publication’s time zone, not UTC', () => {
    // 2026-12-06 01:00 in Shanghai is still 12-05 in UTC: the same day as the issue, so the time stays.
    expect(readerDate(new Date('2026-12-05T17:00:00Z'), '2026-12-06').dateOnly).toBe(false);
    // 2026-12-07 00:30 in Shanghai: the day after the issue.
    expect(readerDate(new Date('2026-12-06T16:30:00Z'), '2026-12-06').dateOnly).toBe(true);
  });

  it('is the moment it went online for a story printed in no issue', () => {
    expect(readerDate(new Date('2026-12-06T02:15:00Z'), null)).toEqual({
      at: '2026-12-06T02:15:00.000Z',
      dateOnly: false,
    });
  });
});
