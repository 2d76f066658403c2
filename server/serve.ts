// The web server: Next.js behind a plain Node HTTP server, started by `npm start`, `npm run dev` and
// the end-to-end tests. It exists for one reason: Next.js does not pass the socket's address on to
// the app, so this server writes it into PEER_HEADER on every request, replacing anything a client
// sent under that name (lib/http/client-ip.ts explains how the client address is then chosen). It
// also hands WebSocket upgrades on /collab to the co-editing process (server/upgrade-relay.ts).
//   tsx server/serve.ts --port 3000 [--hostname 127.0.0.1] [--dev]
import http from 'node:http';
import path from 'node:path';

import { PEER_HEADER } from '../lib/http/client-ip';
import { refuseBody } from './refuse-body';
import { isCollabUpgrade, relayUpgrade } from './upgrade-relay';

const ROOT = path.resolve(import.meta.dirname, '..');

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
  const server = http.createServer((request, response) => {
    // Refused from its head, before Next buffers a byte of the body (lib/http/body-limits.ts).
    if (refuseBody(request, response)) return;
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
    void handle(request, response);
  });
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
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error('服务器无法启动：', error instanceof Error ? error.message : error);
  process.exit(1);
});
