// Builds the app, prepares a fresh data directory (migrations, sample issue, first admin) and starts
// the app's server (server/serve.ts) on it; the returned function stops the server. E2E_SKIP_BUILD=1 reuses an existing
// build while iterating on specs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';

import { createPrismaClient } from '../../lib/db-client';
import { superviseCollab } from '../../server/collab-process';
import { findNginx, startFront, stopFront } from '../../server/front';
import { clearDataCache } from '../../server/next-cache';
import { prepare } from '../../server/prepare';
import { serveArgs } from '../../server/serve-command';
import { emptyPostgres } from '../../test/support/empty-postgres';
import { E2E_ADMIN, E2E_DATA_DIR, E2E_SERVER_ENV_FILE, E2E_WECHAT_PORT } from './env';
import { E2E_FRONT_PORT } from './front';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3100';
  const port = new URL(baseURL).port;
  fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  // E2E_DATABASE_URL=postgresql://… runs the journeys on PostgreSQL: that database is emptied first.
  const postgres = process.env.E2E_DATABASE_URL;
  if (postgres) await emptyPostgres(postgres);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: E2E_DATA_DIR,
    DATABASE_URL: postgres || undefined,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const prepared = await prepare(env);
  // The journeys sign in as admins and chief editors with passwords only: no role must use two-factor
  // sign-in here, as an admin may set (账号安全). e2e/two-factor.spec.ts turns it on for its own
  // journey and puts this back.
  const db = createPrismaClient({ DATA_DIR: prepared.dataDir, DATABASE_URL: prepared.databaseUrl });
  await db.securityPolicy.upsert({
    where: { id: 1 },
    create: { id: 1, twoFactorRoles: '' },
    update: { twoFactorRoles: '' },
  });
  await db.$disconnect();

  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    DATA_DIR: prepared.dataDir,
    DATABASE_URL: prepared.databaseUrl,
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: baseURL,
    SITE_URL: baseURL,
    PORT: port,
    // The co-editing process (server/collab.ts) on the next port; the app relays /collab to it.
    COLLAB_PORT: String(Number(port) + 1),
    // Without its micro-cache: this server is the front's upstream, and every journey's direct reads
    // see the app's own answers. e2e/through-app.spec.ts starts an instance with it on.
    APP_MICROCACHE: '0',
    // The 公众号 API is the local double e2e/wechat-push.spec.ts starts on this port; the AppSecret is
    // sealed with a key made for this run.
    WECHAT_API_BASE: `http://127.0.0.1:${E2E_WECHAT_PORT}`,
    CHANNEL_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
    // No COLLAB_ORIGINS: pages served by the front, by instance B and its front (e2e/instances.spec.ts)
    // and by any other address open sockets as the page of the address the browser used (lib/collab/origin.ts).
  };
  // e2e/instances.spec.ts starts a second instance with the same settings (and only that spec, to keep the suite fast).
  // B relays /collab to the same co-editing process: one per deployment (README, "Co-editing").
  const shared = [
    'DATA_DIR',
    'DATABASE_URL',
    'NEXTAUTH_SECRET',
    'NEXTAUTH_URL',
    'SITE_URL',
    'NEXT_TELEMETRY_DISABLED',
    'COLLAB_PORT',
    'APP_MICROCACHE',
    'WECHAT_API_BASE',
    'CHANNEL_SECRET_KEY',
  ] as const;
  fs.writeFileSync(
    E2E_SERVER_ENV_FILE,
    JSON.stringify(Object.fromEntries(shared.map((name) => [name, serverEnv[name]]))),
    { mode: 0o600 },
  );
  if (process.env.E2E_SKIP_BUILD !== '1' || !fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: serverEnv, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  clearDataCache(ROOT);
  // On every interface, as npm start listens: the journeys open the newsroom by 127.0.0.1, localhost and a
  // second loopback address (127.0.0.2, standing in for a LAN address); they send traffic to loopback only.
  const server = spawn(process.execPath, serveArgs({ port, hostname: '0.0.0.0' }), {
    cwd: ROOT,
    env: serverEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Under the same supervisor as npm start's (restarted when killed: e2e/collab-restart.spec.ts kills it; pid in DATA_DIR/collab.pid).
  const collab = superviseCollab({
    env: serverEnv,
    dataDir: prepared.dataDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(`${baseURL}/api/health`, server);
  // The shipped nginx front, for the journeys that read through it (e2e/front.spec.ts skips without nginx).
  const front = findNginx()
    ? await startFront({
        workDir: path.join(E2E_DATA_DIR, '..', 'front'),
        frontPort: E2E_FRONT_PORT,
        appPort: Number(port),
        dataDir: prepared.dataDir,
        stdio: 'ignore',
      })
    : null;
  return async () => {
    if (front) await stopFront(front);
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await collab.stop();
  };
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy at ${url} within 60 s`);
}
