// Image upload from the story editor. A route handler rather than a server action: the browser
// sends the file with XMLHttpRequest, which reports upload progress, and the size is judged from
// Content-Length before the body is read (a server action's body limit would cut it off first). The
// proxy does not run for this path (lib/http/body-limits.ts): the body is read here only after the
// user and capability are checked, as it streams, and cut off past the limit.
import { formText } from '@/lib/actions/form-fields';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { privateRoute, readRouteBody, routeJson, RouteRefusal } from '@/lib/http/route';
import { MAX_UPLOAD_BYTES } from '@/lib/media/sniff';
import { storeImage } from '@/lib/media/store';

/** Room for the multipart framing and the alt and caption fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const TOO_LARGE = '图片不能超过 10 MB';

const body = {
  maxBytes: MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
  tooLarge: TOO_LARGE,
  lengthRequired: '请求无效：缺少长度',
};

export const POST = privateRoute({ capability: 'media:upload', body }, async (request, user) => {
  const bytes = await readRouteBody(request, body.maxBytes, TOO_LARGE);
  let form: FormData;
  try {
    const type = request.headers.get('content-type') ?? '';
    form = await new Response(bytes, { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new RouteRefusal(400, '上传没有完成，请重试');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new RouteRefusal(400, '请选择图片');
  if (file.size > MAX_UPLOAD_BYTES) throw new RouteRefusal(413, TOO_LARGE);
  const { reused: _reused, ...media } = await storeImage(db, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    alt: formText(form, 'alt'),
    caption: formText(form, 'caption'),
    uploaderId: user.id,
    mediaDir: resolveMediaDir(process.env),
  });
  return routeJson(200, { ok: true, media });
});
