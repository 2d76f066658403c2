// How large a request body may be before anything reads it (issue 29: ten anonymous 35 MB posts to a
// server action took the web server from 227 MB to 1.2 GB, because Next buffered every body for the
// proxy and decoded server-action bodies before any authentication).
//
// Every path gets at most BODY_LIMIT_BYTES, refused by the web server (server/serve.ts) from
// Content-Length before Next sees the request. The paths that take files are route handlers outside
// proxy.ts's matcher (so Next never buffers them): they check the user, the capability and
// Content-Length first, then read the body as it streams and cut it off past their own limit.
// next.config.js sets the proxy's and server actions' limits to the same 2 MB (a test compares them).

export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** Route handlers that read their own (larger) bodies after checking who is asking. */
export const STREAMED_UPLOAD_PATHS = ['/api/media', '/api/newsroom/epaper', '/api/newsroom/import'] as const;

export const BODY_TOO_LARGE = '请求内容过大（上限 2 MB）';
export const LENGTH_REQUIRED = '请求无效：缺少长度';

export type BodyRefusal = { status: 411 | 413; message: string };

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

const pathOf = (url: string) => url.split('?', 1)[0]!.replace(/\/+$/, '') || '/';

/** The refusal for a request whose body must not be read, judged from its head alone; null: let it through. */
export function bodyRefusal(request: RequestHead): BodyRefusal | null {
  if (STREAMED_UPLOAD_PATHS.some((path) => path === pathOf(request.url ?? '/'))) return null;
  const length = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'];
  // A body without a declared length could be any size; browsers always declare one for forms and fetch.
  if (chunked !== undefined && length === undefined) return { status: 411, message: LENGTH_REQUIRED };
  if (length === undefined) return null;
  const declared = Number(length);
  if (!Number.isFinite(declared) || declared < 0) return { status: 411, message: LENGTH_REQUIRED };
  return declared > BODY_LIMIT_BYTES ? { status: 413, message: BODY_TOO_LARGE } : null;
}
