import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientIp', () => {
  it('takes the entry the server appended, not one the client sent', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }), 0)).toBe('10.0.0.7');
  });
  it('steps back over trusted proxies', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.1' }), 1)).toBe('203.0.113.9');
  });
  it('unwraps IPv4-mapped IPv6 and falls back to unknown', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(clientIp(headers({}), 0)).toBe('unknown');
  });
});
