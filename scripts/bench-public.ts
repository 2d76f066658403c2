// npm run bench:public — the reader site under load on a large archive (issue 4): builds the app if
// needed, prepares .bench/public with 20 years of weekly issues (4 pages, 10 stories a page), starts
// `next start`, and load-tests four pages with autocannon (32 connections, 20 s each).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { prepare } from './lib/prepare';
import { clearDataCache } from './lib/next-cache';
import { generateArchive } from './bench/synthetic-archive';

const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const DATA_DIR = path.join(ROOT, '.bench', 'public');
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = 32;

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy at ${url}`);
}

async function main() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR, DATABASE_URL: undefined, ADMIN_PASSWORD: 'bench-admin-password' };
  const prepared = await prepare(env);
  const archive = generateArchive(prepared.sqlitePath, { years: 20, pagesPerIssue: 4, storiesPerPage: 10, firstNumber: 10_001, charsPerStory: 800 });
  console.log(`archive: ${archive.issues} issues, ${archive.stories} stories, generated in ${archive.seconds.toFixed(1)} s`);

  const baseUrl = `http://127.0.0.1:${PORT}`;
  const serverEnv = {
    ...env,
    DATA_DIR: prepared.dataDir,
    DATABASE_URL: `file:${prepared.sqlitePath}`,
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: baseUrl,
    SITE_URL: baseUrl,
    PORT: String(PORT),
    NODE_ENV: 'production' as const,
  };
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: serverEnv, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  clearDataCache(ROOT);
  const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: ROOT, env: serverEnv, stdio: 'ignore' });
  try {
    await waitForHealth(`${baseUrl}/api/health`);
    const targets = [
      { name: '首页 /', path: '/' },
      { name: '版面 /issues/N/pages/2', path: `/issues/${archive.latestIssue - 100}/pages/2` },
      { name: '稿件 /articles/[slug]', path: `/articles/${archive.sampleSlug}` },
      { name: '往期月份 /archive/2016/5', path: '/archive/2016/5' },
    ];
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per page, ${baseUrl}`);
    console.log('page\trequests/s\tp50 ms\tp99 ms\terrors\tnon-2xx');
    for (const target of targets) {
      const check = await fetch(baseUrl + target.path);
      if (!check.ok) throw new Error(`${target.path} answered ${check.status}`);
      const result = await autocannon({ url: baseUrl + target.path, connections: CONNECTIONS, duration: DURATION_S });
      console.log(
        `${target.name}\t${result.requests.average.toFixed(0)}\t${result.latency.p50}\t${result.latency.p99}\t${result.errors + result.timeouts}\t${result.non2xx}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
