// Which pages may open a co-editing socket. A browser sends the session cookie with a WebSocket
// opened by any page, so the socket itself must tell the newsroom's own pages from another site's:
// the browser's Origin header, which a page cannot set, against the address the browser used.
//
// The newsroom is opened by whatever address reaches it (localhost, 127.0.0.1, a LAN address such as
// 192.168.1.20:3000, the front's name): the address is the request's own Host, which the browser
// sets and a page cannot change. The web server's relay (server/upgrade-relay.ts) replays the
// request head byte for byte and the nginx front passes Host as the browser sent it, port included
// (deploy/nginx/kecheng-http.conf), so Host here is the browser's. Behind TRUSTED_PROXY_HOPS trusted
// proxies, the outermost one's X-Forwarded-Host and X-Forwarded-Proto say the same; without trusted
// hops those headers are anyone's and are ignored. SITE_URL/NEXTAUTH_URL and COLLAB_ORIGINS add
// addresses a proxy may hide (a name the app never sees in Host).
//
// No Origin at all is not a browser (every browser sends Origin on a WebSocket): the bench and
// command-line clients (scripts/bench). Such a client still needs a valid session cookie, which a
// page on another site cannot hand it, so it is let through to the session check.
import type { IncomingHttpHeaders } from 'node:http';

export type OriginPolicy = {
  /** Origins named in the settings (SITE_URL, NEXTAUTH_URL, COLLAB_ORIGINS), as URL origins. */
  allowedOrigins: readonly string[];
  /** TRUSTED_PROXY_HOPS: how many proxies in front set X-Forwarded-* (lib/http/client-ip.ts). */
  trustedProxyHops: number;
};

export type OriginVerdict = 'same-host' | 'forwarded-host' | 'listed' | 'no-origin' | 'foreign';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The entry the outermost trusted proxy wrote (as client-ip.ts picks X-Forwarded-For's). */
function trustedEntry(value: string | undefined, hops: number): string | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return undefined;
  return entries.length >= hops ? entries[entries.length - hops] : entries[0];
}

/** `scheme://host[:port]` as URL spells an origin (lower case, default port dropped), or null. */
function originOf(scheme: string, host: string | undefined): string | null {
  if (!host || (scheme !== 'http' && scheme !== 'https') || /[/\\?#@\s]/.test(host)) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

function parsedOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * How a socket's Origin relates to the address the browser used. `encrypted`: the request reached
 * this process over TLS (never, behind the relay; kept so the rule holds if it is served directly).
 */
export function originVerdict(headers: IncomingHttpHeaders, encrypted: boolean, policy: OriginPolicy): OriginVerdict {
  const sent = header(headers, 'origin');
  if (sent === undefined) return 'no-origin';
  const origin = parsedOrigin(sent);
  // "null" (a sandboxed frame, a file: page) and anything unparsable are no site of ours.
  if (!origin) return 'foreign';
  const arrivedBy = encrypted ? 'https' : 'http';
  if (origin === originOf(arrivedBy, header(headers, 'host'))) return 'same-host';
  if (policy.trustedProxyHops > 0) {
    const scheme =
      trustedEntry(header(headers, 'x-forwarded-proto'), policy.trustedProxyHops)?.toLowerCase() ?? arrivedBy;
    const hosts = [trustedEntry(header(headers, 'x-forwarded-host'), policy.trustedProxyHops), header(headers, 'host')];
    if (hosts.some((host) => origin === originOf(scheme, host))) return 'forwarded-host';
  }
  if (policy.allowedOrigins.some((allowed) => parsedOrigin(allowed) === origin)) return 'listed';
  return 'foreign';
}

export function originAllowed(verdict: OriginVerdict): boolean {
  return verdict !== 'foreign';
}

/** The origins the settings name: SITE_URL, NEXTAUTH_URL and the comma-separated COLLAB_ORIGINS. */
export function configuredOrigins(env: Record<string, string | undefined>): string[] {
  return [env.SITE_URL, env.NEXTAUTH_URL, ...(env.COLLAB_ORIGINS ?? '').split(',')]
    .map((url) => url?.trim())
    .filter((url): url is string => Boolean(url))
    .map((url) => parsedOrigin(url))
    .filter((url): url is string => url !== null);
}
