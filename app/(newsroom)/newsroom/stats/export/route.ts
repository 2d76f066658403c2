import { privateRoute, RouteRefusal } from '@/lib/http/route';
import { CSV_VIEWS, exportRequestFrom } from '@/lib/stats/params';
import { getStatsTables } from '@/lib/stats/queries';
import { statsCsv, statsWorkbook } from '@/lib/stats/workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The 考核 page's month (or range) as the page shows it to this person: the workbook holds every view
// they see (个人, and 部门 for editors), one sheet each; a CSV holds one view.
export const GET = privateRoute({ capability: 'newsroom:enter' }, async (request) => {
  const asked = exportRequestFrom(new URL(request.url).searchParams, new Date());
  if (!asked.ok) throw new RouteRefusal(400, asked.error);
  const { period, format, view } = asked;
  const tables = await getStatsTables(period);
  const name = `stats-${period.month ?? `${period.firstDay}_${period.lastDay}`}`;
  if (format === 'xlsx') {
    return new Response(await statsWorkbook(`${period.label} 稿件考核`, tables), {
      headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${name}.xlsx"` },
    });
  }
  const table = tables.find((each) => each.name === CSV_VIEWS[view]);
  if (!table) throw new RouteRefusal(403, '只有编辑和总编辑可以导出各部门合计');
  return new Response(statsCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${view}.csv"`,
    },
  });
});
