// The date line a Chinese newspaper prints under its masthead: "2020年8月17日 星期一 农历庚子年六月廿八".
// Weekday and lunar date are computed with Node's ICU (never typed by hand).
import { noonUtc, requireCalendarDate, type CalendarDate } from './calendar-date';

const WEEKDAY = new Intl.DateTimeFormat('zh-CN', { weekday: 'long', timeZone: 'UTC' });
// Only dateStyle 'full' makes ICU spell lunar days the traditional way (初一, 十五, 廿八).
const LUNAR = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { dateStyle: 'full', timeZone: 'UTC' });

export function solarDateText({ year, month, day }: CalendarDate): string {
  return `${year}年${month}月${day}日`;
}

/** 星期一 … 星期日 */
export function weekdayText(date: CalendarDate): string {
  return WEEKDAY.format(noonUtc(date));
}

/** 庚子年六月廿八, 辛丑年正月初一, 癸卯年闰二月初一 */
export function lunarDateText(date: CalendarDate): string {
  const parts = LUNAR.formatToParts(noonUtc(date));
  const pick = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${pick('yearName')}年${pick('month')}${pick('day')}`;
}

/** "2020年8月17日 星期一 农历庚子年六月廿八" for an issue date 'YYYY-MM-DD'. */
export function issueDateLine(isoDate: string): string {
  const date = requireCalendarDate(isoDate);
  return `${solarDateText(date)} ${weekdayText(date)} 农历${lunarDateText(date)}`;
}
