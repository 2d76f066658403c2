// How the micro-cache asks Next for an answer on a miss: over HTTP on a Unix socket of this process,
// as nginx would (the answer arrives complete, headers as Next wrote them, the body as sent, gzip
// included), without a port anyone else could reach: the socket lives in a 0700 directory, so the
// client address the cache passes on (PEER_HEADER) can be trusted there.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import type { Rendered } from './micro-cache';

export type RenderSocket = {
  render: (method: string, url: string, headers: Record<string, string>) => Promise<Rendered>;
  close: () => void;
};

/** Listens with `handle` on a private Unix socket and returns the function that asks it. */
export async function listenForRenders(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<RenderSocket> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kecheng-render-'));
  const socketPath = path.join(dir, 'next.sock');
  const server = http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const render = (method: string, url: string, headers: Record<string, string>) =>
    new Promise<Rendered>((resolve, reject) => {
      const request = http.request({ socketPath, agent, method, path: url, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < response.rawHeaders.length; i += 2)
            pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
          resolve({ status: response.statusCode ?? 502, headers: pairs, body: Buffer.concat(chunks) });
        });
      });
      request.on('error', reject);
      request.end();
    });
  return {
    render,
    close: () => {
      agent.destroy();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
