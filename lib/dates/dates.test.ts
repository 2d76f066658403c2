import { describe, expect, it } from 'vitest';

import {
  formatCalendarDate,
  instantAt,
  isoDateIn,
  issueDateLine,
  lunarDateText,
  parseCalendarDate,
  wallClockIn,
  wallClockSecondsIn,
  weekdayText,
} from './index';

describe('issueDateLine', () => {
  it("reproduces the seed issue's own line", () => {
    // seeds/000_1da880c8f8a17d23.txt: "2020年8月17日" / "农历庚子年六月廿八 星期一"
    expect(issueDateLine('2020-08-17')).toBe('2020年8月17日 星期一 农历庚子年六月廿八');
  });

  it.each([
    ['2021-02-12', '星期五', '辛丑年正月初一'], // Spring Festival 2021
    ['2024-02-10', '星期六', '甲辰年正月初一'], // Spring Festival 2024
    ['2023-03-22', '星期三', '癸卯年闰二月初一'], // first day of a leap month
    ['2020-10-01', '星期四', '庚子年八月十五'], // Mid-Autumn on National Day
    ['2025-01-28', '星期二', '甲辰年腊月廿九'], // the eve of Spring Festival 2025 (no 三十 that year)
    ['2000-02-29', '星期二', '庚辰年正月廿五'], // a leap day (Spring Festival 2000 fell on 5 February)
  ])('%s is %s, lunar %s', (iso, weekday, lunar) => {
    const date = parseCalendarDate(iso)!;
    expect(weekdayText(date)).toBe(weekday);
    expect(lunarDateText(date)).toBe(lunar);
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseCalendarDate('2020-02-30')).toBeNull();
    expect(parseCalendarDate('2020-8-17')).toBeNull();
    expect(() => issueDateLine('2021-13-01')).toThrow(/不是有效的日期/);
  });
});

describe('publication time zone', () => {
  it('puts an instant on the Shanghai calendar day, not the UTC one', () => {
    // 2020-08-16 18:30 UTC is already 02:30 on the 17th in Shanghai.
    expect(isoDateIn(new Date('2020-08-16T18:30:00Z'))).toBe('2020-08-17');
    expect(isoDateIn(new Date('2020-08-16T15:59:59Z'))).toBe('2020-08-16');
  });

  it('turns a wall-clock time into the right instant and back', () => {
    const instant = instantAt('2020-08-17', '06:30');
    expect(instant.toISOString()).toBe('2020-08-16T22:30:00.000Z');
    expect(wallClockIn(instant)).toEqual({ date: '2020-08-17', time: '06:30' });
    expect(instantAt('2020-08-17', '06:30:15').toISOString()).toBe('2020-08-16T22:30:15.000Z');
  });

  it('gives the wall clock to the second, as the schedule form takes it', () => {
    expect(wallClockSecondsIn(new Date('2020-08-16T22:30:05Z'))).toEqual({ date: '2020-08-17', time: '06:30:05' });
    expect(wallClockSecondsIn(new Date('2020-08-16T16:00:00Z'))).toEqual({ date: '2020-08-17', time: '00:00:00' });
  });

  it('handles a zone with daylight saving time', () => {
    expect(instantAt('2024-07-01', '12:00', 'Europe/Berlin').toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(instantAt('2024-01-15', '12:00', 'Europe/Berlin').toISOString()).toBe('2024-01-15T11:00:00.000Z');
  });

  it('refuses malformed times', () => {
    expect(() => instantAt('2020-08-17', '24:00')).toThrow(/不是有效的时间/);
    expect(() => instantAt('2020-08-17', 'noon')).toThrow();
    expect(() => instantAt('2020-08-17', '06:30:60')).toThrow(/不是有效的时间/);
  });

  it('formats calendar dates with zero padding', () => {
    expect(formatCalendarDate({ year: 2020, month: 8, day: 7 })).toBe('2020-08-07');
  });
});
