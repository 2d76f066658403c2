// The app's micro-cache with a render of its own (no Next): what a copy holds, one render per key,
// the stale window, changes, the memory bound, and requests that try to poison a copy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

import { MicroCache, renderWhole, send, type Rendered } from './micro-cache';

const SECOND = 10_000; // the clock starts at the beginning of second 10,000

function setup(options: { budgetBytes?: number; cookie?: boolean; status?: number } = {}) {
  let now = SECOND * 1000;
  let status = options.status ?? 200;
  let expiredAt = 0;
  let renders = 0;
  const asked: { method: string; url: string; headers: Record<string, string> }[] = [];
  let fail = false;
  let release: (() => void) | null = null;
  let hold = false;
  const cache = new MicroCache({
    budgetBytes: options.budgetBytes ?? 1024 * 1024,
    now: () => now,
    readerDataExpiredAt: () => expiredAt,
    render: async (method, url, headers) => {
      asked.push({ method, url, headers });
      renders++;
      const nonce = `nonce-${renders}`;
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error('render failed');
      const answer: Rendered = {
        status,
        headers: [
          ['Content-Security-Policy', `script-src 'nonce-${nonce}'`],
          ['Cache-Control', 'public, max-age=0, s-maxage=1, stale-while-revalidate=5'],
          ['X-Accel-Expires', `@${Math.floor(now / 1000)}`],
          ['Connection', 'keep-alive'],
          ...(options.cookie ? ([['Set-Cookie', `id=${renders}`]] as [string, string][]) : []),
        ],
        body: Buffer.from(`<script nonce="${nonce}">${url} ${headers.rsc ?? 'html'}</script>`),
      };
      return answer;
    },
  });
  return {
    cache,
    asked,
    renders: () => renders,
    tick: (ms: number) => (now += ms),
    expire: () => (expiredAt = now),
    failNext: (value: boolean) => (fail = value),
    hold: (value: boolean) => (hold = value),
    release: () => release?.(),
    answerWith: (value: number) => (status = value),
  };
}

const get = (cache: MicroCache, url = '/articles/a', headers: Record<string, string> = {}) =>
  cache.answer('GET', url, { host: 'news.test', ...headers });

const header = (answer: Rendered, name: string) => answer.headers.find(([n]) => n.toLowerCase() === name)?.[1];
const nonceInBody = (answer: Rendered) => /nonce="([^"]+)"/.exec(answer.body.toString())?.[1];

