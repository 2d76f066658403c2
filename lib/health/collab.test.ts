// /api/health's co-editing field: answering (anything that answers HTTP, as Hocuspocus does), not
// answering (nothing listening, or a process that accepts the connection but never answers), or
// none configured.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { freePort } from '../../test/support/free-port';
import { collabHealth, probeCollab } from './collab';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listening(server: net.Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

describe('probeCollab', () => {
  it('is ok when the port answers HTTP (Hocuspocus answers "Welcome to Hocuspocus!")', async () => {
    const port = await listening(http.createServer((_, response) => response.end('Welcome to Hocuspocus!')));
    expect(await probeCollab('127.0.0.1', port)).toBe('ok');
  });

  it('is unreachable when nothing listens', async () => {
    expect(await probeCollab('127.0.0.1', await freePort())).toBe('unreachable');
  });

  it('is unreachable, within the timeout, when the connection is accepted but nothing answers (a hung process)', async () => {
    const port = await listening(net.createServer(() => {}));
    const started = Date.now();
    expect(await probeCollab('127.0.0.1', port, 300)).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('collabHealth', () => {
  it('probes COLLAB_HOST:COLLAB_PORT, as the web server relays to it', async () => {
    const port = await listening(
      http.createServer((_, response) => response.end('ok')),
      '127.0.0.2',
    );
    expect(await collabHealth({ COLLAB_PORT: String(port), COLLAB_HOST: '127.0.0.2' })).toBe('ok');
    expect(await collabHealth({ COLLAB_PORT: String(port) })).toBe('unreachable');
  });

  it('is not-configured when this server relays to no co-editing process', async () => {
    expect(await collabHealth({})).toBe('not-configured');
    expect(await collabHealth({ COLLAB_PORT: 'abc' })).toBe('not-configured');
  });
});
