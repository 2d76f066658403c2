import { buttonClass } from '@/components/ui/button-class';
import { Pager } from '@/components/ui/pager';
import { auditFilterFrom, auditQueryString } from '@/lib/audit/filter-params';
import { auditActionLabel } from '@/lib/audit/labels';
import { auditFilterOptions, checkAuditLog, listAuditEvents } from '@/lib/audit/queries';
import { requirePageUser } from '@/lib/auth/require-user';
import { formatDateTime } from '@/lib/dates/format';
import { pageParams, type PageSearchParams } from '@/lib/http/page-params';

export const metadata = { title: '审计日志' };

type Props = { searchParams: Promise<PageSearchParams> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePageUser('audit:read', '/newsroom/admin/audit');
  const raw = await searchParams;
  const params = pageParams(raw);
  const filter = auditFilterFrom(params);
  const [result, options, check] = await Promise.all([
    listAuditEvents(filter),
    auditFilterOptions(),
    raw.verify === '1' ? checkAuditLog() : null,
  ]);
  const query = auditQueryString(filter);
  // max-w-full: a select is as wide as its longest option (a long name and e-mail), wider than a phone.
  const select = 'mt-1 max-w-full rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900';

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">审计日志</h1>
      <form role="search" action="/newsroom/admin/audit" className="flex flex-wrap items-end gap-3">
        <div className="max-w-full">
          <label htmlFor="actor" className="block text-sm">
            人员
          </label>
          <select id="actor" name="actor" defaultValue={filter.actorId ?? ''} className={select}>
            <option value="">全部</option>
            {options.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}（{person.email}）
              </option>
            ))}
          </select>
        </div>
        <div className="max-w-full">
          <label htmlFor="action" className="block text-sm">
            动作
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ''} className={select}>
            <option value="">全部</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm">
            从
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={select} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm">
            到
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={select} />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          筛选
        </button>
        <a href={`/newsroom/admin/audit/export?${query}`} className={buttonClass('secondary')} download>
          导出 CSV
        </a>
        <a href={`/newsroom/admin/audit?${query ? `${query}&` : ''}verify=1`} className={buttonClass('secondary')}>
          校验日志完整性
        </a>
      </form>
      {check ? (
        <p
          role="status"
          className={`rounded border px-3 py-2 text-sm ${
            check.ok
              ? 'border-green-700 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100'
              : 'border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100'
          }`}
        >
          {check.summary}
        </p>
      ) : null}
      <p className="text-sm text-stone-600 dark:text-stone-400">共 {result.total} 条，时间为北京时间。</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead className="border-b border-stone-400">
            <tr>
              <th className="py-2">时间</th>
              <th>人员</th>
              <th>动作</th>
              <th>对象</th>
              <th>详情</th>
              <th>IP</th>
            </tr>
          </thead>
          <tbody>
            {result.events.map((event) => (
              <tr key={event.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                <td className="whitespace-nowrap py-2">{formatDateTime(event.createdAt)}</td>
                <td>{event.actor?.name ?? '—'}</td>
                <td>{auditActionLabel(event.action)}</td>
                <td className="font-mono text-xs">
                  {event.subjectType ? `${event.subjectType} ${event.subjectId ?? ''}` : ''}
                </td>
                <td className="max-w-xs break-all font-mono text-xs">{event.details === '{}' ? '' : event.details}</td>
                <td className="font-mono text-xs">{event.ip ?? ''}</td>
              </tr>
            ))}
            {result.events.length === 0 ? (
              <tr>
                <td colSpan={6} className="py-6 text-center text-stone-500">
                  没有符合条件的记录
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => `/newsroom/admin/audit?${auditQueryString(filter, page)}`}
      />
    </div>
  );
}
