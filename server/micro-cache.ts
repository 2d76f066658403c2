// The app's own micro-cache (issue 31): with `npm start` alone (behind a proxy or load balancer that
// does not cache), a story shared widely queued every reader behind React renders (86–147 requests/s
// on a 2-core machine). This keeps anonymous reader answers in memory for the lifetime the app gives
// them, the way the shipped nginx front does (the rules: lib/http/micro-cache-rules.ts):
//  - a copy is the whole answer of one render, status, headers and body, so its CSP header and the
//    nonce in its scripts always belong together;
//  - one render per key at a time: concurrent misses wait for it, and while an expired copy is being
//    replaced, others get that copy within its stale-while-revalidate window (nginx's
//    `proxy_cache_lock` and `proxy_cache_use_stale updating`); a failed render serves the last copy;
//  - a copy made before the reader data last expired (a publish, a correction, a retraction, on any
//    instance: lib/cache/tag-invalidations.ts) is never served;
//  - at most `budgetBytes` of copies, least recently used dropped first.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

import { MemoryEntries } from '../lib/cache/memory-entries';
import { matchesIfNoneMatch } from '../lib/http/etag';
import {
  cacheKey,
  hasSession,
  isCacheableRequest,
  lifetimeOf,
  normalizedRequestHeaders,
} from '../lib/http/micro-cache-rules';

/** One render's answer as the app gave it. `headers` as raw name/value pairs, names as sent. */
export type Rendered = { status: number; headers: readonly [string, string][]; body: Buffer };

export type Copy = Rendered & { renderedAt: number; freshUntil: number; staleUntil: number };

export type MicroCacheOptions = {
  /** Asks the app for one answer (on a miss), with the normalized request headers. */
  render: (method: string, url: string, headers: Record<string, string>) => Promise<Rendered>;
  budgetBytes: number;
  now?: () => number;
  /** When the reader data last expired (ms), on any instance; copies made before it are not served. */
  readerDataExpiredAt?: () => number;
};

/** The answer's `X-App-Cache` header: how this request was answered. */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'EXPIRED' | 'BYPASS';

// Not kept with a copy: they describe one connection, not the answer.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

export class MicroCache {
  private readonly copies: MemoryEntries<Copy>;
  /** Renders under way, per key; `kept`: the answer became a copy, so waiting readers may have it too. */
  private readonly renders = new Map<string, Promise<{ rendered: Rendered; kept: boolean }>>();
  private readonly now: () => number;

  constructor(private readonly options: MicroCacheOptions) {
    this.copies = new MemoryEntries(options.budgetBytes);
    this.now = options.now ?? Date.now;
  }

  get usedBytes(): number {
    return this.copies.usedBytes;
  }

  get size(): number {
    return this.copies.size;
  }

  /**
   * The fresh copy for this request, found synchronously, or undefined (then takes() and answer()
   * decide as before). Cheaper than takes(): a copy is only ever kept for a request takes() took, and
   * whether it takes one depends on the method, the session cookie and the path alone, which the key's
   * URL fixes; so a GET or HEAD without a session that finds a copy under its key was takeable.
   * A hit answered here skips the route tables, a Promise and two turns of the microtask queue
   * (npm run bench:public -- --only micro-cache measures it).
   */
  freshCopy(method: string, url: string, headers: IncomingHttpHeaders): Copy | undefined {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (headers.cookie !== undefined && hasSession(headers)) return undefined;
    const now = this.now();
    const copy = this.usable(cacheKey(headers.host ?? '', url, headers), now);
    return copy && now < copy.freshUntil ? copy : undefined;
  }

  /**
   * The answer for a cacheable request (isCacheableRequest), and how it was found. A render that
   * throws is passed on when there is no copy to fall back on.
   */
  async answer(method: string, url: string, headers: IncomingHttpHeaders): Promise<[Rendered, CacheStatus]> {
    const key = cacheKey(headers.host ?? '', url, headers);
    const now = this.now();
    const copy = this.usable(key, now);
    if (copy && now < copy.freshUntil) return [copy, 'HIT'];
    const running = this.renders.get(key);
    if (running) {
      if (copy && now < copy.staleUntil) return [copy, 'STALE'];
      const shared = await running.catch(() => null);
      // An answer that was not kept (a cookie set, a server error) is rendered again for each reader.
      if (shared?.kept) return [shared.rendered, copy ? 'EXPIRED' : 'MISS'];
    }
    try {
      const fresh = await this.renderAndKeep(key, url, headers);
      // A server error while a copy remains: readers get the copy (nginx: proxy_cache_use_stale http_500 …).
      if (!fresh.kept && fresh.rendered.status >= 500 && copy) return [copy, 'STALE'];
      return [fresh.rendered, copy ? 'EXPIRED' : 'MISS'];
    } catch (error) {
      if (copy) return [copy, 'STALE'];
      throw error;
    }
  }

