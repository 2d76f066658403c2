// The newsroom's route handlers (uploads, the audit export) through one wrapper, in the order a request
// is judged: from this site (403), by someone signed in (401) who may (403), not declared too large
// (411/413, from Content-Length before a byte of the body is read), then the handler. Its refusals and
// the domain's errors become statuses here, and every answer, refused or not, is private and uncached.
import type { Capability } from '../access/capabilities';
import { AccessDenied } from '../access/denied';
import { UserFacingError } from '../actions/result';
import type { CurrentUser } from '../auth/current-user';
import { requireUser } from '../auth/require-user';
import { cacheControlFor } from './cache-policy';
import { BodyTooLarge, readLimitedBody } from './read-body';
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from './same-origin';

/** A refusal a handler makes itself, with its status (a broken upload 400, a body past its limit 413). */
export class RouteRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RouteRefusal';
  }
}

/** The size limit judged from Content-Length; `lengthRequired`: the message for a request without one (411). */
export type BodyLimit = { maxBytes: number; tooLarge: string; lengthRequired?: string };

/**
 * `ownCache`: an answer the handler gave its own Cache-Control keeps it (a versioned, immutable
 * answer, lib/proofing/list-route.ts); refusals are still private and uncached.
 */
export type RouteOptions = { capability: Capability; body?: BodyLimit; ownCache?: true };

type Handler = (request: Request, user: CurrentUser) => Promise<Response>;

/**
 * The one Cache-Control of a private answer: the one the proxy gives every newsroom and API path
 * (lib/http/cache-policy.ts), so a route the proxy skips (the PDF upload) answers the same.
 */
export const PRIVATE_CACHE_CONTROL = cacheControlFor('never');

/** A JSON answer of a private route; the wrapper adds the headers. */
export const routeJson = (status: number, body: object): Response => Response.json(body, { status });

const refusal = (status: number, error: string) => routeJson(status, { ok: false, error });

/** The domain's errors as statuses; anything else is a bug and propagates (Next answers 500). */
export function errorResponse(error: unknown): Response {
  if (error instanceof AccessDenied) return refusal(error.reason === 'UNAUTHENTICATED' ? 401 : 403, error.message);
  if (error instanceof RouteRefusal) return refusal(error.status, error.message);
  if (error instanceof UserFacingError) return refusal(400, error.message);
  throw error;
}

/** Refuses a request by its declared length, before the body is read (a body past it is cut off later). */
function declaredSize(headers: Headers, limit: BodyLimit): void {
  const declared = Number(headers.get('content-length') ?? NaN);
  if (!Number.isFinite(declared)) {
    if (limit.lengthRequired) throw new RouteRefusal(411, limit.lengthRequired);
    return;
  }
  if (declared > limit.maxBytes) throw new RouteRefusal(413, limit.tooLarge);
}

/** The body, read as it streams and cut off past `maxBytes` (413 with `tooLarge`); a broken upload is 400. */
export async function readRouteBody(
  request: Request,
  maxBytes: number,
  tooLarge: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await readLimitedBody(request.body, maxBytes);
  } catch (error) {
    throw error instanceof BodyTooLarge
      ? new RouteRefusal(413, tooLarge)
      : new RouteRefusal(400, '上传没有完成，请重试');
  }
}

export function privateRoute(options: RouteOptions, handler: Handler): (request: Request) => Promise<Response> {
  return async (request) => {
    let response: Response;
    if (isCrossOriginWrite(request.method, request.headers)) {
      response = refusal(403, CROSS_ORIGIN_MESSAGE);
    } else {
      try {
        const user = await requireUser(options.capability);
        if (options.body) declaredSize(request.headers, options.body);
        response = await handler(request, user);
      } catch (error) {
        response = errorResponse(error);
      }
    }
    if (!(options.ownCache && response.headers.has('Cache-Control')))
      response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
    // The proxy, which sets it elsewhere, skips the PDF upload's path.
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  };
}
