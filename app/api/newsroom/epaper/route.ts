// Page PDF upload (版面). The body is the PDF itself (Content-Type application/pdf), with
// the issue (issueId, or issueNumber from the import page) and the page (or `all` for a whole-issue
// PDF) in the query; the browser sends it with
// XMLHttpRequest for upload progress. proxy.ts does not run for this path (its matcher skips it), so
// Next does not buffer the body: it is read here as it streams and cut off past 60 MB. The route
// does its own same-origin and access checks and sets its own headers.
import { requireUser } from '@/lib/auth/require-user';
import { accessDeniedResponse } from '@/lib/http/access-denied-response';
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from '@/lib/http/same-origin';
import { UserFacingError } from '@/lib/actions/result';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { attachPdf, issueIdByNumber } from '@/lib/epaper/service';
import { enqueueRender } from '@/lib/epaper/jobs';
import { MAX_PDF_BYTES, PDF_TOO_LARGE, type PdfTarget } from '@/lib/epaper/pdf-file';
import { BodyTooLarge, readLimitedBody } from '@/lib/epaper/read-body';
import { revalidatePath } from 'next/cache';

const answer = (status: number, body: object) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff' } });

function targetOf(url: URL): PdfTarget | null {
  const page = url.searchParams.get('page');
  if (page === 'all') return { kind: 'issue' };
  const number = Number(page);
  return Number.isInteger(number) && number >= 1 && number <= 500 ? { kind: 'page', page: number } : null;
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginWrite(request.method, request.headers)) return answer(403, { ok: false, error: CROSS_ORIGIN_MESSAGE });
  let user;
  try {
    user = await requireUser('issue:plan');
  } catch (error) {
    return accessDeniedResponse(error);
  }
  const url = new URL(request.url);
  const byNumber = Number(url.searchParams.get('issueNumber'));
  const issueId = url.searchParams.get('issueId') ?? (Number.isInteger(byNumber) && byNumber > 0 ? await issueIdByNumber(db, byNumber) : '');
  const target = targetOf(url);
  if (!issueId || !target) return answer(400, { ok: false, error: '请求无效：缺少期号或版面' });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_PDF_BYTES) return answer(413, { ok: false, error: PDF_TOO_LARGE });
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBody(request.body, MAX_PDF_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return answer(413, { ok: false, error: PDF_TOO_LARGE });
    return answer(400, { ok: false, error: '上传没有完成，请重试' });
  }
  try {
    const mediaDir = resolveMediaDir(process.env);
    const attached = await attachPdf(db, user, { issueId, target, bytes, mediaDir });
    enqueueRender(db, mediaDir, attached.scanIds);
    revalidatePath('/newsroom/issues', 'layout');
    return answer(200, { ok: true, pages: attached.pages, message: attached.message });
  } catch (error) {
    if (error instanceof UserFacingError) return answer(400, { ok: false, error: error.message });
    throw error;
  }
}
