// The app (Next.js, and the read beacon's endpoint) listens on a Unix socket of its own, in a 0700
// directory, and the edge (server/edge.ts: the public port, the micro-cache) reaches it there over
// HTTP, as nginx would reach an upstream: the answer arrives as Next wrote it, gzip included. Nobody
// else can connect, so the client address the edge passes on (PEER_HEADER) can be trusted.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { KEEP_ALIVE_MS } from './keep-alive';
import type { Rendered } from './micro-cache';

export type AppSocket = { path: string; close: () => void };

/** Listens with `handle` on a private Unix socket; close() stops it and removes its directory. */
export async function listenPrivately(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<AppSocket> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kecheng-render-'));
  const socketPath = path.join(dir, 'next.sock');
  const server = http.createServer(handle);
  // The edge's idle connections are closed on its side first (appAgent's timeout), never here
  // while it sends a request on one.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    path: socketPath,
    close: () => {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The edge's connections to the app: kept open, each closed after a minute idle (before the app's 65 s). */
export function appAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, timeout: 60_000, maxFreeSockets: 64 });
}

/**
 * Sends one request to the app (the body, if given, is piped into it). A GET or HEAD that fails on a
 * kept connection before any answer is sent again once on a new one (the app may have closed that
 * connection just then: Node's advice for `reusedSocket`); nothing else is repeated.
 */
export function requestApp(
  options: http.RequestOptions & { socketPath: string; agent: http.Agent },
  onResponse: (response: http.IncomingMessage) => void,
  onError: (error: Error) => void,
  body?: NodeJS.ReadableStream,
): { destroy: () => void } {
  const idempotent = options.method === 'GET' || options.method === 'HEAD';
  let current: http.ClientRequest;
  const send = (again: boolean) => {
    const request = http.request(options, onResponse);
    current = request;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!again && idempotent && request.reusedSocket && error.code === 'ECONNRESET') send(true);
      else onError(error);
    });
    if (body && !again) body.pipe(request);
    else request.end();
  };
  send(false);
  return { destroy: () => current.destroy() };
}

/** How the micro-cache asks the app for one whole answer (on a miss). */
export function rendersThrough(socketPath: string, agent: http.Agent) {
  return (method: string, url: string, headers: Record<string, string>) =>
    new Promise<Rendered>((resolve, reject) => {
      requestApp(
        { socketPath, agent, method, path: url, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const pairs: [string, string][] = [];
            for (let i = 0; i < response.rawHeaders.length; i += 2)
              pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
            resolve({ status: response.statusCode ?? 502, headers: pairs, body: Buffer.concat(chunks) });
          });
        },
        reject,
      );
    });
}
