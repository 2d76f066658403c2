// Image upload from the story editor. A route handler rather than a server action: the browser
// sends the file with XMLHttpRequest, which reports upload progress, and the size is judged from
// Content-Length before the body is read (a server action's body limit would cut it off first).
import { requireUser } from '@/lib/auth/require-user';
import { accessDeniedResponse } from '@/lib/http/access-denied-response';
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from '@/lib/http/same-origin';
import { UserFacingError } from '@/lib/actions/result';
import { formText } from '@/lib/actions/form-fields';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { storeImage } from '@/lib/media/store';
import { MAX_UPLOAD_BYTES } from '@/lib/media/sniff';

/** Room for the multipart framing and the alt and caption fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const TOO_LARGE = '图片不能超过 10 MB';

const answer = (status: number, body: object) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginWrite(request.method, request.headers)) return answer(403, { ok: false, error: CROSS_ORIGIN_MESSAGE });
  let user;
  try {
    user = await requireUser('media:upload');
  } catch (error) {
    return accessDeniedResponse(error);
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(declared)) return answer(411, { ok: false, error: '请求无效：缺少长度' });
  if (declared > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) return answer(413, { ok: false, error: TOO_LARGE });
  let file: FormDataEntryValue | null;
  let form: FormData;
  try {
    form = await request.formData();
    file = form.get('file');
  } catch {
    return answer(400, { ok: false, error: '上传没有完成，请重试' });
  }
  if (!(file instanceof File)) return answer(400, { ok: false, error: '请选择图片' });
  if (file.size > MAX_UPLOAD_BYTES) return answer(413, { ok: false, error: TOO_LARGE });
  try {
    const stored = await storeImage(db, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      alt: formText(form, 'alt'),
      caption: formText(form, 'caption'),
      uploaderId: user.id,
      mediaDir: resolveMediaDir(process.env),
    });
    const { reused: _reused, ...media } = stored;
    return answer(200, { ok: true, media });
  } catch (error) {
    if (error instanceof UserFacingError) return answer(400, { ok: false, error: error.message });
    throw error;
  }
}
