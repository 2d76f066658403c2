import { describe, expect, it } from 'vitest';

import { parseTrustedProxies } from '../config/listen';
import { clientIp, PEER_HEADER, trustedProxies, trustedProxyHops } from './client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

/** The front in these examples is on 10.0.0.0/24. */
const parsed = parseTrustedProxies('10.0.0.0/24');
if (!parsed.ok) throw new Error('the example list parses');
const front = parsed.list;

describe('clientIp without a trusted proxy', () => {
  it('uses the socket peer our server wrote, never a forged X-Forwarded-For', () => {
    expect(clientIp(headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '6.6.6.6' }), 0)).toBe('198.51.100.7');
    expect(
      clientIp(headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 198.51.100.7' }), 0),
    ).toBe('198.51.100.7');
    expect(clientIp(headers({ [PEER_HEADER]: '198.51.100.7', 'x-real-ip': '6.6.6.6' }), 0)).toBe('198.51.100.7');
  });
  it('is unknown (one shared bucket, never a chosen one) when the peer is missing', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '6.6.6.6' }), 0)).toBe('unknown');
  });
  it('unwraps IPv4-mapped IPv6 and keeps real IPv6', () => {
    expect(clientIp(headers({ [PEER_HEADER]: '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(clientIp(headers({ [PEER_HEADER]: '2001:db8::1' }), 0)).toBe('2001:db8::1');
  });
});

describe('clientIp behind trusted proxies', () => {
  it('takes the entry the one trusted proxy appended, not what the client sent before it', () => {
    // client forged "6.6.6.6"; nginx appended the client's real address 203.0.113.9; nginx is the peer.
    expect(clientIp(headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), 1, front)).toBe(
      '203.0.113.9',
    );
    expect(clientIp(headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-for': '203.0.113.9' }), 1, front)).toBe(
      '203.0.113.9',
    );
  });
  it('steps back over two trusted hops', () => {
    expect(
      clientIp(headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.1' }), 2, front),
    ).toBe('203.0.113.9');
  });
  it('falls back to the furthest entry, then the peer, when proxies appended fewer entries', () => {
    expect(clientIp(headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '10.0.0.1' }), 2, front)).toBe('10.0.0.1');
    expect(clientIp(headers({ [PEER_HEADER]: '10.0.0.2' }), 1, front)).toBe('10.0.0.2');
  });
});

describe('clientIp when the peer is not a listed proxy', () => {
  it('ignores X-Forwarded-For from a client that reached the app port itself (TRUSTED_PROXY_HOPS=1)', () => {
    const forged = headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '192.0.2.250' });
    expect(clientIp(forged, 1, front)).toBe('198.51.100.7');
    expect(
      clientIp(headers({ [PEER_HEADER]: '::ffff:198.51.100.7', 'x-forwarded-for': '192.0.2.250' }), 2, front),
    ).toBe('198.51.100.7');
  });
  it('trusts loopback peers by default, and only the listed ones when TRUSTED_PROXIES is set', () => {
    const viaLoopback = headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '203.0.113.9' });
    expect(clientIp(viaLoopback, 1, trustedProxies({}))).toBe('203.0.113.9');
    expect(clientIp(headers({ [PEER_HEADER]: '::1', 'x-forwarded-for': '203.0.113.9' }), 1, trustedProxies({}))).toBe(
      '203.0.113.9',
    );
    expect(clientIp(viaLoopback, 1, trustedProxies({ TRUSTED_PROXIES: '10.0.0.5' }))).toBe('127.0.0.1');
    const second = headers({ [PEER_HEADER]: '127.0.0.2', 'x-forwarded-for': '192.0.2.250' });
    expect(clientIp(second, 1, trustedProxies({ TRUSTED_PROXIES: '127.0.0.1' }))).toBe('127.0.0.2');
  });
  it('trusts no peer it cannot read', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '192.0.2.250' }), 1, front)).toBe('unknown');
  });
});

describe('trustedProxyHops', () => {
  it('reads TRUSTED_PROXY_HOPS as a small whole number, else 0', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    for (const value of ['-1', 'one', '1.5', '']) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toBe(0);
  });
});
