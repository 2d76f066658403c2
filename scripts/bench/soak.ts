// `npm run bench:soak [-- --minutes N] [-- --app-alone]`: two instances on one database behind the
// nginx front, with the deployment's one co-editing process, for N minutes (default 10): reader load
// through the front (autocannon, 8 connections over the reader pages; the instances without their
// micro-cache, as `npm run start:cluster` runs them), or with --app-alone straight at the instances
// (4 connections each) with their micro-cache on, as `npm start` alone serves a spike (issue 31:
// the copies it keeps must not make the heap grow), while 5 editors write over co-editing, as the
// story editor does: each sitting a new story, opened alternately through instance A and B, six lines
// typed keystroke by keystroke (a keystroke every 0.1–0.3 s), 立即保存 and a wait for 已保存, then
// the next story. Prints reader requests and errors, keystrokes typed and acknowledged (the server's
// 'saved' message covering them, scripts/bench/lib/save-ledger.ts), problems the server reported, lost
// keystrokes (every keystroke an editor was told was saved must be in the database at the end), and
// the memory of each instance and of the co-editing process after the warm-up and at the end with
// the ratio (goal: 0 errors, 0 lost, memory within 10 %): RSS, and the heap after a full garbage
// collection (scripts/bench/lib/memory-probe.mjs; worker threads' heaps included) after the warm-up,
// every two minutes, 25 s before the load ends and once after it, which separates memory still held
// from memory V8 has not yet collected or returned. The goal's memory test is that heap after a full
// collection, the last one under load against the first (RSS also holds what V8 has not yet
// returned; after the load, with the editors gone, the heap is smaller, which says nothing of growth).
// Ports: BENCH_PORT (3360) and +1 for the instances, BENCH_FRONT_PORT (BENCH_PORT+2) for the front,
// BENCH_COLLAB_PORT (BENCH_PORT+3) for the co-editing process.
// BENCH_DATABASE_URL=postgresql://… runs it on that PostgreSQL database (emptied first).
import path from 'node:path';
import autocannon from 'autocannon';

import { rssMb } from './lib/article-saves';
import {
  lostKeystrokes,
  mb,
  ROOT,
  signInWriters,
  sleep,
  startBench,
  writeArticle,
  type WriterLog,
} from './lib/cluster-bench';
import { memoryAfterGc, probeEnv, type MemoryAfterGc } from './lib/memory-after-gc';

function minutesOption(): number {
  const index = process.argv.indexOf('--minutes');
  const raw = index >= 0 ? process.argv[index + 1] : process.env.BENCH_MINUTES;
  const minutes = raw === undefined ? 10 : Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new Error(`--minutes 无效：${raw}`);
  return minutes;
}

/** --app-alone: readers load the instances themselves, each with its micro-cache on. */
const appAlone = process.argv.includes('--app-alone') || process.env.BENCH_SOAK_APP_ALONE === '1';

type Process = 'a' | 'b' | 'collab';
const PROCESSES: readonly [Process, string][] = [
  ['a', '实例 A'],
  ['b', '实例 B'],
  ['collab', '协同编辑服务'],
];

