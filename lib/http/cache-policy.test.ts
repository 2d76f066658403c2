import { describe, expect, it } from 'vitest';

import { accelExpires, cacheClassOf, cacheControlFor } from './cache-policy';

describe('cacheClassOf', () => {
  it('lets shared caches keep every anonymous reader route', () => {
    for (const path of [
      '/',
      '/issues/1705',
      '/issues/1705/pages/2',
      '/articles/ke-cheng',
      '/archive',
      '/archive/2020/8',
      '/accessibility',
      '/feed.xml',
      '/sitemap.xml',
      '/sitemaps/2020.xml',
      '/robots.txt',
      '/app/feed.json',
      '/app/articles/ke-cheng',
    ]) {
      expect(cacheClassOf(path, false, 'GET'), path).toBe('reader');
    }
    expect(cacheClassOf('/search', false, 'GET')).toBe('search');
  });

  it('never caches a request with a session, the newsroom, sign-in, invitations or the API', () => {
    expect(cacheClassOf('/', true, 'GET')).toBe('never');
    expect(cacheClassOf('/articles/ke-cheng', true, 'GET')).toBe('never');
    expect(cacheClassOf('/search', true, 'GET')).toBe('never');
    for (const path of [
      '/newsroom',
      '/newsroom/articles/x',
      '/login',
      '/invite/abc',
      '/two-factor',
      '/api/health',
      '/api/auth/session',
    ]) {
      expect(cacheClassOf(path, false, 'GET'), path).toBe('never');
    }
  });

  it('leaves the versioned 审校词库 answer its own header (the browser keeps it privately), nothing else under the API', () => {
    expect(cacheClassOf('/api/newsroom/proofing-lists/0123abcd', true, 'GET')).toBe('own');
    expect(cacheClassOf('/api/newsroom/proofing-lists/0123abcd', true, 'POST')).toBe('never');
    expect(cacheClassOf('/api/newsroom/proofing-lists', true, 'GET')).toBe('never');
    expect(cacheClassOf('/api/newsroom/proofing-lists/a/b', true, 'GET')).toBe('never');
  });

  it('never caches a form post to a reader page (a server action)', () => {
    expect(cacheClassOf('/articles/ke-cheng', false, 'POST')).toBe('never');
  });

  it('leaves other paths (media, icons) to their own headers, and does not match look-alike prefixes', () => {
    expect(cacheClassOf('/media/ab/cd/800.webp', false, 'GET')).toBe('own');
    expect(cacheClassOf('/icon.svg', false, 'GET')).toBe('own');
    expect(cacheClassOf('/issuesx', false, 'GET')).toBe('own');
    expect(cacheClassOf('/newsroomx', false, 'GET')).toBe('own');
  });
});

describe('cacheControlFor', () => {
  it('gives shared caches one second and a stale window, browsers nothing', () => {
    expect(cacheControlFor('reader')).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=5');
    expect(cacheControlFor('search')).toMatch(/^public, max-age=0, s-maxage=1, stale-while-revalidate=\d+$/);
    expect(cacheControlFor('never')).toContain('no-store');
    expect(cacheControlFor('never')).toContain('private');
  });
});

describe('accelExpires', () => {
  it('ends at the current whole second, so nginx keeps an answer at most one second', () => {
    expect(accelExpires(new Date('2026-11-26T12:00:00.999Z'))).toBe(`@${Date.UTC(2026, 10, 26, 12) / 1000}`);
  });
});
