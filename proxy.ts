// Runs before every page and API request: sets the per-request CSP nonce and the security headers,
// and sends anonymous visitors of /newsroom to the sign-in page. It is never the only access check:
// every newsroom read and write calls requireUser() in lib/.
import { NextResponse, type NextRequest } from 'next/server';
import { areaOf, contentSecurityPolicy, staticSecurityHeaders } from './lib/http/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pathname, csp);
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
