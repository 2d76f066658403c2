// `npm start`: first run and every run after it (README: Two commands). Checks the settings before creating
// anything, prepares the data directory, builds once if there is no build, then serves with
// server/serve.ts (Next.js in production mode, or development mode with --dev), with the co-editing
// process (server/collab.ts) beside it under a supervisor that restarts it (server/supervise.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ConfigError, resolveDatabase, resolvePoolSize } from '../lib/config/database';
import { resolveHost, resolveTrustedProxies } from '../lib/config/listen';
import { assertPortFree, resolveCollabPort, resolvePort } from '../lib/config/port';
import { resolveRetention } from '../lib/config/retention';
import { superviseCollab } from '../server/collab-process';
import { clearDataCache } from '../server/next-cache';
import { prepare } from '../server/prepare';
import { serveArgs } from '../server/serve-command';

const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

async function main() {
  const dev = process.argv.includes('--dev');
  const env = { ...process.env };
  const port = resolvePort(env);
  const collabPort = resolveCollabPort(env);
  resolveDatabase(env);
  resolvePoolSize(env);
  resolveRetention(env);
  // HOST: behind a front (TRUSTED_PROXY_HOPS > 0) loopback unless set (lib/config/listen.ts).
  const hostname = resolveHost(env);
  resolveTrustedProxies(env);
  await assertPortFree(port, hostname);
  // COLLAB_START=0: another instance runs the deployment's one co-editing process (README, "Co-editing").
  const startCollab = env.COLLAB_START !== '0';
  if (startCollab) await assertPortFree(collabPort, '127.0.0.1');

  const prepared = await prepare(env);
  if (prepared.sampleLoaded) console.log('已载入示例期：今日柯城 第1705期');
  if (prepared.admin.created) {
    console.log(`已创建管理员账号：${prepared.admin.email}`);
    if (prepared.admin.generatedPassword) {
      console.log(`初始密码（只显示这一次，请登录后修改）：${prepared.admin.generatedPassword}`);
    }
  }

  const siteUrl = env.SITE_URL || `http://localhost:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    DATA_DIR: prepared.dataDir,
    DATABASE_URL: prepared.databaseUrl,
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL || siteUrl,
    SITE_URL: siteUrl,
    PORT: String(port),
    COLLAB_PORT: String(collabPort),
  };

  if (!dev && !fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('首次启动：正在构建生产版本（约需两三分钟）…');
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: serverEnv, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed; see the output above');
  }

  clearDataCache(ROOT);
  // The co-editing server runs beside the web server, which relays /collab to it. It runs under a
  // supervisor that starts it again whenever it exits or is killed: the web server never stops
  // because the co-editing process did (editors keep their text in the browser meanwhile).
  const collab = startCollab ? superviseCollab({ env: serverEnv, dataDir: prepared.dataDir, stdio: 'inherit' }) : null;
  const server = spawn(process.execPath, serveArgs({ port, hostname, dev }), {
    cwd: ROOT,
    env: serverEnv,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill(signal);
      void collab?.stop();
    });
  }
  server.on('exit', (code) => {
    void (collab?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`无法启动：${error.message}`);
  } else {
    console.error('无法启动：', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
