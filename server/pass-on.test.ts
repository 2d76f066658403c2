// Passing requests on to the app over its private socket (server/pass-on.ts, server/app-socket.ts):
// streamed both ways, connection headers kept on their hop, a Chinese 502 when the app is gone, a
// reader who leaves stops the app's answer, and a GET (never a POST) sent again once when the app
// closed a kept connection just as it was used.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { appAgent, listenPrivately, type AppSocket } from './app-socket';
import { APP_UNREACHABLE, passOn } from './pass-on';

const closers: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const close of closers.splice(0)) close();
});

/** An app on a private socket and an edge that passes everything on to it. */
async function setup(app: http.RequestListener, socketPath?: string) {
  let appSocket: AppSocket | null = null;
  if (!socketPath) {
    appSocket = await listenPrivately(app);
    closers.push(appSocket.close);
  }
  const agent = appAgent();
  const edge = http.createServer((request, response) =>
    passOn(request, response, socketPath ?? appSocket!.path, agent),
  );
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    agent.destroy();
    edge.closeAllConnections();
    edge.close();
  });
  return `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: string };

function ask(url: string, options: http.RequestOptions = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          raw: response.rawHeaders,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('passing a request on to the app', () => {
  it('passes the method, path, headers and body on, and the answer back with every Set-Cookie', async () => {
    let seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders; body?: string } = {};
    const url = await setup((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen = {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        };
        response.writeHead(201, [
          'Set-Cookie',
          'a=1; Path=/',
          'Set-Cookie',
          'b=2; Path=/',
          'X-Kept',
          'yes',
          'Keep-Alive',
          'timeout=99',
        ]);
        response.end('已保存');
      });
    });
    const reply = await ask(
      `${url}/newsroom/articles?x=1`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'X-Story': '柯城'.length.toString(), Connection: 'close' },
      },
      '正文'.repeat(1000),
    );
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/newsroom/articles?x=1');
    expect(seen.body).toBe('正文'.repeat(1000));
    expect(seen.headers?.['x-story']).toBe('2');
    // The reader's "Connection: close" is for the reader's connection, not the app's.
    expect(seen.headers?.connection).toBe('keep-alive');
    expect(reply.status).toBe(201);
    expect(reply.body).toBe('已保存');
    expect(reply.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(reply.headers['x-kept']).toBe('yes');
    expect(reply.headers['keep-alive']).toBeUndefined();
  });

  it('streams the answer: the first part reaches the browser before the app writes the rest', async () => {
    let releaseRest: () => void = () => {};
    const rest = new Promise<void>((resolve) => (releaseRest = resolve));
    const url = await setup((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.write('<p>第一段</p>');
      void rest.then(() => response.end('<p>第二段</p>'));
    });
    const parts: string[] = [];
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${url}/newsroom`, (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            parts.push(chunk);
            // Only once the first part has arrived does the app write the second.
            if (parts.length === 1) releaseRest();
          });
          response.on('end', resolve);
        })
        .on('error', reject);
    });
    expect(parts[0]).toBe('<p>第一段</p>');
    expect(parts.join('')).toBe('<p>第一段</p><p>第二段</p>');
  });

  it('answers 502 with a Chinese line when the app cannot be reached', async () => {
    const url = await setup(() => {}, '/nonexistent/kecheng/next.sock');
    const reply = await ask(`${url}/newsroom`);
    expect(reply.status).toBe(502);
    expect(reply.body).toBe(APP_UNREACHABLE);
  });

  it('stops the app’s answer when the reader goes away, without calling it an error of the app', async () => {
    const logged = vi.spyOn(console, 'error');
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    let appSawClose: () => void = () => {};
    const closed = new Promise<void>((resolve) => (appSawClose = resolve));
    const url = await setup((_request, response) => {
      // A slow page: nothing is sent before the reader leaves.
      response.on('close', appSawClose);
      arrived();
    });
    const request = http.get(`${url}/newsroom/slow`);
    request.on('error', () => {});
    await arrival;
    request.destroy();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged).not.toHaveBeenCalled();
  });

  it('sends a GET again on a new connection when the app closed the kept one, but never a POST', async () => {
    const attempts: string[] = [];
    let dropNext = false;
    const url = await setup((request, response) => {
      attempts.push(request.method!);
      if (dropNext) {
        dropNext = false;
        attempts.push('dropped');
        return void request.socket.destroy();
      }
      response.end('好');
    });
    expect((await ask(`${url}/newsroom/a`)).body).toBe('好');
    dropNext = true;
    expect((await ask(`${url}/newsroom/b`)).body).toBe('好');
    expect(attempts).toEqual(['GET', 'GET', 'dropped', 'GET']);
    dropNext = true;
    const post = await ask(`${url}/newsroom/c`, { method: 'POST' }, '正文');
    expect(attempts.slice(4)).toEqual(['POST', 'dropped']);
    expect(post.status).toBe(502);
    expect(post.body).toBe(APP_UNREACHABLE);
  });
});
