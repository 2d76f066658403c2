// `npm start`: first run and every run after it (README: Two commands). Checks the settings before creating
// anything, prepares the data directory, builds once if there is no build, then serves with
// scripts/serve.ts (Next.js in production mode, or development mode with --dev).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, resolveDatabase, resolvePoolSize } from '../lib/config/database';
import { assertPortFree, resolveCollabPort, resolvePort } from '../lib/config/port';
import { resolveRetention } from '../lib/config/retention';
import { prepare } from './lib/prepare';
import { clearDataCache } from './lib/next-cache';
import { collabArgs, serveArgs } from './lib/serve-command';

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
  await assertPortFree(port);
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
  // The co-editing server runs beside the web server, which relays /collab to it; one stops the other.
  const collab = startCollab ? spawn(process.execPath, collabArgs(), { cwd: ROOT, env: serverEnv, stdio: 'inherit' }) : null;
  const server = spawn(process.execPath, serveArgs({ port, dev }), {
    cwd: ROOT,
    env: serverEnv,
    stdio: 'inherit',
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
      collab?.kill(signal);
    });
  }
  server.on('exit', (code) => {
    if (!collab || collab.exitCode !== null) process.exit(code ?? 0);
    collab.kill('SIGTERM');
    collab.once('exit', () => process.exit(code ?? 0));
  });
  collab?.on('exit', (code, signal) => {
    if (signal || stopping) return;
    console.error(`协同编辑服务已退出（${code}）：正在停止网站`);
    server.kill('SIGTERM');
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
