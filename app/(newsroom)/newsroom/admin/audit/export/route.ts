import { toCsv } from '@/lib/audit/csv';
import { auditFilterFrom } from '@/lib/audit/filter-params';
import { auditActionLabel } from '@/lib/audit/labels';
import { exportAuditEvents } from '@/lib/audit/queries';
import { formatDateTime } from '@/lib/dates/format';
import { isoDateIn } from '@/lib/dates/time-zone';
import { privateRoute } from '@/lib/http/route';

export const GET = privateRoute({ capability: 'audit:read' }, async (request) => {
  const events = await exportAuditEvents(auditFilterFrom(new URL(request.url).searchParams));
  const rows = [
    ['时间', '人员', '邮箱', '动作', '动作代码', '对象类型', '对象', '详情', 'IP'],
    ...events.map((event) => [
      formatDateTime(event.createdAt),
      event.actor?.name ?? '',
      event.actor?.email ?? '',
      auditActionLabel(event.action),
      event.action,
      event.subjectType ?? '',
      event.subjectId ?? '',
      event.details,
      event.ip ?? '',
    ]),
  ];
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${isoDateIn(new Date())}.csv"`,
    },
  });
});
