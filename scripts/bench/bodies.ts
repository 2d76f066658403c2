// `npm run bench:bodies` (issue 29): what anonymous large bodies cost the web server. Starts the app as
// `npm start` serves it (server/serve.ts, which refuses oversized bodies before Next reads them) on
// BENCH_PORT (default 3440) with a fresh data directory in .bench/bodies, then for each kind of endpoint
// sends twenty concurrent anonymous 35 MB posts and samples the server's resident memory every 50 ms.
// Prints, per kind, the statuses, the slowest answer and the memory before, at its peak and after;
// then a body declared large but held after 1,000 bytes, timed to its answer. Targets: every answer
// a 4xx, memory within 100 MB of the start, a held body answered within a second. Last, with the app
// run as behind a front (TRUSTED_PROXY_HOPS=1, TRUSTED_PROXIES=127.0.0.1), a failed sign-in straight from
// 127.0.0.2 with a forged X-Forwarded-For must be recorded under 127.0.0.2, and one from the listed proxy
// under the address it forwarded. Exit 1 when a target is missed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { createClientFor } from '../../lib/db-client';
import { serveArgs } from '../../server/serve-command';
import { largePost, type PostOutcome } from '../../test/support/large-post';
import { appServerEnv, buildIfStale } from './lib/app-server';
import { forgedSignIn } from './lib/forged-sign-in';
import { freshBenchData } from './lib/fresh-data';
import { waitForHealth } from './lib/wait-for-health';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'bodies');
const PORT = Number(process.env.BENCH_PORT ?? 3440);
const MB = 1024 * 1024;
const BODY = 35 * MB;
const CONCURRENT = 20;
const MEMORY_TARGET_MB = 100;

const multipart = { 'Content-Type': 'multipart/form-data; boundary=----bench' };
/** One of each kind the issue names: a server action, a reader page, the uploads, the import, sign-in. */
const KINDS: { name: string; path: string; headers: Record<string, string> }[] = [
  {
    name: '服务器动作（导入页）',
    path: '/newsroom/issues/import',
    headers: { ...multipart, 'Next-Action': '0'.repeat(42) },
  },
  { name: '服务器动作（读者首页）', path: '/', headers: { ...multipart, 'Next-Action': '0'.repeat(42) } },
  {
    name: '登录',
    path: '/api/auth/callback/credentials',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  },
  { name: '图片上传 /api/media', path: '/api/media', headers: multipart },
  {
    name: '版面 PDF 上传',
    path: '/api/newsroom/epaper?issueNumber=1705&page=all',
    headers: { 'Content-Type': 'application/pdf' },
  },
  {
    name: '导入预览',
    path: '/api/newsroom/import?intent=preview&name=a.txt',
    headers: { 'Content-Type': 'text/plain' },
  },
  { name: '导入确认', path: '/api/newsroom/import?intent=confirm', headers: { 'Content-Type': 'application/json' } },
];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, rssMb(pid));
  }
}

const summary = (outcomes: PostOutcome[]) => {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const key = String(outcome.status ?? outcome.error);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${status}×${count}`).join(' ');
};

async function main() {
  const prepared = await freshBenchData(DATA_DIR);
  const env = { ...appServerEnv(process.env, prepared, PORT), TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXIES: '127.0.0.1' };
  buildIfStale(ROOT, env);
  const server = spawn(process.execPath, serveArgs({ port: PORT, hostname: '127.0.0.1' }), {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${PORT}`;
  let missed = 0;
  try {
    await waitForHealth(`${base}/api/health`);
    for (const url of ['/', '/archive', '/api/health', '/login']) await (await fetch(`${base}${url}`)).arrayBuffer();
    const pid = server.pid!;
    const start = rssMb(pid);
    console.log(`web server (pid ${pid}) after warm-up: ${start.toFixed(0)} MB`);
    console.log(`${CONCURRENT} concurrent anonymous ${BODY / MB} MB posts per kind:`);
    for (const kind of KINDS) {
      const before = rssMb(pid);
      const { result, peak } = await sampled(pid, () =>
        Promise.all(
          Array.from({ length: CONCURRENT }, () =>
            largePost(`${base}${kind.path}`, { declared: BODY, headers: kind.headers }),
          ),
        ),
      );
      const slowest = Math.max(...result.map((outcome) => outcome.ms));
      const all4xx = result.every(
        (outcome) => outcome.status !== null && outcome.status >= 400 && outcome.status < 500,
      );
      const withinTarget = peak - start <= MEMORY_TARGET_MB;
      if (!all4xx || !withinTarget) missed += 1;
      console.log(
        `  ${kind.name.padEnd(16)} ${summary(result).padEnd(12)} slowest ${slowest.toFixed(0)} ms; RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} (+${(peak - start).toFixed(0)} MB) → ${rssMb(pid).toFixed(0)} MB ${all4xx && withinTarget ? 'ok' : 'MISSED'}`,
      );
    }
    console.log('a body declared 11 MB, held after 1,000 bytes (answered without waiting for the rest?):');
    for (const kind of KINDS) {
      const outcome = await largePost(`${base}${kind.path}`, {
        declared: 11 * MB,
        send: 1000,
        headers: kind.headers,
        holdMs: 10_000,
      });
      const ok = outcome.status !== null && outcome.status >= 400 && outcome.status < 500 && outcome.ms < 1000;
      if (!ok) missed += 1;
      console.log(
        `  ${kind.name.padEnd(16)} ${String(outcome.status ?? outcome.error).padEnd(10)} ${outcome.ms.toFixed(0)} ms ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log('X-Forwarded-For with TRUSTED_PROXY_HOPS=1, TRUSTED_PROXIES=127.0.0.1:');
    const db = createClientFor(prepared.database);
    try {
      for (const [from, forwardedFor, expected] of [
        ['127.0.0.2', '192.0.2.250', '127.0.0.2'],
        ['127.0.0.1', '203.0.113.9', '203.0.113.9'],
      ] as const) {
        const email = `forged-${from}@bench.invalid`;
        const status = await forgedSignIn(base, { from, forwardedFor, email });
        const recorded = (await db.loginAttempt.findFirst({ where: { email }, select: { ip: true } }))?.ip;
        const ok = recorded === expected;
        if (!ok) missed += 1;
        console.log(
          `  from ${from} claiming ${forwardedFor}: HTTP ${status}, recorded as ${recorded ?? '(nothing)'} ${ok ? 'ok' : `MISSED (expected ${expected})`}`,
        );
      }
    } finally {
      await db.$disconnect();
    }
    const end = rssMb(pid);
    console.log(`web server at the end: ${end.toFixed(0)} MB (+${(end - start).toFixed(0)} MB over the start)`);
    console.log(
      missed === 0
        ? `targets met: every answer a 4xx, memory within ${MEMORY_TARGET_MB} MB, held bodies answered within 1 s`
        : `targets missed: ${missed}`,
    );
  } finally {
    server.kill('SIGTERM');
  }
  process.exit(missed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
