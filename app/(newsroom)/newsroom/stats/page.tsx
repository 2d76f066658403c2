import Link from 'next/link';

import { StatsCharts } from '@/components/newsroom/stats/stats-charts';
import { StatsTableView } from '@/components/newsroom/stats/stats-table';
import { buttonClass } from '@/components/ui/button-class';
import { Field } from '@/components/ui/field';
import { requirePageUser } from '@/lib/auth/require-user';
import { formatDateTime } from '@/lib/dates/format';
import { pageParams, type PageSearchParams } from '@/lib/http/page-params';
import { pointsChart, readsChart } from '@/lib/stats/chart-data';
import { lastMonth, statsPeriodFrom, statsQueryString } from '@/lib/stats/params';
import { shiftMonth } from '@/lib/stats/period';
import { getStatsPage } from '@/lib/stats/queries';

export const metadata = { title: '稿件考核' };

type Props = { searchParams: Promise<PageSearchParams> };

export default async function StatsPage({ searchParams }: Props) {
  await requirePageUser('newsroom:enter', '/newsroom/stats');
  const raw = await searchParams;
  const params = pageParams(raw);
  const now = new Date();
  const asked = statsPeriodFrom(params, now);
  const page = asked.ok ? await getStatsPage(asked.period) : null;
  const period = asked.ok ? asked.period : null;
  const month = period?.month ?? lastMonth(now);
  const query = period ? statsQueryString(period) : '';
  // The range fields keep a range asked for; a month is the month field's.
  const range = period && !period.month ? period : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">稿件考核</h1>
        {period ? <span className="text-lg">{period.label}</span> : null}
        {page?.view.closedAt ? (
          <span
            className="rounded border border-amber-700 px-2 py-0.5 text-sm text-amber-800 dark:text-amber-300"
            title={`${formatDateTime(page.view.closedAt)} 结账，数字不再变化`}
          >
            已结账
          </span>
        ) : null}
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {page?.view.everyone
          ? '每个人在这段时间里署名见报、上网的稿件，按本报的计分规则计分；另有各部门合计。'
          : '你在这段时间里署名见报、上网的稿件，按本报的计分规则计分。'}
        稿件计入它第一次见报的那一期的日期（没有见报的，计入上网那天）；撤回的稿件不计。
        {page?.view.closedAt ? '这个月已结账：显示的是结账时的数字和规则。' : ''}
      </p>

      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <form action="/newsroom/stats" className="flex flex-wrap items-end gap-2">
          <Field id="stats-month" label="月份" name="month" type="month" defaultValue={month} required />
          <button type="submit" className={buttonClass('secondary')}>
            查看
          </button>
          <Link href={`/newsroom/stats?month=${shiftMonth(month, -1)}`} className={buttonClass('secondary')}>
            上个月
          </Link>
          <Link href={`/newsroom/stats?month=${shiftMonth(month, 1)}`} className={buttonClass('secondary')}>
            下个月
          </Link>
        </form>
        <form action="/newsroom/stats" className="flex flex-wrap items-end gap-2" aria-label="任意时间段">
          <Field id="stats-from" label="从" name="from" type="date" defaultValue={range?.firstDay} required />
          <Field id="stats-to" label="到" name="to" type="date" defaultValue={range?.lastDay} required />
          <button type="submit" className={buttonClass('secondary')}>
            查看时间段
          </button>
        </form>
      </div>

      {!asked.ok ? (
        <p role="alert" className="rounded border border-red-700 px-3 py-2 text-red-800 dark:text-red-300">
          {asked.error}
        </p>
      ) : null}

      {page ? (
        <>
          <div className="flex flex-wrap gap-2">
            <a href={`/newsroom/stats/export?${query}&format=xlsx`} className={buttonClass('secondary')} download>
              导出 Excel
            </a>
            <a
              href={`/newsroom/stats/export?${query}&format=csv&view=people`}
              className={buttonClass('secondary')}
              download
            >
              导出 CSV
            </a>
            {page.view.everyone ? (
              <a
                href={`/newsroom/stats/export?${query}&format=csv&view=departments`}
                className={buttonClass('secondary')}
                download
              >
                导出部门 CSV
              </a>
            ) : null}
          </div>
          <StatsCharts
            points={page.view.everyone ? pointsChart(page.view.people) : null}
            reads={readsChart(page.daily)}
          />
          {page.view.people.length === 0 ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {page.view.everyone ? '这段时间没有署名稿件。' : '你在这段时间没有署名稿件。'}
            </p>
          ) : null}
          {page.tables.map((table) => (
            <StatsTableView
              key={table.name}
              table={table}
              caption={table.name === '个人' ? (page.view.everyone ? '每人' : '我的') : '各部门合计'}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}
