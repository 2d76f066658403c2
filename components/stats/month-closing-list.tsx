// 考核设置: the recent months, each 未结账 or 已结账 (by whom, when), and 结账 on a month that is over.
// A month not over has no button; closing twice (from a page opened before someone else closed it) is
// refused by the server in Chinese (lib/stats/months.ts).
import { ActionForm } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/dates/format';
import { closeMonthAction } from '@/lib/stats/actions';
import type { MonthState } from '@/lib/stats/months';

export function MonthClosingList({ months }: { months: MonthState[] }) {
  return (
    <ul className="divide-y divide-stone-200 border-y border-stone-200 dark:divide-stone-800 dark:border-stone-800">
      {months.map((month) => (
        <li
          key={month.month}
          data-testid={`month-${month.month}`}
          className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2"
        >
          <div className="min-w-0">
            <span className="font-medium">{month.label}</span>{' '}
            {month.closed ? (
              <span className="text-sm text-stone-700 dark:text-stone-300">
                已结账（{month.closed.by ?? '已删除的账号'}，{formatDateTime(month.closed.at)}）
              </span>
            ) : (
              <span className="text-sm text-stone-600 dark:text-stone-400">
                未结账{month.over ? '' : '（本月还没有结束）'}
              </span>
            )}
          </div>
          {!month.closed && month.over ? (
            <ActionForm
              action={closeMonthAction}
              submitLabel={`结账 ${month.label}`}
              variant="secondary"
              confirmText={`${month.label}结账后，这个月每个人的数字、分数和稿费就固定下来，以后修改规则或稿件都不再变化，也不能撤销。确定结账？`}
              successText={`${month.label}已结账`}
              className="flex flex-wrap items-center gap-2"
            >
              <input type="hidden" name="month" value={month.month} />
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
