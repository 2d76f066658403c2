// PORT parsing and an "is it free?" probe, run before anything is created on disk.
import net from 'node:net';

import { ConfigError, type Env } from './database';

export const DEFAULT_PORT = 3000;

function parsePort(name: string, raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`${name} "${raw}" 不是端口号：请设为 1 到 65535 之间的整数`);
  }
  return port;
}

export function resolvePort(env: Env): number {
  const raw = env.PORT?.trim();
  return raw ? parsePort('PORT', raw) : DEFAULT_PORT;
}

/** The co-editing server's port: COLLAB_PORT, or the one after the web server's. */
export function resolveCollabPort(env: Env): number {
  const raw = env.COLLAB_PORT?.trim();
  if (raw) return parsePort('COLLAB_PORT', raw);
  const web = resolvePort(env);
  return web === 65535 ? web - 1 : web + 1;
}

export function assertPortFree(port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `端口 ${port} 已被占用：请停止占用它的程序，或用 PORT=${port + 1} 启动`
          : `无法监听端口 ${port}（${error.code ?? error.message}）：请换一个 PORT`;
      reject(new ConfigError(why));
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}
