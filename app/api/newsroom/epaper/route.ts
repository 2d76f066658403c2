// Page PDF upload (版面). The body is the PDF itself (Content-Type application/pdf), with
// the issue (issueId, or issueNumber from the import page) and the page (or `all` for a whole-issue
// PDF) in the query; the browser sends it with
// XMLHttpRequest for upload progress. proxy.ts does not run for this path (its matcher skips it), so
// Next does not buffer the body: it is read here as it streams and cut off past 60 MB. The checks and
// headers the proxy would make are the route wrapper's (lib/http/route.ts).
import { revalidatePath } from 'next/cache';

import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { enqueueRender } from '@/lib/epaper/jobs';
import { MAX_PDF_BYTES, PDF_TOO_LARGE, type PdfTarget } from '@/lib/epaper/pdf-file';
import { attachPdf, issueIdByNumber } from '@/lib/epaper/service';
import { privateRoute, readRouteBody, routeJson, RouteRefusal } from '@/lib/http/route';

function targetOf(url: URL): PdfTarget | null {
  const page = url.searchParams.get('page');
  if (page === 'all') return { kind: 'issue' };
  const number = Number(page);
  return Number.isInteger(number) && number >= 1 && number <= 500 ? { kind: 'page', page: number } : null;
}

export const POST = privateRoute(
  { capability: 'issue:plan', body: { maxBytes: MAX_PDF_BYTES, tooLarge: PDF_TOO_LARGE } },
  async (request, user) => {
    const url = new URL(request.url);
    const byNumber = Number(url.searchParams.get('issueNumber'));
    const issueId =
      url.searchParams.get('issueId') ??
      (Number.isInteger(byNumber) && byNumber > 0 ? await issueIdByNumber(db, byNumber) : '');
    const target = targetOf(url);
    if (!issueId || !target) throw new RouteRefusal(400, '请求无效：缺少期号或版面');
    const bytes = await readRouteBody(request, MAX_PDF_BYTES, PDF_TOO_LARGE);
    const mediaDir = resolveMediaDir(process.env);
    const attached = await attachPdf(db, user, { issueId, target, bytes, mediaDir });
    enqueueRender(db, mediaDir, attached.scanIds);
    revalidatePath('/newsroom/issues', 'layout');
    return routeJson(200, { ok: true, pages: attached.pages, message: attached.message });
  },
);
