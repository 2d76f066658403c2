// The address a request came from, for the sign-in limits and the audit log.
//
// Next.js does not tell the app the socket's address, and it keeps an X-Forwarded-For the client
// sent (it only fills the header in when it is missing), so nothing in the headers Next passes on
// can be trusted by itself. Our server (server/serve.ts) therefore writes the socket's peer address
// into PEER_HEADER on every request, replacing whatever a client put there.
//
// With no trusted proxy (TRUSTED_PROXY_HOPS=0, the default) that peer is the client and
// X-Forwarded-For is ignored. With N trusted proxies in front, the peer is the nearest proxy, and the
// last N entries of X-Forwarded-For are the ones those proxies appended: the furthest of them (N from
// the end) is the address the outermost trusted proxy saw. Anything left of it the client wrote.
export const PEER_HEADER = 'x-newsroom-peer';

type HeaderSource = { get(name: string): string | null | undefined };

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

export function clientIp(headers: HeaderSource, hops = trustedProxyHops()): string {
  const peer = headers.get(PEER_HEADER)?.trim() || '';
  if (hops === 0) return normalise(peer);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: every entry came from a trusted proxy; the first is the furthest.
  const chosen = forwarded.length >= hops ? forwarded[forwarded.length - hops] : (forwarded[0] ?? peer);
  return normalise(chosen ?? '');
}

function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') || 'unknown';
}
