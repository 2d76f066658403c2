import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { keepConnectionsAlive } from './keep-alive';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function get(port: number, agent: http.Agent): Promise<{ reused: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ port, host: '127.0.0.1', agent, path: '/' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ reused: request.reusedSocket }));
    });
    request.on('error', reject);
  });
}

describe('idle connections', () => {
  it('stay open past Node’s 5 s default, so a client reusing one after 6 s is answered on it', async () => {
    server = http.createServer((_request, response) => response.end('ok'));
    keepConnectionsAlive(server);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, agent)).reused).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await get(port, agent)).reused).toBe(true);
    agent.destroy();
    server.closeAllConnections();
  }, 15_000);
});
