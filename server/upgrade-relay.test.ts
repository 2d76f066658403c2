import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';

import { isCollabUpgrade, relayUpgrade, requestHead } from './upgrade-relay';

describe('which upgrades go to the co-editing server', () => {
  it('takes /collab and its query or sub-path only', () => {
    for (const url of ['/collab', '/collab?x=1', '/collab/story']) expect(isCollabUpgrade(url), url).toBe(true);
    for (const url of [undefined, '/', '/collaborate', '/_next/webpack-hmr', '/api/collab'])
      expect(isCollabUpgrade(url), String(url)).toBe(false);
  });

  it('replays the request head as it arrived', () => {
    expect(
      requestHead({ method: 'GET', url: '/collab', httpVersion: '1.1', rawHeaders: ['Host', 'a', 'Cookie', 'x=1'] }),
    ).toBe('GET /collab HTTP/1.1\r\nHost: a\r\nCookie: x=1\r\n\r\n');
  });
});

describe('the relay', () => {
  const closers: (() => void)[] = [];
  afterAll(() => closers.forEach((close) => close()));

  it('carries a WebSocket both ways with the cookie, and answers 503 when the co-editing server is down', async () => {
    const upstream = new WebSocketServer({ port: 0 });
    closers.push(() => upstream.close());
    let cookie: string | undefined;
    upstream.on('connection', (socket, request) => {
      cookie = request.headers.cookie;
      socket.on('message', (data) => socket.send(`echo:${String(data)}`));
    });
    await new Promise((resolve) => upstream.once('listening', resolve));
    const upstreamPort = (upstream.address() as net.AddressInfo).port;
    let targetPort = upstreamPort;
    const web = http.createServer((_request, response) => response.end('page'));
    web.on('upgrade', (request, socket, head) => relayUpgrade(request, socket, head, targetPort));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    closers.push(() => web.close());
    const url = `ws://127.0.0.1:${(web.address() as net.AddressInfo).port}/collab`;

    const client = new WebSocket(url, { headers: { cookie: 'next-auth.session-token=abc' } });
    await new Promise((resolve) => client.once('open', resolve));
    const reply = new Promise<string>((resolve) => client.once('message', (data) => resolve(String(data))));
    client.send('柯城');
    expect(await reply).toBe('echo:柯城');
    expect(cookie).toBe('next-auth.session-token=abc');
    client.close();

    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, resolve));
    targetPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = new WebSocket(url);
    const status = await new Promise<number>((resolve) =>
      refused.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)),
    );
    expect(status).toBe(503);
  });
});
