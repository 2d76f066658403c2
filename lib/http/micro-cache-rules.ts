// The micro-cache's rules, one table for both caches that keep reader pages: the app's own
// (server/micro-cache.ts, `npm start` alone) and the shipped nginx front (deploy/nginx/). nginx cannot
// import TypeScript, so micro-cache-rules.test.ts reads the nginx files and fails when they say
// anything else. Pure: no Node or Next imports. Why each rule: docs/architecture.md, "Caching".
import { cacheClassOf } from './cache-policy';

/** A next-auth session cookie (also split into .0, .1 chunks): kecheng-http.conf's `$kecheng_session` map. */
export const SESSION_COOKIE_PATTERN = String.raw`(^|;)\s*(__Secure-)?next-auth\.session-token(\.\d+)?=`;
const SESSION_COOKIE = new RegExp(SESSION_COOKIE_PATTERN);

/** Only this exact `RSC` value asks Next for a React Server Components payload (`$kecheng_rsc`). */
export const RSC_VALUE = '1';

/**
 * The headers an RSC payload depends on, in the order of the key's variant. They reach the app only
 * on an RSC request; an HTML request gets none of them, so junk values cannot change an HTML page.
 */
export const ROUTER_HEADERS = [
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-router-state-tree',
] as const;

/** Validators a client sends; the app is asked without them (see normalizedRequestHeaders). */
export const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since'] as const;

/** Readers who accept gzip get the app's gzip answer, kept as its own entry (`$kecheng_gzip`). */
export const GZIP_PATTERN = String.raw`\bgzip\b`;
const GZIP = new RegExp(GZIP_PATTERN, 'i');

type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

function single(value: string | readonly string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
}

export function hasSession(headers: RequestHeaders): boolean {
  return SESSION_COOKIE.test(single(headers.cookie));
}

/**
 * Whether a request may be answered from (and fill) the shared cache: an anonymous GET or HEAD of a
 * route cache-policy.ts marks public. Everything else goes to the app untouched.
 */
export function isCacheableRequest(method: string, pathname: string, headers: RequestHeaders): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const cacheClass = cacheClassOf(pathname, hasSession(headers), method);
  return cacheClass === 'reader' || cacheClass === 'search';
}

/**
 * What the app is asked with on a miss, as kecheng-proxy.conf and the `location /` of
 * kecheng-locations.conf forward it: `Accept-Encoding` is exactly `gzip` or absent, `RSC` exactly 1 or
 * absent, and the router headers only with `RSC: 1`. Every other header passes unchanged.
 */
export function normalizedRequestHeaders(headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = single(value);
  }
  const rsc = single(headers.rsc) === RSC_VALUE;
  delete out['accept-encoding'];
  if (GZIP.test(single(headers['accept-encoding']))) out['accept-encoding'] = 'gzip';
  delete out.rsc;
  for (const name of ROUTER_HEADERS) delete out[name];
  // A copy is the whole answer, never a 304 made for one reader's validator; the copy answers
  // validators itself (server/micro-cache.ts `send`), as nginx does (it drops them on a cached miss).
  for (const name of CONDITIONAL_HEADERS) delete out[name];
  if (rsc) {
    out.rsc = RSC_VALUE;
    for (const name of ROUTER_HEADERS) if (headers[name] !== undefined) out[name] = single(headers[name]);
  }
  return out;
}

/**
 * The cache key: host, the full URL (query string included, so a cache-busting query only ever makes
 * its own entry) and the variant: `html|<gzip>`, or for an RSC request `rsc|<gzip>|` and every router
 * header verbatim (nginx: `proxy_cache_key "$scheme://$host$request_uri|$kecheng_variant"`).
 */
export function cacheKey(host: string, url: string, headers: RequestHeaders): string {
  // Built from the headers directly (not normalizedRequestHeaders): it runs on every cache hit.
  const gzip = GZIP.test(single(headers['accept-encoding'])) ? 'gzip' : '';
  const variant =
    single(headers.rsc) === RSC_VALUE
      ? ['rsc', gzip, ...ROUTER_HEADERS.map((name) => single(headers[name]))].join('|')
      : `html|${gzip}`;
  return `${host.toLowerCase()}${url}|${variant}`;
}

export type Lifetime = {
  /** Until when (ms) the copy is served as it is. */
  freshUntil: number;
  /** Until when (ms) a copy past freshUntil may go to readers while one request renders its successor. */
  staleUntil: number;
};

/** Statuses kept: what nginx keeps when the app gives a lifetime, less server errors (the previous copy is served instead). */
export const CACHEABLE_STATUSES: ReadonlySet<number> = new Set([200, 203, 204, 301, 302, 307, 308, 404, 410]);

type ResponseHeaders = Readonly<Record<string, string | readonly string[] | number | undefined>>;

function header(headers: ResponseHeaders, name: string): string {
  const value = headers[name];
  return typeof value === 'number' ? String(value) : single(value);
}

function directive(cacheControl: string, name: string): number | null {
  const match = new RegExp(`(?:^|,)\\s*${name}=(\\d+)`, 'i').exec(cacheControl);
  return match ? Number(match[1]) : null;
}

/**
 * How long an answer may be kept, from its own headers, as nginx reads them: `X-Accel-Expires: @<s>`
 * (proxy.ts: the end of the second it was made in) or `X-Accel-Expires: <s>`, else `s-maxage`; the
 * stale window from `stale-while-revalidate`. Null: not kept (a server error, a cookie being set,
 * `private` or `no-store`, no lifetime, or one already over).
 */
export function lifetimeOf(status: number, headers: ResponseHeaders, renderedAt: number): Lifetime | null {
  if (!CACHEABLE_STATUSES.has(status)) return null;
  if (headers['set-cookie'] !== undefined) return null;
  const cacheControl = header(headers, 'cache-control');
  if (/(^|,)\s*(private|no-store)\b/i.test(cacheControl)) return null;
  const accel = header(headers, 'x-accel-expires').trim();
  let freshUntil: number;
  if (/^@\d+$/.test(accel)) freshUntil = (Number(accel.slice(1)) + 1) * 1000;
  else if (/^\d+$/.test(accel)) freshUntil = renderedAt + Number(accel) * 1000;
  else {
    const sMaxAge = directive(cacheControl, 's-maxage');
    if (sMaxAge === null) return null;
    freshUntil = renderedAt + sMaxAge * 1000;
  }
  if (freshUntil <= renderedAt) return null;
  const stale = directive(cacheControl, 'stale-while-revalidate') ?? 0;
  return { freshUntil, staleUntil: freshUntil + stale * 1000 };
}
