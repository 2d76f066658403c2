// The micro-cache's key, bypass and expiry rules, and the nginx front saying the same (one table,
// read here from deploy/nginx/, so the app's cache and the front's cannot drift apart).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { PRIVATE_ROUTES } from './cache-policy';
import {
  cacheKey,
  GZIP_PATTERN,
  isCacheableRequest,
  lifetimeOf,
  normalizedRequestHeaders,
  ROUTER_HEADERS,
  RSC_VALUE,
  SESSION_COOKIE_PATTERN,
} from './micro-cache-rules';

const NGINX = path.resolve(import.meta.dirname, '..', '..', 'deploy', 'nginx');
const httpConf = fs.readFileSync(path.join(NGINX, 'kecheng-http.conf'), 'utf8');
const locations = fs.readFileSync(path.join(NGINX, 'kecheng-locations.conf'), 'utf8');
const proxyConf = fs.readFileSync(path.join(NGINX, 'kecheng-proxy.conf'), 'utf8');

describe('the nginx front keeps the same rules', () => {
  it('the session cookie that bypasses the cache', () => {
    const map = /map \$http_cookie \$kecheng_session \{\s*"~([^"]+)"\s+1;/.exec(httpConf);
    expect(map?.[1]).toBe(SESSION_COOKIE_PATTERN);
  });

  it('RSC only for the exact value, gzip or nothing', () => {
    expect(/map \$http_rsc \$kecheng_rsc \{\s*"([^"]*)"\s+1;/.exec(httpConf)?.[1]).toBe(RSC_VALUE);
    expect(/map \$http_accept_encoding \$kecheng_gzip \{\s*"~\*([^"]+)"\s+gzip;/.exec(httpConf)?.[1]).toBe(
      GZIP_PATTERN,
    );
    expect(proxyConf).toMatch(/proxy_set_header Accept-Encoding \$kecheng_gzip;/);
  });

  it('the variant: html|gzip, or rsc|gzip| and the router headers in the same order', () => {
    const variant = /map \$kecheng_rsc \$kecheng_variant \{\s*1\s+"([^"]+)";\s*default\s+"([^"]+)";/.exec(httpConf);
    expect(variant?.[2]).toBe('html|$kecheng_gzip');
    const parts = variant![1]!.split('|');
    expect(parts.slice(0, 2)).toEqual(['rsc', '$kecheng_gzip']);
    const headers = parts.slice(2).map((name) => {
      const source = new RegExp(`map \\$kecheng_rsc \\${name}\\s*\\{ 1 \\$http_([a-z_]+);`).exec(httpConf)?.[1];
      return source?.replaceAll('_', '-');
    });
    expect(headers).toEqual([...ROUTER_HEADERS]);
    // Each reaches the app only through its normalized variable.
    for (const header of ROUTER_HEADERS)
      expect(locations.toLowerCase()).toContain(`proxy_set_header ${header} $kecheng_`);
  });

  it('the key is the host, the full URI and the variant; the newsroom, sign-in, invitations and API never cached', () => {
    expect(locations).toContain('proxy_cache_key "$scheme://$host$request_uri|$kecheng_variant";');
    const uncached =
      /location ~ (\S+) \{\s*(?:limit_\w+ [^;]+;\s*)*proxy_pass http:\/\/kecheng_app;\s*include kecheng\/kecheng-proxy\.conf;\s*\}/.exec(
        locations,
      );
    expect(uncached?.[1]).toBe(PRIVATE_ROUTES.source.replaceAll('\\/', '/'));
    expect(locations).toContain('proxy_cache_bypass $kecheng_session;');
    expect(locations).toContain('proxy_no_cache $kecheng_session;');
  });
});

