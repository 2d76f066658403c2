import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { issueDateLine } from '@/lib/dates/chinese-date';
import { monthWeeks } from '@/lib/reader/calendar';
import { positiveInt } from '@/lib/reader/params';
import { getArchiveMonth } from '@/lib/reader/queries';

type Props = { params: Promise<{ year: string; month: string }> };

async function parse(params: Props['params']) {
  const { year, month } = await params;
  const y = positiveInt(year, 9999);
  const m = positiveInt(month, 12);
  return y && y >= 1900 && m ? { year: y, month: m } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const when = await parse(params);
  return when
    ? { title: `${when.year}年${when.month}月 往期`, alternates: { canonical: `/archive/${when.year}/${when.month}` } }
    : {};
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export default async function ArchiveMonthPage({ params }: Props) {
  const when = await parse(params);
  if (!when) notFound();
  const issues = await getArchiveMonth(when.year, when.month);
  const byDate = new Map(issues.map((issue) => [issue.date, issue]));
  const previous = when.month === 1 ? { year: when.year - 1, month: 12 } : { year: when.year, month: when.month - 1 };
  const next = when.month === 12 ? { year: when.year + 1, month: 1 } : { year: when.year, month: when.month + 1 };
  return (
    <main id="main">
      <p className="text-sm">
        <a href="/archive" className="underline">
          ← 全部往期
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        {when.year}年{when.month}月
      </h1>
      <table className="archive-calendar mt-4 w-full table-fixed border-collapse text-center text-sm">
        <caption className="sr-only">
          {when.year}年{when.month}月出版日历，有报纸的日期可点击
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col" className="py-1 font-normal text-stone-500">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(when.year, when.month).map((week, index) => (
            <tr key={index}>
              {week.map((cell, column) => {
                const issue = cell ? byDate.get(cell.date) : undefined;
                return (
                  <td key={column} className="h-10 border border-stone-200 dark:border-stone-800">
                    {cell && issue ? (
                      <a
                        href={`/issues/${issue.number}`}
                        className="block font-bold text-[var(--color-masthead)] underline"
                        aria-label={`${cell.date} 第${issue.number}期`}
                      >
                        {cell.day}
                      </a>
                    ) : cell ? (
                      <span className="text-stone-600 dark:text-stone-400">{cell.day}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mt-8 text-lg font-semibold">本月各期</h2>
      {issues.length === 0 ? (
        <p className="mt-2 text-stone-600">本月没有出版的报纸。</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
          {issues.map((issue) => (
            <li key={issue.number} className="py-2">
              <a href={`/issues/${issue.number}`} className="font-semibold underline">
                第{issue.number}期
              </a>
              <span className="ml-2 text-sm text-stone-600 dark:text-stone-400">{issueDateLine(issue.date)}</span>
              {issue.lead ? <p className="text-stone-700 dark:text-stone-300">头条：{issue.lead}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="月份" className="mt-6 flex justify-between text-sm">
        <a href={`/archive/${previous.year}/${previous.month}`} className="underline">
          ← {previous.year}年{previous.month}月
        </a>
        <a href={`/archive/${next.year}/${next.month}`} className="underline">
          {next.year}年{next.month}月 →
        </a>
      </nav>
    </main>
  );
}
