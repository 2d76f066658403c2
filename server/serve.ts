// The web server: Next.js behind a plain Node HTTP server, started by `npm start`, `npm run dev` and
// the end-to-end tests. It exists for one reason: Next.js does not pass the socket's address on to
// the app, so this server writes it into PEER_HEADER on every request, replacing anything a client
// sent under that name (lib/http/client-ip.ts explains how the client address is then chosen). It
// also hands WebSocket upgrades on /collab to the co-editing process (server/upgrade-relay.ts), and
// answers anonymous reader requests from its micro-cache (server/micro-cache.ts); with it off
// (APP_MICROCACHE=0, as behind the shipped front) it still renders them whole, so they carry a Content-Length.
// Either way those pages leave without Next's client runtime (server/reader-html.ts).
//   tsx server/serve.ts --port 3000 [--hostname 127.0.0.1] [--dev]
import http from 'node:http';
import path from 'node:path';

import { resolveMicroCacheBytes, resolveNewsroomFirst } from '../lib/config/micro-cache';
import { PEER_HEADER } from '../lib/http/client-ip';
import { LISTS_TAG, PUBLIC_TAG } from '../lib/reader/tags';
import { keepConnectionsAlive } from './keep-alive';
import { MicroCache, renderWhole, send, takes, type CacheStatus, type Rendered } from './micro-cache';
import { listenForRenders, type RenderSocket } from './micro-cache-render';
import { isNewsroomPath, NewsroomFirst } from './newsroom-first';
import { rendersReaderAnswers } from './reader-html';
import { isReadBeacon, readsEndpoint } from './reads';
import { refuseBody } from './refuse-body';
import { isCollabUpgrade, relayUpgrade } from './upgrade-relay';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The micro-cache, rendering through `socket` (a private socket whose requests keep the client
 * address the cache passes on); null when APP_MICROCACHE=0.
 */
async function microCache(socket: RenderSocket): Promise<MicroCache | null> {
  const budgetBytes = resolveMicroCacheBytes(process.env);
  if (budgetBytes === null) return null;
  console.log(`读者页面缓存已开启：每个实例最多 ${budgetBytes / 1024 / 1024} MB（APP_MICROCACHE=0 可关闭）`);
  // The reader cache handler's view of changes (every instance's): every change to what readers see
  // expires one of these two tags (lib/reader/revalidate.ts). Asked at most every 10 ms: on SQLite
  // each question is a PRAGMA, and a hit costs microseconds.
  const { readerTagsExpiredAt } = await import('../lib/cache/reader-cache-handler');
  let asked = 0;
  let expiredAt = 0;
  return new MicroCache({
    render: socket.render,
    budgetBytes,
    readerDataExpiredAt: () => {
      const now = Date.now();
      if (now - asked >= 10) {
        expiredAt = readerTagsExpiredAt([PUBLIC_TAG, LISTS_TAG]);
        asked = now;
      }
      return expiredAt;
    },
  });
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const dev = process.argv.includes('--dev');
  const port = Number(option('--port') ?? process.env.PORT ?? 3000);
  const hostname = option('--hostname');
  // next reads NODE_ENV when it is loaded; `next start` / `next dev` set it the same way.
  (process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
  const { default: next } = await import('next');
  const app = next({ dev, dir: ROOT, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Reader answers are rendered whole (with a Content-Length) through this socket, kept or not.
  const socket = dev
    ? null
    : rendersReaderAnswers(await listenForRenders((request, response) => void handle(request, response)));
  if (socket) process.on('exit', socket.close);
  const cache = socket ? await microCache(socket) : null;
  const first = resolveNewsroomFirst(process.env) ? new NewsroomFirst() : null;
  const reads = readsEndpoint();
  const server = http.createServer((request, response) => {
    // Refused from its head, before Next buffers a byte of the body (lib/http/body-limits.ts).
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
    if (isReadBeacon(request)) reads.handle(request, response);
    else if (socket && takes(request)) {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      const answered: Promise<[Rendered, CacheStatus | null]> = cache
        ? cache.answer(method, url, request.headers)
        : renderWhole(socket.render, url, request.headers).then((answer) => [answer, null]);
      answered
        .then(([answer, status]) =>
          first ? first.reader(() => send(request, response, answer, status)) : send(request, response, answer, status),
        )
        .catch((error: unknown) => {
          console.error('读者页面缓存：渲染失败', error);
          if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('服务器暂时无法响应，请稍后再试。');
        });
    } else {
      if (first && isNewsroomPath(request.url ?? '/')) first.track(response);
      void handle(request, response);
    }
  });
  keepConnectionsAlive(server);
  const collabPort = Number(process.env.COLLAB_PORT ?? 0);
  const nextUpgrade = dev ? app.getUpgradeHandler() : null;
  server.on('upgrade', (request, socket, head) => {
    // COLLAB_HOST: the deployment's one co-editing process may run beside another instance.
    if (collabPort && isCollabUpgrade(request.url))
      relayUpgrade(request, socket, head, collabPort, process.env.COLLAB_HOST || '127.0.0.1');
    else if (nextUpgrade) void nextUpgrade(request, socket, head);
    else socket.destroy();
  });
  server.listen(port, hostname, () => console.log(`今日柯城 已在 http://${hostname ?? 'localhost'}:${port} 上运行`));
  // Reads still in memory are written before the process goes (lib/reads/counter.ts), for at most
  // five seconds: a database that does not answer must not keep a stopping server up.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      setTimeout(() => process.exit(0), 5_000).unref();
      reads
        .stop()
        .catch((error: unknown) => console.error('阅读数未能写入：', error))
        .finally(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
  console.error('服务器无法启动：', error instanceof Error ? error.message : error);
  process.exit(1);
});
