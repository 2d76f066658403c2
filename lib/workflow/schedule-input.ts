// Reads "publish now" or "at date + time" from a form, in the publication's time zone (docs/architecture.md: Publishing and time).
import { UserFacingError } from '../actions/result';
import { instantAt } from '../dates/time-zone';

export type ScheduleFields = { when?: unknown; date?: unknown; time?: unknown };

/** null = now; otherwise the instant, which must lie in the future. */
export function readSchedule(fields: ScheduleFields, now = new Date()): Date | null {
  if (fields.when !== 'schedule') return null;
  const date = String(fields.date ?? '').trim();
  const time = String(fields.time ?? '').trim();
  if (!date || !time) throw new UserFacingError('请填写定时发布的日期和时间', { date: '请填写日期和时间' });
  let at: Date;
  try {
    at = instantAt(date, time);
  } catch {
    throw new UserFacingError('定时发布的日期或时间无效', { date: '日期或时间无效' });
  }
  if (at.getTime() <= now.getTime())
    throw new UserFacingError('定时发布的时间必须晚于现在', { time: '时间必须晚于现在' });
  return at;
}
