import { describe, expect, it } from 'vitest';

import { ConfigError } from './database';
import { isListedPeer, parseTrustedProxies, resolveHost, resolveTrustedProxies } from './listen';

describe('resolveHost', () => {
  it('listens on loopback behind trusted proxies unless HOST says otherwise', () => {
    expect(resolveHost({ TRUSTED_PROXY_HOPS: '1' })).toBe('127.0.0.1');
    expect(resolveHost({ TRUSTED_PROXY_HOPS: '1', HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
  it('keeps every interface without proxies, and takes an IPv4, IPv6 or localhost HOST', () => {
    expect(resolveHost({})).toBeUndefined();
    expect(resolveHost({ TRUSTED_PROXY_HOPS: '0' })).toBeUndefined();
    for (const host of ['127.0.0.1', '::1', 'localhost', '192.168.1.20'])
      expect(resolveHost({ HOST: host })).toBe(host);
  });
  it('refuses a HOST that is not an address, in one Chinese line', () => {
    for (const host of ['example.com', '300.1.1.1', '127.0.0.1:3000'])
      expect(() => resolveHost({ HOST: host })).toThrow(ConfigError);
    expect(() => resolveHost({ HOST: 'example.com' })).toThrow(/HOST "example.com" 不是 IP 地址/);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('defaults to loopback, IPv4 (the whole 127/8) and IPv6, IPv4-mapped peers included', () => {
    const list = resolveTrustedProxies({});
    for (const peer of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect(isListedPeer(list, peer)).toBe(true);
    for (const peer of ['192.0.2.250', '10.0.0.1', '::ffff:192.0.2.250', '', 'unknown'])
      expect(isListedPeer(list, peer)).toBe(false);
  });
  it('reads addresses and ranges, comma-separated', () => {
    const list = resolveTrustedProxies({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.7 ,fd00::/8' });
    expect(isListedPeer(list, '10.20.30.40')).toBe(true);
    expect(isListedPeer(list, '192.0.2.7')).toBe(true);
    expect(isListedPeer(list, '192.0.2.8')).toBe(false);
    expect(isListedPeer(list, 'fd12::1')).toBe(true);
    expect(isListedPeer(list, '127.0.0.1')).toBe(false);
  });
  it('refuses an entry that is not an address or range, naming it', () => {
    for (const value of ['nginx', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x'])
      expect(parseTrustedProxies(value).ok).toBe(false);
    expect(() => resolveTrustedProxies({ TRUSTED_PROXIES: '127.0.0.1,front' })).toThrow(/"front" 不是地址/);
  });
});
