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
// Those entries count only when the peer is one of the proxies (TRUSTED_PROXIES, default loopback):
// a client that reaches the app port itself is its own peer, and what it wrote in X-Forwarded-For is
// ignored (issue 29: locked out through the front, it signed in straight to the app port as
// "192.0.2.250").
import type { BlockList } from 'node:net';

import { isListedPeer, resolveTrustedProxies } from '../config/listen';

export const PEER_HEADER = 'x-newsroom-peer';

type HeaderSource = { get(name: string): string | null | undefined };

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

let proxiesFor: { value: string | undefined; list: BlockList } | null = null;

/** TRUSTED_PROXIES as a list (start-up has refused a malformed one), kept while the setting stays the same. */
export function trustedProxies(env: Record<string, string | undefined> = process.env): BlockList {
  if (!proxiesFor || proxiesFor.value !== env.TRUSTED_PROXIES)
    proxiesFor = { value: env.TRUSTED_PROXIES, list: resolveTrustedProxies(env) };
  return proxiesFor.list;
}

export function clientIp(headers: HeaderSource, hops = trustedProxyHops(), proxies = trustedProxies()): string {
  const peer = headers.get(PEER_HEADER)?.trim() || '';
  if (hops === 0 || !isListedPeer(proxies, peer)) return normalise(peer);
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
