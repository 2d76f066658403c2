// `npm run bench:soak [-- --minutes N]`: two instances on one database behind the nginx front, for N
// minutes (default 10): reader load through the front (autocannon, 8 connections over the reader
// pages) while 5 editors autosave their stories every 2–4 s, alternately through instance A and B.
// Prints reader requests and errors, saves acknowledged, conflicts, errors and lost saves (every save
// an editor was told succeeded must be in the database at the end), and each instance's memory
// after the warm-up and at the end with the ratio (goal: 0 errors, 0 lost saves, memory within 10 %).
// Ports: BENCH_PORT (3360) and +1 for the instances, BENCH_FRONT_PORT (BENCH_PORT+2) for the front.
import autocannon from 'autocannon';
import { autosave, lostSaves, mb, signInWriters, sleep, startBench, type WriterLog } from './bench/cluster-bench';
import { rssMb } from './bench/story-saves';

function minutesOption(): number {
  const index = process.argv.indexOf('--minutes');
  const raw = index >= 0 ? process.argv[index + 1] : process.env.BENCH_MINUTES;
  const minutes = raw === undefined ? 10 : Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new Error(`--minutes 无效：${raw}`);
  return minutes;
}

async function main() {
  const minutes = minutesOption();
  const durationMs = minutes * 60_000;
  const warmupMs = Math.min(60_000, durationMs / 5);
  console.log(`bench:soak：${minutes} 分钟（其中预热 ${warmupMs / 1000} 秒），2 个实例 + nginx 前端，5 位编辑自动保存`);
  const bench = await startBench('soak', 5);
  const [a, b] = bench.cluster.instances;
  try {
    const logs: WriterLog[] = await signInWriters(bench, bench.instanceUrls[0]!);
    const started = Date.now();
    const reader = autocannon({
      url: bench.frontUrl,
      connections: 8,
      duration: durationMs / 1000,
      requests: bench.readerPaths.map((path) => ({ method: 'GET', path })),
    });
    let stopping = false;
    const savesPerInstance = [0, 0];
    const editing = logs.map(async (log, index) => {
      let sequence = 0;
      await sleep(index * 500);
      while (!stopping) {
        const target = sequence % 2;
        sequence += 1;
        await autosave(bench, log, bench.instanceUrls[target]!, sequence);
        savesPerInstance[target]! += 1;
        await sleep(2000 + Math.random() * 2000);
      }
    });
    const memory: { at: number; a: number | null; b: number | null }[] = [];
    const sampler = setInterval(() => memory.push({ at: Date.now() - started, a: rssMb(a!.process.pid), b: rssMb(b!.process.pid) }), 5000);
    await sleep(warmupMs);
    const afterWarmup = { a: rssMb(a!.process.pid), b: rssMb(b!.process.pid) };
    const result = await reader;
    stopping = true;
    await Promise.all(editing);
    clearInterval(sampler);
    const atEnd = { a: rssMb(a!.process.pid), b: rssMb(b!.process.pid) };
    const lost = await lostSaves(bench, logs);

    const acked = logs.reduce((sum, log) => sum + log.acked, 0);
    const conflicts = logs.reduce((sum, log) => sum + log.conflicts, 0);
    const saveErrors = logs.flatMap((log) => log.errors);
    const readerErrors = result.errors + result.timeouts + result.non2xx;
    const peak = (key: 'a' | 'b') => Math.max(...memory.map((sample) => sample[key] ?? 0));
    console.log('');
    console.log(`时长 ${((Date.now() - started) / 60_000).toFixed(1)} 分钟`);
    console.log(`读者请求（经前端）：${result.requests.total} 次，${result.requests.average.toFixed(0)} 次/秒，p50 ${result.latency.p50} ms，p99 ${result.latency.p99} ms；错误 ${readerErrors}（连接错误 ${result.errors}，超时 ${result.timeouts}，非 2xx ${result.non2xx}）`);
    console.log(`编辑保存：确认 ${acked} 次（实例 A ${savesPerInstance[0]} 次请求，实例 B ${savesPerInstance[1]} 次请求），冲突 ${conflicts}，错误 ${saveErrors.length}${saveErrors.length ? `（${[...new Set(saveErrors)].slice(0, 3).join('；')}）` : ''}`);
    console.log(`丢失的已确认保存：${lost.lost}${lost.details.length ? `（${lost.details.join('；')}）` : ''}`);
    for (const [name, key] of [['A', 'a'], ['B', 'b']] as const) {
      const start = afterWarmup[key];
      const end = atEnd[key];
      const ratio = start && end ? (end / start).toFixed(3) : '—';
      console.log(`实例 ${name} 内存（RSS）：预热后 ${mb(start)}，结束 ${mb(end)}，结束/预热 = ${ratio}，峰值 ${mb(peak(key))}`);
    }
    const flat = (['a', 'b'] as const).every((key) => afterWarmup[key] && atEnd[key] && Math.abs(atEnd[key]! / afterWarmup[key]! - 1) <= 0.1);
    console.log(`目标：错误 0、丢失 0、内存变化 ≤ 10 % —— ${readerErrors + saveErrors.length === 0 && lost.lost === 0 && flat ? '达到' : '未达到'}`);
  } finally {
    await bench.cluster.stop();
    await bench.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