describe('MicroCache', () => {
  it('a copy is one render whole: its CSP nonce is the nonce of its scripts, on every hit', async () => {
    const t = setup();
    const [first, firstStatus] = await get(t.cache);
    const [second, secondStatus] = await get(t.cache);
    expect([firstStatus, secondStatus]).toEqual(['MISS', 'HIT']);
    expect(second).toEqual(first);
    expect(header(second, 'content-security-policy')).toBe(`script-src 'nonce-${nonceInBody(second)}'`);
    expect(header(second, 'connection')).toBeUndefined(); // a connection's header is not kept
    t.tick(1000); // the next second: a new render, with its own nonce in both places
    const [third, thirdStatus] = await get(t.cache);
    expect(thirdStatus).toBe('EXPIRED');
    expect(nonceInBody(third)).toBe('nonce-2');
    expect(header(third, 'content-security-policy')).toBe(`script-src 'nonce-nonce-2'`);
  });

  it('lives until the end of the second it was made in, as X-Accel-Expires says', async () => {
    const t = setup();
    t.tick(400);
    await get(t.cache);
    t.tick(599);
    expect((await get(t.cache))[1]).toBe('HIT');
    t.tick(1);
    expect((await get(t.cache))[1]).toBe('EXPIRED');
    expect(t.renders()).toBe(2);
  });

  it('concurrent misses wait for one render (no stampede)', async () => {
    const t = setup();
    t.hold(true);
    const all = Promise.all(Array.from({ length: 50 }, () => get(t.cache)));
    await Promise.resolve();
    t.release();
    const answers = await all;
    expect(t.renders()).toBe(1);
    expect(new Set(answers.map(([answer]) => nonceInBody(answer)))).toEqual(new Set(['nonce-1']));
  });

  it('while an expired copy is re-rendered, others get it within the stale window; the renderer waits for the new one', async () => {
    const t = setup();
    await get(t.cache);
    t.tick(1500);
    t.hold(true);
    const refreshing = get(t.cache);
    const [meanwhile, status] = await get(t.cache);
    expect(status).toBe('STALE');
    expect(nonceInBody(meanwhile)).toBe('nonce-1');
    t.release();
    const [fresh, freshStatus] = await refreshing;
    expect([nonceInBody(fresh), freshStatus]).toEqual(['nonce-2', 'EXPIRED']);
    t.hold(false);
    t.tick(10_000); // past the stale window: nobody gets the old copy, even during a render
    t.hold(true);
    const late = get(t.cache);
    const waiting = get(t.cache);
    t.release();
    expect((await waiting)[1]).toBe('EXPIRED');
    expect(nonceInBody((await late)[0])).toBe('nonce-3');
  });

  it('a failed render serves the last copy; with none, the failure is passed on', async () => {
    const t = setup();
    await get(t.cache);
    t.tick(2000);
    t.failNext(true);
    const [answer, status] = await get(t.cache);
    expect([nonceInBody(answer), status]).toEqual(['nonce-1', 'STALE']);
    await expect(get(t.cache, '/articles/b')).rejects.toThrow('render failed');
  });

  it('a server error while a copy remains: readers get the copy, and the error is not kept', async () => {
    const t = setup();
    await get(t.cache);
    t.tick(2000);
    t.answerWith(500);
    const [answer, status] = await get(t.cache);
    expect([answer.status, nonceInBody(answer), status]).toEqual([200, 'nonce-1', 'STALE']);
    expect((await get(t.cache, '/articles/b'))[0].status).toBe(500); // nothing to fall back on
  });

  it('a change to reader data (any instance) drops every copy made before it', async () => {
    const t = setup();
    await get(t.cache);
    t.tick(100);
    t.expire();
    t.tick(1);
    const [answer, status] = await get(t.cache);
    expect(status).toBe('MISS');
    expect(nonceInBody(answer)).toBe('nonce-2');
  });

  it('an answer that sets a cookie is neither kept nor given to another reader', async () => {
    const t = setup({ cookie: true });
    t.hold(true);
    const first = get(t.cache);
    const second = get(t.cache);
    t.release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    t.release();
    const [a, b] = [(await first)[0], (await second)[0]];
    expect(header(a, 'set-cookie')).not.toBe(header(b, 'set-cookie'));
    expect(t.renders()).toBe(2);
  });

  it('server errors are not kept', async () => {
    const t = setup({ status: 500 });
    await get(t.cache);
    await get(t.cache);
    expect(t.renders()).toBe(2);
  });

  it('keeps at most its memory budget, least recently used dropped first', async () => {
    const t = setup({ budgetBytes: 1300 }); // two copies
    await get(t.cache, '/articles/a');
    await get(t.cache, '/articles/b');
    await get(t.cache, '/articles/a'); // a is now the most recently used
    await get(t.cache, '/articles/c');
    expect(t.cache.usedBytes).toBeLessThanOrEqual(1300);
    expect(t.cache.size).toBe(2);
    expect((await get(t.cache, '/articles/a'))[1]).toBe('HIT');
    expect((await get(t.cache, '/articles/b'))[1]).toBe('MISS');
  });

  it('HEAD is answered from the GET copy', async () => {
    const t = setup();
    await get(t.cache);
    const [, status] = await t.cache.answer('HEAD', '/articles/a', { host: 'news.test' });
    expect(status).toBe('HIT');
    expect(t.asked.map((a) => a.method)).toEqual(['GET']);
  });
});

describe('freshCopy (the synchronous hit)', () => {
  it('finds exactly what answer() would call a HIT, and nothing else', async () => {
    const t = setup();
    const fresh = (method = 'GET', url = '/articles/a', headers: Record<string, string> = {}) =>
      t.cache.freshCopy(method, url, { host: 'news.test', ...headers });
    expect(fresh()).toBeUndefined(); // nothing kept yet
    const [copy] = await get(t.cache);
    expect(fresh()).toBe(copy);
    expect(fresh('HEAD')).toBe(copy);
    expect(fresh('GET', '/articles/a', { rsc: 'true', 'next-url': '/evil' })).toBe(copy); // junk: the HTML copy
    expect(fresh('GET', '/articles/a', { cookie: 'theme=dark' })).toBe(copy);
    expect(fresh('GET', '/articles/a', { rsc: '1' })).toBeUndefined(); // its own key
    expect(fresh('GET', '/articles/a?utm=x')).toBeUndefined();
    expect(fresh('POST')).toBeUndefined();
    expect(fresh('GET', '/articles/a', { cookie: 'next-auth.session-token=abc' })).toBeUndefined();
    expect(t.renders()).toBe(1);
    t.tick(1000); // past its lifetime: answer() decides (stale or a new render)
    expect(fresh()).toBeUndefined();
    const [, status] = await get(t.cache);
    expect(status).toBe('EXPIRED');
    expect(fresh()).toBeDefined();
    t.expire(); // a change on any instance
    expect(fresh()).toBeUndefined();
  });
});

