// Whether the co-editing process (server/collab.ts) answers, for /api/health. Hocuspocus answers a
// plain HTTP request on its port, so an HTTP answer (not just an open port, which a hung process
// still has) means it is alive. Reported beside the site's health, never as part of it: the site
// serves readers and keeps editors' text in their browsers while co-editing is being restarted.
import http from 'node:http';

import type { Env } from '../config/database';

export type CollabHealth = 'ok' | 'unreachable' | 'not-configured';

/** How long a probe may take: the process runs beside the web server, on loopback or the LAN. */
export const COLLAB_PROBE_TIMEOUT_MS = 1000;

/** 'ok' once anything answers HTTP on host:port within the timeout; 'unreachable' otherwise. */
export function probeCollab(
  host: string,
  port: number,
  timeoutMs = COLLAB_PROBE_TIMEOUT_MS,
): Promise<'ok' | 'unreachable'> {
  return new Promise((resolve) => {
    // agent: false, so no idle connection to it is kept between probes.
    const request = http.get({ host, port, path: '/', agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      request.destroy();
      resolve('ok');
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve('unreachable'));
    request.on('close', () => resolve('unreachable'));
  });
}

/**
 * The co-editing process this web server relays /collab to (COLLAB_PORT on COLLAB_HOST, as
 * server/serve.ts does); 'not-configured' when this server relays to none (COLLAB_PORT unset).
 */
export async function collabHealth(env: Env, timeoutMs = COLLAB_PROBE_TIMEOUT_MS): Promise<CollabHealth> {
  const port = Number(env.COLLAB_PORT ?? 0);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return 'not-configured';
  return probeCollab(env.COLLAB_HOST || '127.0.0.1', port, timeoutMs);
}
