// Anonymous reader pages leave the app without Next's client runtime (issue 35). They need no React in
// the browser: links are plain <a> (no next/link), and what a reader page does in the browser is its
// own small inline scripts with the response's CSP nonce (长辈模式: lib/reader/care-mode-script.ts,
// 朗读: lib/reader/read-aloud-script.ts, the read beacon: lib/reads/beacon-script.ts). Hydrating them
// anyway cost every page its Lighthouse performance: the runtime's chunks were the Total Blocking Time
// (median 66–99 for identical code; 98–100 with the chunks blocked, progress-s40), and the App Router's
// empty route announcer was read by Orca as "通知 可点击对象" on every page.
//
// Applied where a reader answer is rendered for the micro-cache and for renderWhole (server/serve.ts
// wraps the render socket), so both caches (the app's, and nginx's in front, which keeps what the app
// sends) hold the page without the runtime. Only what the render socket is asked for is touched: the
// requests the micro-cache rules take (lib/http/micro-cache-rules.ts: anonymous GET/HEAD of reader
// routes); signed-in readers and the newsroom never reach it and keep the runtime. An RSC request
// (`RSC: 1`) and anything not HTML (feeds, sitemaps, the app feed's JSON) pass unchanged.
//
// Only 200 pages that are not Next's error shell: a page whose content the runtime draws keeps it.
// Removed: <script src="/_next/…">, the flight payload (`self.__next_f`), the Turbopack bootstrap and
// the preload/modulepreload links of the runtime's chunks. Kept: the stylesheets, JSON-LD, React's own
// inline streaming scripts (none today: a page rendered whole has its Suspense content in place) and
// every other script, nonce and all; the CSP header is the render's own, so it still names their nonce.
import zlib from 'node:zlib';

import { hasSession, RSC_VALUE } from '../lib/http/micro-cache-rules';
import type { Rendered } from './micro-cache';

type Render = (method: string, url: string, headers: Record<string, string>) => Promise<Rendered>;

const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** Next's own inline scripts: the flight payload, next/script's queue and Turbopack's chunk list. */
const NEXT_INLINE = /^\s*\(?\s*(?:self\.__next_[fs]\b|\(?globalThis\[["']TURBOPACK["']\])/;
const NEXT_ASSET = /^\/_next\//;
/** Next's error shell: an empty page the runtime fills in (a 404 or an error thrown while rendering). */
const ERROR_SHELL = /<html[^>]*\sid="__next_error__"/;

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(` ${attributes}`);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

/** Whether a <script> element (its attributes and text) belongs to Next's client runtime. */
function isRuntimeScript(attributes: string, text: string): boolean {
  const src = attribute(attributes, 'src');
  if (src !== null) return NEXT_ASSET.test(src);
  return NEXT_INLINE.test(text);
}

/** Whether a <link> loads one of the runtime's scripts ahead of time. */
function isRuntimePreload(attributes: string): boolean {
  const rel = (attribute(attributes, 'rel') ?? '').toLowerCase();
  const as = (attribute(attributes, 'as') ?? '').toLowerCase();
  const href = attribute(attributes, 'href') ?? '';
  return NEXT_ASSET.test(href) && (rel === 'modulepreload' || (rel === 'preload' && as === 'script'));
}

/** The page's HTML without Next's client runtime (see above for what goes and what stays). */
export function stripClientRuntime(html: string): string {
  return html
    .replace(SCRIPT, (element, attributes: string, text: string) => (isRuntimeScript(attributes, text) ? '' : element))
    .replace(LINK, (element, attributes: string) => (isRuntimePreload(attributes) ? '' : element));
}

function header(rendered: Rendered, name: string): string | undefined {
  return rendered.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * A reader answer as it leaves the app: an HTML page rendered for an anonymous, non-RSC request loses
 * Next's client runtime (gzip undone and redone); anything else is returned as it is.
 */
export function readerAnswer(rendered: Rendered, requestHeaders: Record<string, string>): Rendered {
  // Only a page: a 404 from notFound() in a page is Next's empty error shell (`<html id="__next_error__">`)
  // whose not-found content the runtime draws from the flight payload (measured: the article and issue
  // 404s); without the runtime it would be blank.
  if (rendered.status !== 200) return rendered;
  if (requestHeaders.rsc === RSC_VALUE || hasSession(requestHeaders)) return rendered;
  if (!/^text\/html\b/i.test(header(rendered, 'content-type') ?? '')) return rendered;
  const encoding = (header(rendered, 'content-encoding') ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'gzip') return rendered;
  const html = (encoding === 'gzip' ? zlib.gunzipSync(rendered.body) : rendered.body).toString('utf8');
  if (ERROR_SHELL.test(html)) return rendered;
  const stripped = stripClientRuntime(html);
  if (stripped === html) return rendered;
  const body = encoding === 'gzip' ? zlib.gzipSync(stripped) : Buffer.from(stripped, 'utf8');
  const headers = rendered.headers
    // An ETag of the page as rendered would not describe this body.
    .filter(([name]) => name.toLowerCase() !== 'etag')
    .map(([name, value]): [string, string] =>
      name.toLowerCase() === 'content-length' ? [name, String(body.length)] : [name, value],
    );
  return { status: rendered.status, headers, body };
}

/** `render` (the micro-cache's and renderWhole's way of asking Next) with readerAnswer applied. */
export function rendersReaderAnswers<T extends { render: Render }>(socket: T): T {
  const render: Render = async (method, url, headers) =>
    readerAnswer(await socket.render(method, url, headers), headers);
  return { ...socket, render };
}
