// The web server: started by `npm start`, `npm run dev` and the end-to-end tests. Next.js does not pass
// the socket's address on to the app, so the server writes it into PEER_HEADER on every request,
// replacing anything a client sent under that name (lib/http/client-ip.ts explains how the client
// address is then chosen).
// In production the public port is the edge's (server/edge.ts, a worker thread of this process): it
// answers anonymous reader requests from its micro-cache (server/micro-cache.ts; with it off,
// APP_MICROCACHE=0 as behind the shipped front, it still renders them whole, so they carry a
// Content-Length), relays /collab upgrades to the co-editing process and passes everything else on to
// Next and the read beacon, which listen on a private socket in this thread (server/app-socket.ts).
// Reader pages leave without Next's client runtime (server/reader-html.ts). With --dev everything is
// answered in this thread, Next's own upgrades (hot reload) included.
//   tsx server/serve.ts --port 3000 [--hostname 127.0.0.1] [--dev]
import http from 'node:http';
import path from 'node:path';

import { resolveMicroCacheBytes, resolveNewsroomFirst } from '../lib/config/micro-cache';
import { PEER_HEADER } from '../lib/http/client-ip';
import { LISTS_TAG, PUBLIC_TAG } from '../lib/reader/tags';
import { listenPrivately } from './app-socket';
import { startEdgeThread } from './edge-thread';
import { keepConnectionsAlive } from './keep-alive';
import { isReadBeacon, readsEndpoint } from './reads';
import { refuseBody } from './refuse-body';
import { SharedInstant } from './shared-instant';
import { isCollabUpgrade, relayUpgrade } from './upgrade-relay';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Keeps `instant` at the time the reader data last expired, on any instance: every change to what
 * readers see expires one of these two tags (lib/reader/revalidate.ts). Every 10 ms: on SQLite each
 * question is a PRAGMA, and the edge reads the answer on every hit.
 */
async function followReaderData(instant: SharedInstant): Promise<void> {
  const { readerTagsExpiredAt } = await import('../lib/cache/reader-cache-handler');
  const ask = () => instant.set(readerTagsExpiredAt([PUBLIC_TAG, LISTS_TAG]));
  ask();
  setInterval(ask, 10).unref();
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
  const reads = readsEndpoint();
  const answer = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (isReadBeacon(request)) reads.handle(request, response);
    else void handle(request, response);
  };
  const collabPort = Number(process.env.COLLAB_PORT ?? 0);
  // COLLAB_HOST: the deployment's one co-editing process may run beside another instance.
  const collab = collabPort ? { port: collabPort, host: process.env.COLLAB_HOST || '127.0.0.1' } : null;
  if (dev) {
    const server = http.createServer((request, response) => {
      if (refuseBody(request, response)) return;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
      answer(request, response);
    });
    keepConnectionsAlive(server);
    const nextUpgrade = app.getUpgradeHandler();
    server.on('upgrade', (request, socket, head) => {
      if (collab && isCollabUpgrade(request.url)) relayUpgrade(request, socket, head, collab.port, collab.host);
      else void nextUpgrade(request, socket, head);
    });
    await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  } else {
    const appSocket = await listenPrivately(answer);
    process.on('exit', appSocket.close);
    const microCacheBytes = resolveMicroCacheBytes(process.env);
    const expiredAt = new SharedInstant();
    if (microCacheBytes !== null) {
      console.log(`读者页面缓存已开启：每个实例最多 ${microCacheBytes / 1024 / 1024} MB（APP_MICROCACHE=0 可关闭）`);
      await followReaderData(expiredAt);
    }
    const edge = await startEdgeThread(
      {
        port,
        hostname,
        appSocketPath: appSocket.path,
        microCacheBytes,
        newsroomFirst: resolveNewsroomFirst(process.env),
        collab,
      },
      expiredAt,
    );
    // Without its edge the server answers nobody: it stops, and whatever runs it starts it again.
    edge.on('error', (error) => console.error('服务器的边缘线程出错：', error));
    edge.on('exit', (code) => {
      console.error(`服务器的边缘线程已停止（${code}），服务器随之停止`);
      process.exit(1);
    });
  }
  console.log(`今日柯城 已在 http://${hostname ?? 'localhost'}:${port} 上运行`);
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