async function main() {
  const minutes = minutesOption();
  const durationMs = minutes * 60_000;
  const warmupMs = Math.min(60_000, durationMs / 5);
  console.log(
    `bench:soak：${minutes} 分钟（其中预热 ${warmupMs / 1000} 秒），2 个实例 + nginx 前端 + 协同编辑服务，5 位编辑经协同编辑逐字输入；` +
      (appAlone ? '读者直接访问两个实例（应用内读者页面缓存开启）' : '读者经前端访问（实例不开应用内缓存）'),
  );
  const probeDir = path.join(ROOT, '.bench', 'soak-memory');
  const bench = await startBench('soak', 5, {
    ...probeEnv(probeDir, process.env),
    APP_MICROCACHE: appAlone ? '1' : '0',
  });
  const [a, b] = bench.cluster.instances;
  const pidOf = (key: Process) =>
    key === 'a' ? a!.process.pid : key === 'b' ? b!.process.pid : bench.cluster.collab?.child?.pid;
  const rss = () => ({ a: rssMb(pidOf('a')), b: rssMb(pidOf('b')), collab: rssMb(pidOf('collab')) });
  try {
    const logs: WriterLog[] = await signInWriters(bench, bench.instanceUrls[0]!);
    const started = Date.now();
    const readerLoad = (url: string, connections: number) =>
      autocannon({
        url,
        connections,
        duration: durationMs / 1000,
        requests: bench.readerPaths.map((path) => ({ method: 'GET', path })),
      });
    const reader = appAlone
      ? Promise.all(bench.instanceUrls.map((url) => readerLoad(url, 4))).then(sumReaders)
      : readerLoad(bench.frontUrl, 8).then(readerFigures);
    let stopping = false;
    const sessionsPerInstance = [0, 0];
    const editing = logs.map(async (log, index) => {
      let sitting = 0;
      await sleep(index * 500);
      while (!stopping) {
        const target = sitting % 2;
        sitting += 1;
        sessionsPerInstance[target]! += 1;
        try {
          await writeArticle(bench, log, {
            via: bench.instanceUrls[target]!,
            lines: 6,
            pause: () => 100 + Math.random() * 200,
            stop: () => stopping,
            settleMs: 20_000,
          });
        } catch (error) {
          log.problems.push(error instanceof Error ? error.message : String(error));
          await sleep(1000);
        }
      }
    });
    const memory: { at: number; a: number | null; b: number | null; collab: number | null }[] = [];
    const sampler = setInterval(() => memory.push({ at: Date.now() - started, ...rss() }), 5000);
    await sleep(warmupMs);
    const afterWarmup = rss();
    type HeapPoint = { at: number; underLoad: boolean } & Record<Process, MemoryAfterGc | null>;
    const heap: HeapPoint[] = [];
    // One probe at a time (each signals the three processes in turn).
    let probes = Promise.resolve();
    const probe = (underLoad: boolean) =>
      (probes = probes.then(async () => {
        heap.push({
          at: Date.now() - started,
          underLoad,
          a: await memoryAfterGc(probeDir, pidOf('a')),
          b: await memoryAfterGc(probeDir, pidOf('b')),
          collab: await memoryAfterGc(probeDir, pidOf('collab')),
        });
      }));
    await probe(true);
    let probing = true;
    // Unreferenced, so a wait under way does not keep the finished benchmark running.
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
    const prober = (async () => {
      while (probing) {
        await wait(120_000);
        if (probing && Date.now() - started < durationMs - 60_000) await probe(true);
      }
    })();
    // The last probe under the same load as the first: "flat" compares like with like. The one after
    // the load (readers stopped, editors gone, their documents unloaded) is printed too.
    const lastUnderLoad = (async () => {
      await wait(durationMs - 25_000 - (Date.now() - started));
      if (probing) await probe(true);
    })();
    const result = await reader;
    await lastUnderLoad;
    stopping = true;
    await Promise.all(editing);
    clearInterval(sampler);
    const atEnd = rss();
    probing = false;
    await probe(false);
    void prober;
    const lost = await lostKeystrokes(bench.db, logs);

    const sum = (key: 'typed' | 'acknowledged' | 'unacknowledged' | 'stories') =>
      logs.reduce((total, log) => total + log[key], 0);
    const problems = logs.flatMap((log) => log.problems);
    const readerErrors = result.errors + result.timeouts + result.non2xx;
    const via = appAlone ? '直接访问两个实例' : '经前端';
    const peak = (key: Process) => Math.max(...memory.map((sample) => sample[key] ?? 0));
    console.log('');
    console.log(`时长 ${((Date.now() - started) / 60_000).toFixed(1)} 分钟`);
    console.log(
      `读者请求（${via}）：${result.total} 次，${result.perSecond.toFixed(0)} 次/秒，p50 ${result.p50} ms，p99 ${result.p99} ms；错误 ${readerErrors}（连接错误 ${result.errors}，超时 ${result.timeouts}，非 2xx ${result.non2xx}）`,
    );
    console.log(
      `编辑经协同编辑输入：${sum('stories')} 篇稿件（经实例 A ${sessionsPerInstance[0]} 次、实例 B ${sessionsPerInstance[1]} 次打开），击键 ${sum('typed')} 次，确认已保存 ${sum('acknowledged')} 次，离开时仍未确认 ${sum('unacknowledged')} 次；服务报告的问题 ${problems.length}${problems.length ? `（${[...new Set(problems)].slice(0, 3).join('；')}）` : ''}`,
    );
    console.log(
      `丢失的已确认击键：${lost.lost}；重复的行：${lost.doubled}${lost.details.length ? `（${lost.details.slice(0, 5).join('；')}）` : ''}`,
    );
    for (const [key, name] of PROCESSES) {
      const start = afterWarmup[key];
      const end = atEnd[key];
      const ratio = start && end ? (end / start).toFixed(3) : '—';
      console.log(
        `${name} 内存（RSS）：预热后 ${mb(start)}，结束 ${mb(end)}，结束/预热 = ${ratio}，峰值 ${mb(peak(key))}`,
      );
    }
    const underLoad = heap.filter((point) => point.underLoad);
    for (const [key, name] of PROCESSES) {
      const series = heap.map(
        (point) =>
          `${(point.at / 60_000).toFixed(1)} 分${point.underLoad ? '' : '（负载结束后）'} ${point[key] ? `${point[key].heapUsedMb.toFixed(0)}/${point[key].rssMb.toFixed(0)}` : '—'}`,
      );
      const first = heap[0]?.[key];
      const last = underLoad.at(-1)?.[key];
      const after = heap.at(-1)?.[key];
      const ratio = (point: MemoryAfterGc | null | undefined) =>
        first && point ? (point.heapUsedMb / first.heapUsedMb).toFixed(3) : '—';
      console.log(
        `${name} 完整 GC 后的堆（heapUsed/RSS MB）：${series.join('，')}；负载下结束/预热（堆）= ${ratio(last)}；负载结束后/预热 = ${ratio(after)}`,
      );
    }
    const flat = PROCESSES.every(([key]) => {
      const first = heap[0]?.[key];
      const last = underLoad.at(-1)?.[key];
      return first && last && Math.abs(last.heapUsedMb / first.heapUsedMb - 1) <= 0.1;
    });
    const clean = readerErrors + problems.length === 0 && lost.lost === 0 && lost.doubled === 0;
    console.log(`目标：错误 0、丢失 0、完整 GC 后的堆变化 ≤ 10 % —— ${clean && flat ? '达到' : '未达到'}`);
  } finally {
    await bench.cluster.stop();
    await bench.db.$disconnect();
  }
}

type ReaderFigures = {
  total: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

function readerFigures(result: autocannon.Result): ReaderFigures {
  return {
    total: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Both instances' reader load as one: counts add up, latencies are the worse of the two. */
function sumReaders(results: autocannon.Result[]): ReaderFigures {
  const each = results.map(readerFigures);
  const total = (key: 'total' | 'perSecond' | 'errors' | 'timeouts' | 'non2xx') =>
    each.reduce((sum, figures) => sum + figures[key], 0);
  return {
    total: total('total'),
    perSecond: total('perSecond'),
    p50: Math.max(...each.map((figures) => figures.p50)),
    p99: Math.max(...each.map((figures) => figures.p99)),
    errors: total('errors'),
    timeouts: total('timeouts'),
    non2xx: total('non2xx'),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
