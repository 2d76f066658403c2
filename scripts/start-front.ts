// `npm run start:front`: the app (`npm start` on PORT, default 3000) with the shipped nginx front
// (deploy/nginx/) in front of it on FRONT_PORT (default 8080), as in production but without TLS.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { resolveDataDir } from '../lib/config/database';
import { resolveMediaDir } from '../lib/config/media-dir';
import { resolvePort } from '../lib/config/port';
import { checkFrontAccess, findNginx, NGINX_MISSING, startFront, stopFront } from '../server/front';

const ROOT = path.resolve(import.meta.dirname, '..');

async function waitForApp(url: string, app: ChildProcess): Promise<void> {
  // The first run may build the app (two to three minutes).
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`npm start 已退出（${app.exitCode}）`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`应用未在 ${url} 就绪`);
}

async function main() {
  if (!findNginx()) {
    console.error(NGINX_MISSING);
    process.exit(1);
  }
  const frontPort = Number(process.env.FRONT_PORT ?? 8080);
  if (!Number.isInteger(frontPort) || frontPort < 1 || frontPort > 65535)
    throw new Error(`FRONT_PORT 无效：${process.env.FRONT_PORT}`);
  const appPort = resolvePort(process.env);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    SITE_URL: process.env.SITE_URL || `http://localhost:${frontPort}`,
    TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS ?? '1',
    // The nginx front is the cache here; the app's own micro-cache would keep a second copy (README).
    APP_MICROCACHE: process.env.APP_MICROCACHE ?? '0',
    // The front reaches the app on loopback; nothing else should (README, "Deployment").
    HOST: process.env.HOST ?? '127.0.0.1',
  };
  const dataDir = resolveDataDir(env);
  const frontOptions = {
    workDir: path.join(dataDir, 'front'),
    frontPort,
    appPort,
    dataDir,
    mediaDir: resolveMediaDir(env),
  };
  // Before the app starts (its first run builds for minutes): a front whose workers cannot reach its
  // directories would answer every page with 500.
  checkFrontAccess(frontOptions);
  const app = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'start.ts')],
    { cwd: ROOT, env, stdio: 'inherit' },
  );
  let front: ChildProcess | null = null;
  const stop = async (code: number) => {
    if (front) await stopFront(front);
    if (app.exitCode === null) app.kill('SIGTERM');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  app.on('exit', (code) => void stop(code ?? 0));

  await waitForApp(`http://127.0.0.1:${appPort}/api/health`, app);
  front = await startFront(frontOptions);
  console.log(`前端 nginx 已启动：http://localhost:${frontPort}（应用在 ${appPort} 端口）`);
  front.on('exit', (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error('无法启动：', error instanceof Error ? error.message : error);
  process.exit(1);
});
