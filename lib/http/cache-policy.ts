// Which responses a shared cache (the nginx front, a CDN) may keep, and for how long (pure).
// Reader pages are the same for every anonymous visitor, so they are cacheable for one second with
// a short stale window; anything personal (a session cookie) or belonging to the newsroom never is.
// Why a cached page keeps a safe CSP nonce: docs/architecture.md, "Caching" and "Security".
/** `own`: not a page this policy covers (media, icons); the route's own header stands. */
export type CacheClass = 'reader' | 'search' | 'never' | 'own';

// `app/`: the county app's feed and story JSON (lib/reader/app-feed.ts), fresh exactly as the pages.
const READER_ROUTES =
  /^\/($|issues(\/|$)|articles(\/|$)|archive(\/|$)|accessibility$|feed\.xml$|sitemap\.xml$|sitemaps\/|robots\.txt$|app\/(feed\.json$|articles\/))/;
/** Never shared: the newsroom, sign-in, invitations and the API (kecheng-locations.conf has the same location). */
export const PRIVATE_ROUTES = /^\/(newsroom|login|invite|two-factor|api)(\/|$)/;

/** Private answers cached by the person's browser under a version in the path: the route sets its own header. */
const VERSIONED_PRIVATE_ROUTES = /^\/api\/newsroom\/proofing-lists\/[^/]+$/;

export function cacheClassOf(pathname: string, hasSession: boolean, method: string): CacheClass {
  if (VERSIONED_PRIVATE_ROUTES.test(pathname) && (method === 'GET' || method === 'HEAD')) return 'own';
  if (PRIVATE_ROUTES.test(pathname)) return 'never';
  const reader = pathname === '/search' ? 'search' : READER_ROUTES.test(pathname) ? 'reader' : null;
  if (!reader) return 'own';
  return hasSession || (method !== 'GET' && method !== 'HEAD') ? 'never' : reader;
}

/** Seconds a shared cache keeps a reader answer: one second, so any change is visible within a second. */
export const SHARED_MAX_AGE_S = 1;

/**
 * Cache-Control for a response of this class. `max-age=0` keeps browsers asking (the front answers
 * from its micro-cache); the stale window lets a shared cache answer while one request refreshes.
 * Errors (404, 410) get the same one second: a page that appears a moment later is found at once.
 */
export function cacheControlFor(cacheClass: Exclude<CacheClass, 'own'>): string {
  switch (cacheClass) {
    case 'reader':
      return `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=5`;
    case 'search':
      return `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=2`;
    case 'never':
      return 'private, no-cache, no-store, max-age=0, must-revalidate';
  }
}

/**
 * For nginx only (it hides the header from clients): keep the answer until the end of the current
 * second. nginx counts cache lifetimes in whole seconds from the second it stored the answer, so
 * `s-maxage=1` alone could serve an answer for up to two seconds; an absolute end bounds it to one.
 */
export function accelExpires(now: Date): string {
  return `@${Math.floor(now.getTime() / 1000)}`;
}
