import { isoDateIn } from '@/lib/dates/time-zone';
import { privateRoute } from '@/lib/http/route';
import { listsToCsv } from '@/lib/proofing/csv';
import { exportEntries } from '@/lib/proofing/list-queries';

export const GET = privateRoute({ capability: 'proofing:edit-lists' }, async () => {
  const csv = listsToCsv(await exportEntries());
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="proofing-${isoDateIn(new Date())}.csv"`,
    },
  });
});
