// The baseline for bench:collab: a bare Hocuspocus server (no authentication, no database, no
// rules) on COLLAB_PORT, so the figures show what the newsroom's rules and persistence add.
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.COLLAB_PORT),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
});
await server.listen();
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
