// The reader pages without Next's client runtime, on real rendered pages: test/fixtures/reader-html/
// holds an article, the front page and an article's 404 as `next build` + server/serve.ts rendered them (the sample issue,
// 2026-12-06; re-captured with `curl -H 'Accept-Encoding: identity' http://127.0.0.1:<port>/…`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { CARE_MODE_SCRIPT } from '../lib/reader/care-mode-script';
import { READ_ALOUD_SCRIPT } from '../lib/reader/read-aloud-script';
import { READ_BEACON_SCRIPT } from '../lib/reads/beacon-script';
import type { Rendered } from './micro-cache';
import { readerAnswer, rendersReaderAnswers, stripClientRuntime } from './reader-html';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reader-html');
const page = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
const ARTICLE = page('article');
const READ_ALOUD = /^\(function\([^)]*\)\{[\s\S]*"\[data-read-aloud-controls\]"[\s\S]*\}\)\(document\.currentScript/;
const READ_BEACON = /^\(function\([^)]*\)\{[\s\S]*"data-slug"[\s\S]*"\/api\/reads"\);$/;
const FRONT = page('front');
const NOT_FOUND = page('not-found');

/** The nonce the page's CSP names (every script of a fixture carries it). */
const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1] ?? 'none';

function rendered(html: string, gzip: boolean, contentType = 'text/html; charset=utf-8'): Rendered {
  const body = gzip ? zlib.gzipSync(html) : Buffer.from(html);
  return {
    status: 200,
    headers: [
      ['content-security-policy', `script-src 'self' 'nonce-${nonceOf(html)}' 'strict-dynamic'`],
      ['Cache-Control', 'public, max-age=0, s-maxage=1, stale-while-revalidate=5'],
      ['Content-Type', contentType],
      ...(gzip ? ([['Content-Encoding', 'gzip']] as [string, string][]) : []),
      ['Content-Length', String(body.length)],
    ],
    body,
  };
}

const ANONYMOUS = { host: '127.0.0.1', 'accept-encoding': 'gzip' };
const headerOf = (answer: Rendered, name: string) => answer.headers.find(([key]) => key.toLowerCase() === name)?.[1];
const htmlOf = (answer: Rendered) =>
  (headerOf(answer, 'content-encoding') === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body).toString('utf8');
const scripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
/** The page with every script and script preload taken out: what a reader sees, which must not change. */
const withoutAnyScript = (html: string) =>
  html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="preload" as="script"[^>]*>/g, '');

