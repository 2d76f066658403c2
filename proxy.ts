// Runs before every page and API request: sets the per-request CSP nonce, the security headers and
// the caching headers, sends anonymous visitors of /newsroom to the sign-in page, and answers a
// retracted story's URL with 410 Gone. It is never the only access check: every newsroom read and
// write calls requireUser() in lib/.
import { NextResponse, type NextRequest } from 'next/server';

import { accelExpires, cacheClassOf, cacheControlFor, type CacheClass } from './lib/http/cache-policy';
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from './lib/http/same-origin';
import { areaOf, contentSecurityPolicy, staticSecurityHeaders } from './lib/http/security-headers';
import { decodeParam } from './lib/reader/params';
import { retractedArticle } from './lib/reader/retracted';
import { retractionPageHtml } from './lib/reader/retraction-page';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const session = hasSessionCookie(request);
  const cacheClass = cacheClassOf(pathname, session, request.method);
  if (isCrossOriginWrite(request.method, request.headers)) {
    const refused = new NextResponse(CROSS_ORIGIN_MESSAGE, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    return withHeaders(refused, pathname, null, 'never');
  }
  if (/^\/newsroom(\/|$)/.test(pathname) && !session) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login), pathname, null, 'never');
  }

  // A fresh nonce per render. A shared cache stores this render's HTML together with this header,
  // so a cached copy's scripts and policy always name the same nonce (docs/architecture.md, Security).
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { area: areaOf(pathname), dev: process.env.NODE_ENV === 'development' });
  const retracted = /^\/articles\/([a-z0-9-]{1,200})$/.exec(pathname);
  const story = retracted ? await retractedArticle(retracted[1]!) : null;
  if (story) {
    const gone = new NextResponse(retractionPageHtml(story), {
      status: 410,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    return withHeaders(gone, pathname, csp, cacheClass);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Next answers a malformed percent-escape in a dynamic segment (%ff, %C0%AF) with a bare 500; no
  // such path exists here, so it gets the not-found page (a path no route matches) with 404.
  if (!pathDecodes(pathname)) {
    return withHeaders(
      NextResponse.rewrite(new URL('/_malformed-url', request.url), { request: { headers: requestHeaders } }),
      pathname,
      csp,
      cacheClass,
    );
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pathname, csp, cacheClass);
}

function pathDecodes(pathname: string): boolean {
  return pathname.split('/').every((segment) => decodeParam(segment) !== null);
}

function withHeaders(
  response: NextResponse,
  pathname: string,
  csp: string | null,
  cacheClass: CacheClass,
): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders(process.env.SITE_URL)))
    response.headers.set(name, value);
  if (csp) response.headers.set('Content-Security-Policy', csp);
  if (areaOf(pathname) === 'newsroom') response.headers.set('X-Frame-Options', 'DENY');
  if (cacheClass !== 'own') response.headers.set('Cache-Control', cacheControlFor(cacheClass));
  // Next itself adds `Vary: RSC, Next-Router-State-Tree, Next-Router-Prefetch, …` to every app route.
  if (cacheClass === 'reader' || cacheClass === 'search')
    response.headers.set('X-Accel-Expires', accelExpires(new Date()));
  return response;
}

export const config = {
  // The uploads and the import (lib/http/body-limits.ts STREAMED_UPLOAD_PATHS) are left out: Next would
  // buffer their whole bodies for the proxy, before anyone is asked who sent them; their routes make
  // the proxy's checks themselves (lib/http/route.ts).
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico|api/media|api/newsroom/epaper|api/newsroom/import).*)' },
  ],
};
