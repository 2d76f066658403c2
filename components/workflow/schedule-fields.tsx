import { wallClockIn } from '@/lib/dates/time-zone';

/** 立即 or 定时 (date and time to the second, Asia/Shanghai); read by lib/workflow/schedule-input.ts. */
export function ScheduleFields({
  idPrefix,
  scheduleOnly = false,
  current,
}: {
  idPrefix: string;
  scheduleOnly?: boolean;
  current?: string | null;
}) {
  const preset = current ? wallClockIn(new Date(current)) : null;
  const today = wallClockIn(new Date()).date;
  return (
    <fieldset className="flex flex-wrap items-end gap-3 text-sm">
      <legend className="sr-only">发布时间</legend>
      {scheduleOnly ? (
        <input type="hidden" name="when" value="schedule" />
      ) : (
        <>
          <label className="flex items-center gap-1">
            <input type="radio" name="when" value="now" defaultChecked />
            立即
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="when" value="schedule" />
            定时
          </label>
        </>
      )}
      <label htmlFor={`${idPrefix}-date`} className="flex flex-col">
        日期
        <input
          id={`${idPrefix}-date`}
          name="date"
          type="date"
          defaultValue={preset?.date ?? today}
          className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
        />
      </label>
      <label htmlFor={`${idPrefix}-time`} className="flex flex-col">
        时间（北京时间）
        <input
          id={`${idPrefix}-time`}
          name="time"
          type="time"
          step={1}
          defaultValue={preset?.time ?? ''}
          className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
        />
      </label>
    </fieldset>
  );
}
