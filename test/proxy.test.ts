// The proxy in front of every request: caching headers by route and session, the CSP nonce handed to
// the render, and a retracted story answered with 410 from the database, without a request to the app.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxy } from '../proxy';
import { loadSampleIssue } from '../seeds/load-sample';
import { openTestDatabase } from './support/database';

const db = openTestDatabase();
const DAYU = '/articles/ke-cheng-duo-xia-da-yu-ding';
const SESSION = { cookie: 'next-auth.session-token=abc' };

const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new NextRequest(`http://localhost${path}`, { headers, method });

beforeAll(async () => {
  await loadSampleIssue(db);
});
afterAll(() => db.$disconnect());

describe('caching headers', () => {
  it('marks an anonymous reader page cacheable by shared caches for a second, ending at a whole second for nginx', async () => {
    const response = await proxy(request('/issues/1705/pages/2'));
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=5');
    expect(response.headers.get('x-accel-expires')).toMatch(/^@\d{10}$/);
  });

  it('never lets a shared cache keep a page asked for with a session cookie', async () => {
    const response = await proxy(request('/', SESSION));
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('x-accel-expires')).toBeNull();
  });

  it('never lets a shared cache keep sign-in, invitations, the API or the newsroom (signed in or not)', async () => {
    for (const path of ['/login', '/invite/abc', '/api/health'])
      expect((await proxy(request(path))).headers.get('cache-control'), path).toContain('no-store');
    const redirect = await proxy(request('/newsroom'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('cache-control')).toContain('no-store');
    expect((await proxy(request('/newsroom', SESSION))).headers.get('cache-control')).toContain('no-store');
  });

  it('gives each render its own nonce, in the header and in what the page renders with', async () => {
    const first = await proxy(request('/'));
    const second = await proxy(request('/'));
    const nonce = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce(first));
    expect(first.headers.get('content-security-policy')).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/,
    );
  });
});

describe('retracted stories', () => {
  it('answers 410 with the notice, briefly cacheable, straight from the database', async () => {
    expect((await proxy(request(DAYU))).status).toBe(200);
    await db.article.update({
      where: { slug: 'ke-cheng-duo-xia-da-yu-ding' },
      data: {
        status: 'RETRACTED',
        retractedAt: new Date('2026-11-26T02:30:00Z'),
        retractionNote: '本文信息有误，已撤稿。',
      },
    });
    const gone = await proxy(request(DAYU));
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(gone.headers.get('cache-control')).toContain('s-maxage=1');
    const html = await gone.text();
    expect(html).toContain('《柯城夺下“大禹鼎”》已于');
    expect(html).toContain('撤稿说明：本文信息有误，已撤稿。');
  });

  it('leaves unknown and malformed slugs to the page (404)', async () => {
    expect((await proxy(request('/articles/no-such-story'))).status).toBe(200);
    expect((await proxy(request('/articles/%3Cscript%3E'))).status).toBe(200);
  });
});
