import { auditCsv } from '@/lib/audit/csv-export';
import { auditFilterFrom } from '@/lib/audit/filter-params';
import { exportAuditEvents } from '@/lib/audit/queries';
import { isoDateIn } from '@/lib/dates/time-zone';
import { privateRoute } from '@/lib/http/route';

export const GET = privateRoute({ capability: 'audit:read' }, async (request) => {
  const events = await exportAuditEvents(auditFilterFrom(new URL(request.url).searchParams));
  return new Response(auditCsv(events), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${isoDateIn(new Date())}.csv"`,
    },
  });
});
