// The edge (server/edge.ts) before an app of its own on a private socket (no Next): reader pages
// from the micro-cache, everything else passed on with the reader's own address, copies dropped when
// the reader data expires, reader pages rendered whole with the micro-cache off, and upgrades other
// than /collab refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { PEER_HEADER } from '../lib/http/client-ip';
import { listenPrivately } from './app-socket';
import { serveEdge } from './edge';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function setup(options: { microCache?: boolean } = {}) {
  const asked: { url: string; peer: string | undefined }[] = [];
  let expiredAt = 0;
  const app = await listenPrivately((request, response) => {
    asked.push({ url: request.url!, peer: request.headers[PEER_HEADER] as string | undefined });
    const reader = !request.url!.startsWith('/newsroom');
    // Chunked, as Next sends a page: the edge gives readers a Content-Length.
    response.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': reader ? 'public, max-age=0, s-maxage=60' : 'private, no-store',
    });
    response.write(`第${asked.length}次：`);
    response.end(request.url);
  });
  closers.push(app.close);
  const server = await serveEdge({
    port: 0,
    hostname: '127.0.0.1',
    appSocketPath: app.path,
    microCacheBytes: options.microCache === false ? null : 1024 * 1024,
    newsroomFirst: true,
    collab: null,
    readerDataExpiredAt: () => expiredAt,
  });
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    expire: () => (expiredAt = Date.now()),
  };
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Reply>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
      })
      .on('error', reject);
  });

describe('the edge', () => {
  it('answers a reader page from its micro-cache after one render', async () => {
    const { url, asked } = await setup();
    const first = await get(`${url}/articles/a`);
    const second = await get(`${url}/articles/a`);
    expect(first.headers['x-app-cache']).toBe('MISS');
    expect(second.headers['x-app-cache']).toBe('HIT');
    expect(second.body).toBe('第1次：/articles/a');
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)));
    expect(asked.map((a) => a.url)).toEqual(['/articles/a']);
  });

  it('passes the newsroom on every time, with the reader’s own address over anything it claims', async () => {
    const { url, asked } = await setup();
    await get(`${url}/newsroom`, { [PEER_HEADER]: '10.9.9.9' });
    const second = await get(`${url}/newsroom`);
    expect(second.body).toBe('第2次：/newsroom');
    expect(second.headers['x-app-cache']).toBeUndefined();
    expect(asked).toEqual([
      { url: '/newsroom', peer: '127.0.0.1' },
      { url: '/newsroom', peer: '127.0.0.1' },
    ]);
  });

  it('renders again once the reader data has expired', async () => {
    const { url, asked, expire } = await setup();
    await get(`${url}/articles/a`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expire();
    const after = await get(`${url}/articles/a`);
    expect(after.body).toBe('第2次：/articles/a');
    expect(asked).toHaveLength(2);
  });

  it('with the micro-cache off, renders every reader page whole, with a Content-Length', async () => {
    const { url, asked } = await setup({ microCache: false });
    await get(`${url}/articles/a`);
    const second = await get(`${url}/articles/a`);
    expect(second.body).toBe('第2次：/articles/a');
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)));
    expect(second.headers['transfer-encoding']).toBeUndefined();
    expect(asked).toHaveLength(2);
  });

  it('refuses an upgrade other than /collab', async () => {
    const { url } = await setup();
    const outcome = await new Promise<string>((resolve) => {
      const request = http.get(`${url}/somewhere`, { headers: { Connection: 'Upgrade', Upgrade: 'websocket' } });
      request.on('upgrade', () => resolve('upgraded'));
      request.on('response', (response) => resolve(`answered ${response.statusCode}`));
      request.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
