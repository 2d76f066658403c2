// Runs before every page and API request: sets the per-request CSP nonce and the security headers,
// and sends anonymous visitors of /newsroom to the sign-in page. It is never the only access check:
// every newsroom read and write calls requireUser() in lib/.
import { NextResponse, type NextRequest } from 'next/server';
import { areaOf, contentSecurityPolicy, staticSecurityHeaders } from './lib/http/security-headers';
import { isRetractedSlug } from './lib/reader/retracted';
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from './lib/http/same-origin';
import { decodeParam } from './lib/reader/params';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isCrossOriginWrite(request.method, request.headers)) {
    const refused = new NextResponse(CROSS_ORIGIN_MESSAGE, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return withHeaders(refused, pathname, null);
  }
  if (/^\/newsroom(\/|$)/.test(pathname) && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login), pathname, null);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { area: areaOf(pathname), dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Next answers a malformed percent-escape in a dynamic segment (%ff, %C0%AF) with a bare 500; no
  // such path exists here, so it gets the not-found page (a path no route matches) with 404.
  if (!pathDecodes(pathname)) {
    return withHeaders(NextResponse.rewrite(new URL('/_malformed-url', request.url), { request: { headers: requestHeaders } }), pathname, csp);
  }
  const retracted = /^\/articles\/([a-z0-9-]{1,200})$/.exec(pathname);
  if (retracted && isRetractedSlug(retracted[1]!)) {
    const gone = await retractionNotice(retracted[1]!, request);
    if (gone) return gone;
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pathname, csp);
}

// A page cannot choose its status and a rewrite's status is not kept, so the notice page is fetched
// from this same server and answered as 410 Gone. On any failure the article route renders the same
// notice itself (with 200).
async function retractionNotice(slug: string, request: NextRequest): Promise<Response | null> {
  try {
    const inner = await fetch(`http://127.0.0.1:${process.env.PORT ?? '3000'}/retracted/${slug}`, {
      headers: { 'accept-language': request.headers.get('accept-language') ?? 'zh-CN' },
      signal: AbortSignal.timeout(5000),
    });
    if (!inner.ok) return null;
    const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    const csp = inner.headers.get('content-security-policy');
    if (csp) headers.set('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(staticSecurityHeaders(process.env.SITE_URL))) headers.set(name, value);
    return new Response(await inner.text(), { status: 410, headers });
  } catch {
    return null;
  }
}

function pathDecodes(pathname: string): boolean {
  return pathname.split('/').every((segment) => decodeParam(segment) !== null);
}

function withHeaders(response: NextResponse, pathname: string, csp: string | null): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders(process.env.SITE_URL))) response.headers.set(name, value);
  if (csp) response.headers.set('Content-Security-Policy', csp);
  if (areaOf(pathname) === 'newsroom') response.headers.set('X-Frame-Options', 'DENY');
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
