import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { largePost } from '../test/support/large-post';
import { refuseBody } from './refuse-body';

let server: http.Server;
let base = '';
let reachedApp = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (refuseBody(request, response)) return;
    reachedApp += 1;
    request.resume();
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('refuseBody', () => {
  it('answers twenty concurrent 35 MB posts with 413 that every client reads, none reaching the app', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => largePost(`${base}/newsroom/issues/import`, { declared: 35 * 1024 * 1024 })),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array.from({ length: 20 }, () => 413));
    expect(reachedApp).toBe(0);
  }, 60_000);
  it('answers a body held after 1,000 bytes at once', async () => {
    const outcome = await largePost(`${base}/`, { declared: 11 * 1024 * 1024, send: 1000, holdMs: 5000 });
    expect(outcome.status).toBe(413);
    expect(outcome.ms).toBeLessThan(1000);
  });
  it('refuses a chunked body without a declared length (411), lets a request without a body through', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/login`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write('a');
      request.end();
    });
    expect(status).toBe(411);
    const reached = reachedApp;
    expect((await fetch(`${base}/articles/a`)).status).toBe(200);
    expect(reachedApp).toBe(reached + 1);
    reachedApp = reached; // the next test counts from here
  });

  it('lets a small body through to the app', async () => {
    const outcome = await largePost(`${base}/login`, { declared: 1000 });
    expect(outcome.status).toBe(200);
    expect(reachedApp).toBe(1);
  });
});
