// The edge in its own worker thread, as `npm start` runs it: it boots (tsx registered inside the
// worker), serves from its micro-cache, and sees the reader data expire when the app's thread says so
// through the shared instant.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

import { listenPrivately } from './app-socket';
import { startEdgeThread } from './edge-thread';
import { SharedInstant } from './shared-instant';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const body = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(`${response.headers['x-app-cache']} ${text}`));
      })
      .on('error', reject);
  });

const stops: (() => unknown)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe('the edge thread', () => {
  it('boots, serves copies, and drops them when the app’s thread moves the shared instant', async () => {
    let renders = 0;
    const app = await listenPrivately((_request, response) => {
      renders += 1;
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'public, s-maxage=60' });
      response.end(`render ${renders}`);
    });
    stops.push(app.close);
    const expiredAt = new SharedInstant();
    const port = await freePort();
    const edge = await startEdgeThread(
      {
        port,
        hostname: '127.0.0.1',
        appSocketPath: app.path,
        microCacheBytes: 1 << 20,
        newsroomFirst: true,
        collab: null,
      },
      expiredAt,
    );
    stops.push(() => edge.terminate());
    const url = `http://127.0.0.1:${port}/articles/a`;
    expect(await body(url)).toBe('MISS render 1');
    expect(await body(url)).toBe('HIT render 1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expiredAt.set(Date.now());
    expect(await body(url)).toBe('MISS render 2');
  });

  it('rejects with the reason when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    stops.push(() => taken.close());
    const { port } = taken.address() as AddressInfo;
    await expect(
      startEdgeThread(
        {
          port,
          hostname: '127.0.0.1',
          appSocketPath: '/nonexistent.sock',
          microCacheBytes: null,
          newsroomFirst: false,
          collab: null,
        },
        new SharedInstant(),
      ),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
