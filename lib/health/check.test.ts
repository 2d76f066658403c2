// /api/health with the co-editing process down: the field says so, but the site stays healthy (200),
// so the health waits (start-up, start:front, start:cluster, the benchmarks) keep their meaning.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { GET } from '@/app/api/health/route';

import { freePort } from '../../test/support/free-port';
import { checkHealth } from './check';

const saved = process.env.COLLAB_PORT;
afterEach(() => {
  if (saved === undefined) delete process.env.COLLAB_PORT;
  else process.env.COLLAB_PORT = saved;
});

describe('checkHealth', () => {
  it('reports the co-editing process unreachable without failing the site', async () => {
    process.env.COLLAB_PORT = String(await freePort());
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: true, database: 'ok', collab: 'unreachable' });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, collab: 'unreachable' });
  });

  it('reports it answering', async () => {
    const server = http.createServer((_, response) => response.end('Welcome to Hocuspocus!'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.COLLAB_PORT = String((server.address() as net.AddressInfo).port);
    try {
      expect((await checkHealth()).collab).toBe('ok');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