  private usable(key: string, now: number): Copy | undefined {
    const entry = this.copies.get(key);
    if (!entry) return undefined;
    const expiredAt = this.options.readerDataExpiredAt?.() ?? 0;
    if (entry.value.renderedAt <= expiredAt || now >= entry.value.staleUntil + STALE_ON_ERROR_MS) {
      this.copies.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private renderAndKeep(
    key: string,
    url: string,
    headers: IncomingHttpHeaders,
  ): Promise<{ rendered: Rendered; kept: boolean }> {
    const renderedAt = this.now();
    // HEAD is answered from the GET copy (nginx's proxy_cache_convert_head).
    const render = this.options
      .render('GET', url, normalizedRequestHeaders(headers))
      .then((rendered) => {
        const kept = keptHeaders(rendered.headers);
        const lifetime = lifetimeOf(rendered.status, headerRecord(kept), renderedAt);
        const result: Rendered = { status: rendered.status, headers: kept, body: rendered.body };
        if (!lifetime) return { rendered: result, kept: false };
        const value: Copy = { ...result, renderedAt, ...lifetime };
        this.copies.set(key, { value, lastModified: renderedAt, tags: [], size: sizeOf(key, value) });
        return { rendered: value, kept: true };
      })
      .finally(() => {
        if (this.renders.get(key) === render) this.renders.delete(key);
      });
    if (!this.renders.has(key)) this.renders.set(key, render);
    return render;
  }
}

/**
 * A copy past its stale window is still served when its successor's render fails (nginx:
 * `proxy_cache_use_stale error timeout http_500 …`), for this long; then it is dropped.
 */
export const STALE_ON_ERROR_MS = 60_000;

function keptHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
}

function headerRecord(headers: readonly [string, string][]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    record[lower] = record[lower] === undefined ? value : `${record[lower]}, ${value}`;
  }
  return record;
}

function sizeOf(key: string, copy: Copy): number {
  let size = copy.body.length + key.length * 2 + 200;
  for (const [name, value] of copy.headers) size += (name.length + value.length) * 2;
  return size;
}

/** What send() needs of an answer, worked out once per answer (a copy is sent thousands of times). */
type Wire = {
  etag: string | undefined;
  /** writeHead's flat header list without, and with each, X-App-Cache value. */
  plain: string[];
  withStatus: Map<CacheStatus, string[]>;
};

const wires = new WeakMap<Rendered, Wire>();

function wireOf(answer: Rendered): Wire {
  let wire = wires.get(answer);
  if (!wire) {
    const plain = answer.headers.filter(([name]) => name.toLowerCase() !== 'content-length').flat();
    plain.push('Content-Length', String(answer.body.length));
    const etag =
      answer.status === 200 ? answer.headers.find(([name]) => name.toLowerCase() === 'etag')?.[1] : undefined;
    wire = { etag, plain, withStatus: new Map() };
    wires.set(answer, wire);
  }
  return wire;
}

function headersWith(wire: Wire, status: CacheStatus | null): string[] {
  if (!status) return wire.plain;
  let headers = wire.withStatus.get(status);
  if (!headers) {
    headers = [...wire.plain, 'X-App-Cache', status];
    wire.withStatus.set(status, headers);
  }
  return headers;
}

/**
 * Writes an answer (a copy or a fresh render) to the reader, always with its Content-Length; HEAD gets
 * the headers only. `status` null: the micro-cache is off and the answer was only rendered whole. A 200
 * whose ETag the reader already holds (If-None-Match) is a 304 with that tag and no body (the app feed).
 */
export function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: Rendered,
  status: CacheStatus | null,
): void {
  const wire = wireOf(answer);
  const etag = wire.etag;
  if (etag && matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    response.writeHead(304, status ? ['ETag', etag, 'X-App-Cache', status] : ['ETag', etag]);
    response.end();
    return;
  }
  response.writeHead(answer.status, headersWith(wire, status));
  response.end(request.method === 'HEAD' ? undefined : answer.body);
}

/**
 * A reader answer rendered whole without the micro-cache (APP_MICROCACHE=0, as behind the shipped
 * front): the same request the cache would make, the same headers kept, so it goes out with a
 * Content-Length instead of chunked. nginx keeps an answer's headers with its cached copy and sends
 * every hit of a chunked one chunked too: measured 40 µs of nginx CPU per hit against 36 µs with a
 * Content-Length (issue 31).
 */
export async function renderWhole(
  render: MicroCacheOptions['render'],
  url: string,
  headers: IncomingHttpHeaders,
): Promise<Rendered> {
  // HEAD too is rendered as a GET (send() leaves the body out), so its Content-Length is the page's.
  const rendered = await render('GET', url, normalizedRequestHeaders(headers));
  return { status: rendered.status, headers: keptHeaders(rendered.headers), body: rendered.body };
}

/** Whether the micro-cache takes this request (the rest goes to Next as before). */
export function takes(request: IncomingMessage): boolean {
  const url = request.url ?? '/';
  const pathname = url.split('?', 1)[0]!;
  return isCacheableRequest(request.method ?? 'GET', pathname, request.headers);
}
