// Writes (server actions, uploads, sign-in) are accepted only from pages of this site. A browser
// names the page's origin on every POST; one from another site is refused with 403 before Next.js
// runs an action (Next itself answers such a server action with a 500 and logs an error).
type HeaderSource = { get(name: string): string | null | undefined };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the request was sent to, as Next compares it: X-Forwarded-Host first, then Host. */
function requestHost(headers: HeaderSource): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || headers.get('host')?.trim() || null;
}

/** True when a request that changes something comes from another origin (or an opaque "null" one). */
export function isCrossOriginWrite(method: string, headers: HeaderSource): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  // No Origin: not a browser acting for a page (browsers send it on every POST); cookies decide.
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = requestHost(headers);
  return !originHost || !host || originHost.toLowerCase() !== host.toLowerCase();
}

export const CROSS_ORIGIN_MESSAGE = '拒绝来自其他网站的请求';