describe('poisoning', () => {
  it('junk RSC and router headers reach no render and leave the HTML copy as it is', async () => {
    const t = setup();
    const [clean] = await get(t.cache);
    const [junk, status] = await get(t.cache, '/articles/a', { rsc: 'true', 'next-router-state-tree': '%5B%22evil' });
    expect(status).toBe('HIT');
    expect(junk).toEqual(clean);
    t.tick(1000);
    await get(t.cache, '/articles/a', { rsc: '0', 'next-url': '/evil', 'next-router-prefetch': '1' });
    expect(t.asked.at(-1)!.headers).toEqual({ host: 'news.test' });
  });

  it('an RSC request and a cache-busting query fill their own copies, never the clean HTML one', async () => {
    const t = setup();
    await get(t.cache, '/articles/a', { rsc: '1', 'next-router-state-tree': 'x' });
    await get(t.cache, '/articles/a?utm=evil');
    const [html, status] = await get(t.cache);
    expect(status).toBe('MISS');
    expect(html.body.toString()).toBe('<script nonce="nonce-3">/articles/a html</script>');
  });
});

describe('send', () => {
  it('writes the copy with its own headers, its length and how it was found; HEAD without the body', async () => {
    const answer: Rendered = {
      status: 410,
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', '999'],
        ['Vary', 'RSC, Accept-Encoding'],
      ],
      body: Buffer.from('<p>已撤稿</p>'),
    };
    const server = http.createServer((request, response) => send(request, response, answer, 'HIT'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/articles/a`;
    try {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(url, { method });
        expect(response.status).toBe(410);
        expect(response.headers.get('content-length')).toBe(String(answer.body.length));
        expect(response.headers.get('x-app-cache')).toBe('HIT');
        expect(response.headers.get('vary')).toBe('RSC, Accept-Encoding');
        expect(await response.text()).toBe(method === 'GET' ? '<p>已撤稿</p>' : '');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('an answer sent again and again carries each time how that request was found', async () => {
    const answer: Rendered = { status: 200, headers: [['Content-Type', 'text/plain']], body: Buffer.from('ok') };
    const statuses = ['HIT', 'STALE', null, 'HIT'] as const;
    let next = 0;
    const server = http.createServer((request, response) => send(request, response, answer, statuses[next++]!));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const seen: (string | null)[] = [];
      for (let i = 0; i < statuses.length; i++) {
        const response = await fetch(url);
        expect(await response.text()).toBe('ok');
        expect(response.headers.get('content-length')).toBe('2');
        seen.push(response.headers.get('x-app-cache'));
      }
      expect(seen).toEqual(['HIT', 'STALE', null, 'HIT']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers 304 without a body when the reader holds the copy's ETag, the copy otherwise", async () => {
    const answer: Rendered = {
      status: 200,
      headers: [
        ['Content-Type', 'application/feed+json; charset=utf-8'],
        ['ETag', '"feed-1"'],
      ],
      body: Buffer.from('{"items":[]}'),
    };
    const server = http.createServer((request, response) => send(request, response, answer, 'HIT'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/feed.json`;
    try {
      const held = await fetch(url, { headers: { 'If-None-Match': 'W/"feed-1"' } });
      expect(held.status).toBe(304);
      expect(held.headers.get('etag')).toBe('"feed-1"');
      expect(await held.text()).toBe('');
      const other = await fetch(url, { headers: { 'If-None-Match': '"feed-0"' } });
      expect(other.status).toBe(200);
      expect(await other.text()).toBe('{"items":[]}');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('renderWhole (micro-cache off, as behind the front)', () => {
  it('asks as the cache would, as a GET with normalized headers, and keeps no connection headers, so send() gives it a Content-Length', async () => {
    const asked: { method: string; headers: Record<string, string> }[] = [];
    const whole = await renderWhole(
      async (method, _url, headers) => {
        asked.push({ method, headers });
        return {
          status: 200,
          headers: [
            ['Content-Type', 'text/html; charset=utf-8'],
            ['Transfer-Encoding', 'chunked'],
            ['Connection', 'keep-alive'],
            ['Date', 'Sun, 06 Dec 2026 15:00:00 GMT'],
            ['Content-Security-Policy', "script-src 'nonce-abc'"],
          ],
          body: Buffer.from('<p>柯城</p>'),
        };
      },
      '/articles/a',
      { 'accept-encoding': 'gzip, deflate, br', 'next-router-state-tree': 'junk' },
    );
    expect(asked).toEqual([{ method: 'GET', headers: { 'accept-encoding': 'gzip' } }]);
    expect(whole.headers).toEqual([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Security-Policy', "script-src 'nonce-abc'"],
    ]);
    const server = http.createServer((request, response) => send(request, response, whole, null));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/articles/a`);
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>柯城</p>')));
      expect(response.headers.get('transfer-encoding')).toBeNull();
      expect(response.headers.get('x-app-cache')).toBeNull();
      expect(await response.text()).toBe('<p>柯城</p>');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
