import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';

import { configuredOrigins, originAllowed, originVerdict, type OriginPolicy } from './origin';

const direct: OriginPolicy = { allowedOrigins: [], trustedProxyHops: 0 };
const behindFront: OriginPolicy = { allowedOrigins: [], trustedProxyHops: 1 };
const verdict = (headers: IncomingHttpHeaders, policy = direct, encrypted = false) =>
  originVerdict(headers, encrypted, policy);

describe('the co-editing socket’s origin rule', () => {
  it('accepts the page of whatever address the browser used: localhost, 127.0.0.1, another loopback (a LAN address)', () => {
    expect(verdict({ host: 'localhost:3000', origin: 'http://localhost:3000' })).toBe('same-host');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe('same-host');
    expect(verdict({ host: '127.0.0.2:3000', origin: 'http://127.0.0.2:3000' })).toBe('same-host');
    expect(verdict({ host: 'News.Example.cn', origin: 'http://news.example.cn' })).toBe('same-host');
    expect(verdict({ host: '[::1]:3000', origin: 'http://[::1]:3000' })).toBe('same-host');
    // The default port is the same origin written either way.
    expect(verdict({ host: 'news.example.cn:80', origin: 'http://news.example.cn' })).toBe('same-host');
  });

  it('accepts the page through the local front (nginx passes Host as the browser sent it, port included)', () => {
    expect(
      verdict(
        {
          host: '127.0.0.1:8080',
          origin: 'http://127.0.0.1:8080',
          'x-forwarded-for': '127.0.0.1',
          'x-forwarded-proto': 'http',
        },
        behindFront,
      ),
    ).toBe('same-host');
  });

  it('refuses another site, another port of the same host, another scheme, and the null origin', () => {
    expect(verdict({ host: '127.0.0.1:3000', origin: 'https://evil.example' })).toBe('foreign');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' })).toBe('foreign');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://127.0.0.2:3000' })).toBe('foreign');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'https://127.0.0.1:3000' })).toBe('foreign');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'null' })).toBe('foreign');
    expect(verdict({ origin: 'http://127.0.0.1:3000' })).toBe('foreign');
    expect(verdict({ host: 'evil.example/x', origin: 'http://evil.example' })).toBe('foreign');
    expect(originAllowed('foreign')).toBe(false);
  });

  it('with a trusted proxy, accepts the host and scheme it forwarded (TLS ends at the proxy)', () => {
    const headers = {
      host: 'kecheng_app',
      origin: 'https://news.example.cn',
      'x-forwarded-host': 'news.example.cn',
      'x-forwarded-proto': 'https',
    };
    expect(verdict(headers, behindFront)).toBe('forwarded-host');
    // The outermost trusted proxy's entry: with two hops, the one two from the end.
    expect(
      verdict(
        {
          ...headers,
          'x-forwarded-host': 'evil.example, news.example.cn, inner.lan',
          'x-forwarded-proto': 'http, https, http',
        },
        { ...behindFront, trustedProxyHops: 2 },
      ),
    ).toBe('forwarded-host');
    expect(verdict({ ...headers, origin: 'https://evil.example' }, behindFront)).toBe('foreign');
    // The scheme the proxy saw must match too.
    expect(verdict({ ...headers, origin: 'http://news.example.cn' }, behindFront)).toBe('foreign');
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto without trusted hops (anyone can send them)', () => {
    const spoofed = {
      host: '127.0.0.1:3000',
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    };
    expect(verdict(spoofed)).toBe('foreign');
    expect(verdict(spoofed, behindFront)).toBe('forwarded-host');
  });

  it('accepts the origins the settings name (SITE_URL, NEXTAUTH_URL, COLLAB_ORIGINS)', () => {
    const policy: OriginPolicy = {
      allowedOrigins: configuredOrigins({
        SITE_URL: 'https://news.example.cn/',
        COLLAB_ORIGINS: ' http://editor.lan:3000 ,',
      }),
      trustedProxyHops: 0,
    };
    expect(policy.allowedOrigins).toEqual(['https://news.example.cn', 'http://editor.lan:3000']);
    expect(verdict({ host: '127.0.0.1:3000', origin: 'https://news.example.cn' }, policy)).toBe('listed');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://editor.lan:3000' }, policy)).toBe('listed');
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://editor.lan:3001' }, policy)).toBe('foreign');
  });

  it('lets a client without Origin (bench and command-line clients; never a browser) go on to the session check', () => {
    expect(verdict({ host: '127.0.0.1:3000' })).toBe('no-origin');
    expect(originAllowed('no-origin')).toBe(true);
  });

  it('a request that arrived over TLS (served directly) wants an https page', () => {
    expect(verdict({ host: 'news.example.cn', origin: 'https://news.example.cn' }, direct, true)).toBe('same-host');
    expect(verdict({ host: 'news.example.cn', origin: 'http://news.example.cn' }, direct, true)).toBe('foreign');
  });
});