describe('a reader page without Next’s client runtime', () => {
  it('the fixtures are what Next renders: runtime chunks, flight payload, our own scripts', () => {
    for (const html of [ARTICLE, FRONT]) {
      expect(html).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js"/);
      expect(html).toContain('self.__next_f');
      expect(html).toContain(CARE_MODE_SCRIPT);
    }
    // 朗读 and the beacon as the build minified them (their source text, lib/reader/read-aloud-script.ts).
    const texts = scripts(ARTICLE).map(([, , text = '']) => text);
    expect(texts.filter((text) => READ_ALOUD.test(text))).toHaveLength(1);
    expect(texts.filter((text) => READ_BEACON.test(text))).toHaveLength(1);
  });

  it.each([
    { name: 'article', html: ARTICLE, gzip: true },
    { name: 'article', html: ARTICLE, gzip: false },
    { name: 'front page', html: FRONT, gzip: true },
  ])('the $name (gzip $gzip) loses every runtime script and keeps its own, under the CSP’s nonce', ({ html, gzip }) => {
    const answer = readerAnswer(rendered(html, gzip), gzip ? ANONYMOUS : { host: '127.0.0.1' });
    const out = htmlOf(answer);
    expect(out).not.toMatch(/<script[^>]*\ssrc=/);
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('TURBOPACK');
    expect(out).not.toMatch(/<link[^>]*(modulepreload|as="script")/);
    // The stylesheet stays, and so does all the page shows.
    expect(out).toMatch(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[^"]+\.css"/);
    expect(withoutAnyScript(out)).toBe(withoutAnyScript(html));
    // Left: the page's own scripts, each with the nonce the response's CSP names.
    const nonce = /'nonce-([^']+)'/.exec(headerOf(answer, 'content-security-policy')!)![1];
    const left = scripts(out);
    const own = left.filter(([, attributes = '']) => !attributes.includes('application/ld+json'));
    const texts = own.map(([, , text = '']) => text);
    expect(texts[0]).toBe(CARE_MODE_SCRIPT);
    if (html === ARTICLE) {
      expect(texts).toHaveLength(3);
      expect(texts[1]).toMatch(READ_ALOUD);
      expect(texts[2]).toMatch(READ_BEACON);
    } else expect(texts).toHaveLength(1);
    for (const [, attributes = ''] of own) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(left.length - own.length).toBe(html === ARTICLE ? 1 : 0);
    // The body it sends, with its own length; under half the page as rendered.
    expect(headerOf(answer, 'content-length')).toBe(String(answer.body.length));
    expect(Buffer.byteLength(out)).toBeLessThan(Buffer.byteLength(html) / 2);
  });

  it('leaves an RSC request, a signed-in request and an answer that is not HTML as they are', () => {
    const page = rendered(ARTICLE, true);
    expect(readerAnswer(page, { ...ANONYMOUS, rsc: '1' })).toBe(page);
    const cookie = 'theme=x; next-auth.session-token=abc';
    expect(readerAnswer(page, { ...ANONYMOUS, cookie })).toBe(page);
    const feed = rendered('<rss><script src="/_next/x.js"></script></rss>', false, 'application/rss+xml');
    expect(readerAnswer(feed, ANONYMOUS)).toBe(feed);
    const brotli = {
      ...page,
      headers: page.headers.map(([n, v]): [string, string] => [n, n === 'Content-Encoding' ? 'br' : v]),
    };
    expect(readerAnswer(brotli, ANONYMOUS)).toBe(brotli);
  });

  it('the scripts in the source tree have the same shape as the built ones', () => {
    expect(READ_ALOUD_SCRIPT).toMatch(/^\(function readAloud\(/);
    expect(READ_ALOUD_SCRIPT).toContain('[data-read-aloud-controls]');
    expect(READ_BEACON_SCRIPT).toMatch(/^\(function sendRead\([\s\S]*data-slug[\s\S]*"\/api\/reads"\);$/);
    // They parse as scripts (the build's versions run in e2e/read-aloud.spec.ts and e2e/reads.spec.ts).
    expect(() => new Function(READ_ALOUD_SCRIPT)).not.toThrow();
    expect(() => new Function(READ_BEACON_SCRIPT)).not.toThrow();
  });

  it('leaves a 404 alone: Next’s error shell, whose content only the runtime draws', () => {
    expect(NOT_FOUND).toMatch(/<html id="__next_error__">/);
    expect(NOT_FOUND).toContain('找不到这个页面');
    const notFound = { ...rendered(NOT_FOUND, true), status: 404 };
    expect(readerAnswer(notFound, ANONYMOUS)).toBe(notFound);
    // Even were it a 200.
    const shell = rendered(NOT_FOUND, true);
    expect(readerAnswer(shell, ANONYMOUS)).toBe(shell);
  });

  it('keeps scripts that are not the runtime’s: React’s streaming swaps, other sources, JSON-LD', () => {
    const html =
      '<head><link rel="preload" as="script" href="/_next/static/chunks/a.js"/><link rel="preload" as="image" href="/_next/image?x"/>' +
      '<link rel="modulepreload" href="/_next/static/chunks/b.js"/></head><body>' +
      '<script nonce="n">$RC("B:0","S:0")</script><script src="/vendor/x.js" nonce="n"></script>' +
      '<script type="application/ld+json">{"a":"self.__next_f"}</script>' +
      '<script nonce="n" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>' +
      '<script nonce="n">(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="n">self.__next_f.push([1,"x"])</script>' +
      "<script src='/_next/static/chunks/c.js' async></script></body>";
    expect(stripClientRuntime(html)).toBe(
      '<head><link rel="preload" as="image" href="/_next/image?x"/></head><body>' +
        '<script nonce="n">$RC("B:0","S:0")</script><script src="/vendor/x.js" nonce="n"></script>' +
        '<script type="application/ld+json">{"a":"self.__next_f"}</script></body>',
    );
  });

  it('wraps the render socket: every answer it renders goes through readerAnswer, the rest of the socket unchanged', async () => {
    const asked: string[] = [];
    const close = () => undefined;
    const socket = rendersReaderAnswers({
      close,
      render: async (method: string, url: string, headers: Record<string, string>) => {
        asked.push(`${method} ${url} ${headers.rsc ?? ''}`.trim());
        return rendered(FRONT, false);
      },
    });
    expect(socket.close).toBe(close);
    const answer = await socket.render('GET', '/', { host: '127.0.0.1' });
    expect(asked).toEqual(['GET /']);
    expect(htmlOf(answer)).not.toContain('__next_f');
    const rsc = await socket.render('GET', '/', { host: '127.0.0.1', rsc: '1' });
    expect(htmlOf(rsc)).toContain('__next_f');
    expect(asked).toEqual(['GET /', 'GET / 1']);
  });
});