describe('isCacheableRequest', () => {
  it('anonymous GET and HEAD of reader routes', () => {
    for (const pathname of ['/', '/articles/a', '/issues/3/pages/2', '/archive/2016/5', '/feed.xml', '/search'])
      expect(isCacheableRequest('GET', pathname, {})).toBe(true);
    expect(isCacheableRequest('HEAD', '/articles/a', {})).toBe(true);
  });

  it('never with a session cookie (or one of its chunks), for other methods, or outside the reader routes', () => {
    expect(isCacheableRequest('GET', '/', { cookie: 'a=1; next-auth.session-token=x' })).toBe(false);
    expect(isCacheableRequest('GET', '/', { cookie: '__Secure-next-auth.session-token.0=x' })).toBe(false);
    expect(isCacheableRequest('GET', '/', { cookie: 'next-auth.csrf-token=x' })).toBe(true);
    expect(isCacheableRequest('POST', '/', {})).toBe(false);
    for (const pathname of [
      '/newsroom',
      '/login',
      '/api/health',
      '/invite/x',
      '/media/ab/cd/800.webp',
      '/_next/static/x.js',
    ])
      expect(isCacheableRequest('GET', pathname, {})).toBe(false);
  });
});

describe('cacheKey and the headers the app is asked with', () => {
  it('junk router headers on an HTML request neither reach the app nor change the key', () => {
    const junk = { host: 'news.test', rsc: 'yes', 'next-router-state-tree': 'evil', 'next-url': '/evil' };
    expect(cacheKey('news.test', '/articles/a', junk)).toBe(
      cacheKey('news.test', '/articles/a', { host: 'news.test' }),
    );
    expect(normalizedRequestHeaders(junk)).toEqual({ host: 'news.test' });
  });

  it('validators never reach the app on a miss: the copy is always the whole answer', () => {
    const conditional = {
      host: 'news.test',
      'if-none-match': '"abc"',
      'if-modified-since': 'Sun, 06 Dec 2026 00:00:00 GMT',
    };
    expect(normalizedRequestHeaders(conditional)).toEqual({ host: 'news.test' });
    expect(cacheKey('news.test', '/app/feed.json', conditional)).toBe(
      cacheKey('news.test', '/app/feed.json', { host: 'news.test' }),
    );
  });

  it('an RSC request keys on every router header verbatim; a query string makes its own entry', () => {
    const rsc = { rsc: '1', 'next-router-state-tree': 'tree', 'accept-encoding': 'br, GZIP' };
    expect(cacheKey('news.test', '/articles/a', rsc)).toBe('news.test/articles/a|rsc|gzip||||tree');
    expect(normalizedRequestHeaders(rsc)).toEqual({
      rsc: '1',
      'next-router-state-tree': 'tree',
      'accept-encoding': 'gzip',
    });
    expect(cacheKey('news.test', '/articles/a?x=1', {})).not.toBe(cacheKey('news.test', '/articles/a', {}));
    expect(cacheKey('News.Test', '/', { 'accept-encoding': 'br' })).toBe('news.test/|html|');
  });
});

describe('lifetimeOf', () => {
  const at = 10_000_400; // 0.4 s into second 10,000

  it('X-Accel-Expires @<second>: until the end of that second; the stale window from the header', () => {
    const headers = {
      'cache-control': 'public, max-age=0, s-maxage=1, stale-while-revalidate=5',
      'x-accel-expires': '@10000',
    };
    expect(lifetimeOf(200, headers, at)).toEqual({ freshUntil: 10_001_000, staleUntil: 10_006_000 });
    expect(lifetimeOf(410, headers, at)).not.toBeNull();
  });

  it('a number of seconds, else s-maxage', () => {
    expect(lifetimeOf(200, { 'x-accel-expires': '2' }, at)?.freshUntil).toBe(at + 2000);
    expect(lifetimeOf(200, { 'cache-control': 'public, s-maxage=1' }, at)).toEqual({
      freshUntil: at + 1000,
      staleUntil: at + 1000,
    });
  });

  it('not kept: no lifetime, one already over, private or no-store, a cookie being set, a server error', () => {
    const reader = { 'cache-control': 'public, s-maxage=1', 'x-accel-expires': '@10000' };
    expect(lifetimeOf(200, { 'cache-control': 'public, max-age=0' }, at)).toBeNull();
    expect(lifetimeOf(200, { ...reader, 'x-accel-expires': '@9999' }, at)).toBeNull();
    expect(lifetimeOf(200, { ...reader, 'cache-control': 'private, no-cache, no-store' }, at)).toBeNull();
    expect(lifetimeOf(200, { ...reader, 'set-cookie': 'a=1' }, at)).toBeNull();
    expect(lifetimeOf(500, reader, at)).toBeNull();
    expect(lifetimeOf(200, { 'x-accel-expires': '0' }, at)).toBeNull();
  });
});
