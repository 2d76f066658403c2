// `npm run start:cluster`: two app instances (INSTANCES, default 2) on one database and one media
// directory, behind the shipped nginx front, on one machine: what a deployment of several instances
// looks like, to try it locally. Instances listen on PORT, PORT+1, … (default 3001, 3002) and the
// front on FRONT_PORT (default 8080), the one co-editing process on COLLAB_PORT (default the port after
// the instances'), under a supervisor that restarts it when it exits or is killed (the instances and
// the front keep serving meanwhile). Ctrl-C stops the front, every instance and the co-editing process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ConfigError, resolveDatabase } from '../lib/config/database';
import { resolveMediaDir } from '../lib/config/media-dir';
import { assertPortFree } from '../lib/config/port';
import { resolveRetention } from '../lib/config/retention';
import { startCluster, type Cluster } from '../server/cluster';
import { findNginx, NGINX_MISSING } from '../server/front';
import { clearDataCache } from '../server/next-cache';
import { prepare } from '../server/prepare';

const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

function portSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ConfigError(`${name} 无效：${raw}（应为 1 到 65535 的整数）`);
  return port;
}

async function main() {
  if (!findNginx()) throw new ConfigError(NGINX_MISSING);
  const env = { ...process.env };
  const first = portSetting(env, 'PORT', 3001);
  const count = Number(env.INSTANCES ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new ConfigError(`INSTANCES 无效：${env.INSTANCES}（应为 1 到 16 的整数）`);
  const ports = Array.from({ length: count }, (_, i) => first + i);
  const frontPort = portSetting(env, 'FRONT_PORT', 8080);
  // The deployment's one co-editing process, after the instances' ports (README, "Co-editing").
  const collabPort = portSetting(env, 'COLLAB_PORT', first + count);
  resolveDatabase(env);
  resolveRetention(env);
  for (const port of [...ports, frontPort, collabPort]) await assertPortFree(port);

  const prepared = await prepare(env);
  if (prepared.admin.created) {
    console.log(`已创建管理员账号：${prepared.admin.email}`);
    if (prepared.admin.generatedPassword)
      console.log(`初始密码（只显示这一次，请登录后修改）：${prepared.admin.generatedPassword}`);
  }
  const siteUrl = env.SITE_URL || `http://localhost:${frontPort}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    DATA_DIR: prepared.dataDir,
    DATABASE_URL: prepared.databaseUrl,
    MEDIA_DIR: resolveMediaDir(env),
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL || siteUrl,
    SITE_URL: siteUrl,
    TRUSTED_PROXY_HOPS: env.TRUSTED_PROXY_HOPS ?? '1',
    // The nginx front is the cache here; the app's own micro-cache would keep a second copy (README).
    APP_MICROCACHE: env.APP_MICROCACHE ?? '0',
  };
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('首次启动：正在构建生产版本（约需两三分钟）…');
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: serverEnv, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed; see the output above');
  }
  clearDataCache(ROOT);

  let cluster: Cluster | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('正在停止前端和全部实例…');
    await cluster?.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

  cluster = await startCluster({
    env: serverEnv,
    ports,
    frontPort,
    collabPort,
    dataDir: prepared.dataDir,
    mediaDir: serverEnv.MEDIA_DIR!,
    frontDir: path.join(prepared.dataDir, 'front'),
    output: 'prefix',
  });
  let running = cluster.instances.length;
  for (const instance of cluster.instances) {
    instance.process.on('exit', (code, signal) => {
      if (stopping) return;
      running -= 1;
      console.error(
        `实例 ${instance.name}（端口 ${instance.port}）已退出（${code ?? signal}）；其余 ${running} 个实例继续服务`,
      );
      if (running === 0) void stop(1);
    });
  }
  cluster.front?.on('exit', (code) => {
    if (!stopping) {
      console.error(`前端 nginx 已退出（${code}）`);
      void stop(1);
    }
  });
  console.log(
    `${ports.length} 个实例（端口 ${ports.join('、')}）和协同编辑服务（端口 ${collabPort}）在前端 nginx 之后：${siteUrl}　按 Ctrl-C 全部停止`,
  );
}

main().catch((error: unknown) => {
  console.error(`无法启动：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
