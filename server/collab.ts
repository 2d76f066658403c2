// The co-editing server (lib/collab/server.ts) as its own process: `npm start` runs it beside the
// web server on COLLAB_PORT, and the web server relays /collab to it.
//   tsx server/collab.ts    (DATABASE_URL, NEXTAUTH_SECRET and COLLAB_PORT from the environment)
import { configuredOrigins } from '../lib/collab/origin';
import { createCollabServer } from '../lib/collab/server';
import { resolveCollabPort } from '../lib/config/port';
import { createPrismaClient } from '../lib/db-client';
import { trustedProxyHops } from '../lib/http/client-ip';

// A rejection nobody awaits (a Hocuspocus hook run from a timer, a socket callback) is one story's
// failure, not the process's: it is logged and the other stories go on. Node's default would end
// the process and with it every open editor. (Every store error is already caught and told to the
// people in the story, lib/collab/extensions/persistence.ts; this is the net under the rest.)
process.on('unhandledRejection', (reason: unknown) => {
  const text = reason instanceof Error ? `${reason.message}\n${reason.stack ?? ''}` : String(reason);
  console.error(`[协同编辑] unhandled rejection, kept running: ${text.slice(0, 2_000)}`);
});

async function main() {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET 未设置：请用 npm start 启动，它会准备好密钥');
  const port = resolveCollabPort(process.env);
  const db = createPrismaClient();
  // Besides the address each browser used (its request's Host): the site's configured addresses.
  const allowedOrigins = configuredOrigins(process.env);
  // COLLAB_ADDRESS: where it listens; 127.0.0.1 unless instances on other machines relay to it.
  const address = process.env.COLLAB_ADDRESS?.trim() || '127.0.0.1';
  const server = createCollabServer({
    db,
    secret,
    port,
    address,
    allowedOrigins,
    trustedProxyHops: trustedProxyHops(process.env),
    log: (line) => console.warn(`[协同编辑] ${line}`),
  });
  await server.listen();
  const stop = async () => {
    // Writes every open document back before leaving, so a restart loses nothing a client sent.
    await server.destroy();
    await db.$disconnect();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
}

main().catch((error: unknown) => {
  console.error('协同编辑服务无法启动：', error instanceof Error ? error.message : error);
  process.exit(1);
});
