// The edge: the public port of `npm start` in production, in a worker thread of its own beside the
// app (server/serve.ts starts it, server/edge-thread.ts). It answers reader pages from the micro-cache
// (server/micro-cache.ts) and sends everything else on to the app (server/pass-on.ts), relays
// /collab upgrades to the co-editing process and refuses oversized bodies from their head.
//
// Why a thread of its own: in the app's thread a micro-cache hit cost 62–69 µs of CPU against 37–40 µs
// for a Node server doing nothing else (bench:public -- --only micro-cache, 2026-12-07): Next's
// AsyncLocalStorages run an async-hooks callback for every socket, write and tick, it patches
// process.nextTick and Date, and each copy's re-render (once a second on a busy page) blocked every
// reader behind React for its 10–20 ms (p99 18–21 ms). A worker has its own event loop, heap and
// hooks; renders happen on the app's thread while the edge goes on answering.
import http from 'node:http';

import { PEER_HEADER } from '../lib/http/client-ip';
import { appAgent, rendersThrough } from './app-socket';
import { keepConnectionsAlive } from './keep-alive';
import { MicroCache, renderWhole, send, takes, type CacheStatus, type Rendered } from './micro-cache';
import { isNewsroomPath, NewsroomFirst } from './newsroom-first';
import { APP_UNREACHABLE, passOn } from './pass-on';
import { rendersReaderAnswers } from './reader-html';
import { refuseBody } from './refuse-body';
import { isCollabUpgrade, relayUpgrade } from './upgrade-relay';

export type EdgeOptions = {
  port: number;
  hostname?: string;
  /** The app's private socket (server/app-socket.ts). */
  appSocketPath: string;
  /** The micro-cache's budget; null: off (APP_MICROCACHE=0), reader pages are only rendered whole. */
  microCacheBytes: number | null;
  newsroomFirst: boolean;
  /** The co-editing process /collab is relayed to; null: none. */
  collab: { port: number; host: string } | null;
  /** When the reader data last expired (ms), on any instance: copies made before it are not served. */
  readerDataExpiredAt: () => number;
};

/** Starts the edge's server; resolves once it listens. */
export async function serveEdge(options: EdgeOptions): Promise<http.Server> {
  const agent = appAgent();
  // Reader pages leave without Next's client runtime (server/reader-html.ts), kept or not.
  const { render } = rendersReaderAnswers({ render: rendersThrough(options.appSocketPath, agent) });
  const cache =
    options.microCacheBytes === null
      ? null
      : new MicroCache({
          render,
          budgetBytes: options.microCacheBytes,
          readerDataExpiredAt: options.readerDataExpiredAt,
        });
  const first = options.newsroomFirst ? new NewsroomFirst() : null;
  const server = http.createServer((request, response) => {
    // Refused from its head, before anyone buffers a byte of the body (lib/http/body-limits.ts).
    if (refuseBody(request, response)) return;
    // A fresh copy goes out at once, in this turn: no route tables, no Promise, no client address
    // (only a render reads it). This is most of a spike's requests.
    const hit = cache?.freshCopy(request.method ?? 'GET', request.url ?? '/', request.headers);
    if (hit) {
      if (!first || first.idle) send(request, response, hit, 'HIT');
      else first.reader(() => send(request, response, hit, 'HIT'));
      return;
    }
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
    if (takes(request)) {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      const answered: Promise<[Rendered, CacheStatus | null]> = cache
        ? cache.answer(method, url, request.headers)
        : renderWhole(render, url, request.headers).then((answer) => [answer, null]);
      answered
        .then(([answer, status]) =>
          first ? first.reader(() => send(request, response, answer, status)) : send(request, response, answer, status),
        )
        .catch((error: unknown) => {
          console.error('读者页面缓存：渲染失败', error);
          if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end(APP_UNREACHABLE);
        });
    } else {
      if (first && isNewsroomPath(request.url ?? '/')) first.track(response);
      passOn(request, response, options.appSocketPath, agent);
    }
  });
  keepConnectionsAlive(server);
  server.on('upgrade', (request, socket, head) => {
    // COLLAB_HOST: the deployment's one co-editing process may run beside another instance.
    if (options.collab && isCollabUpgrade(request.url))
      relayUpgrade(request, socket, head, options.collab.port, options.collab.host);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
