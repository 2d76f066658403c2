// `npm run bench:crash`: kill -9 an app instance in the middle of saves. Two instances on one
// database behind the nginx front; 5 editors autosave every 300–600 ms through the front (as their
// browsers do), and a reader polls the front and instance B directly every 100 ms. After 15 s,
// instance A is killed with SIGKILL at a moment a save is on its way to it; everything carries on
// for 15 s more. Prints what the editors were told (saved, conflict, error), the saves they were told
// succeeded that the database does not have (goal 0), the reader's errors on B and through the front
// before and after the kill (goal: B 0 after the kill), SQLite's integrity check, and how long the
// front took to stop sending requests to the dead instance.
// Ports: BENCH_PORT (3360) and +1 for the instances, BENCH_FRONT_PORT (BENCH_PORT+2) for the front.
import Database from 'better-sqlite3';
import { autosave, lostSaves, signInWriters, sleep, startBench, type WriterLog } from './bench/cluster-bench';

const BEFORE_MS = 15_000;
const AFTER_MS = 15_000;

type Probe = { ok: number; failed: number };

async function main() {
  console.log(`bench:crash：2 个实例 + nginx 前端，5 位编辑每 0.3–0.6 秒保存一次；${BEFORE_MS / 1000} 秒后对实例 A 执行 kill -9，再继续 ${AFTER_MS / 1000} 秒`);
  const bench = await startBench('crash', 5);
  const [a, b] = bench.cluster.instances;
  try {
    const logs: WriterLog[] = await signInWriters(bench, bench.frontUrl);
    let killedAt = 0;
    let stopping = false;
    const inFlight = { count: 0 };
    const told = { saved: 0, conflict: 0, error: 0, errorsAfterKill: 0 };
    const writing = logs.map(async (log, index) => {
      let sequence = 0;
      await sleep(index * 100);
      while (!stopping) {
        sequence += 1;
        inFlight.count += 1;
        const answer = await autosave(bench, log, bench.frontUrl, sequence);
        inFlight.count -= 1;
        if (answer.kind === 'saved') told.saved += 1;
        else if (answer.kind === 'conflict') told.conflict += 1;
        else {
          told.error += 1;
          if (killedAt) told.errorsAfterKill += 1;
        }
        await sleep(300 + Math.random() * 300);
      }
    });
    const probes = { bBefore: { ok: 0, failed: 0 }, bAfter: { ok: 0, failed: 0 }, frontBefore: { ok: 0, failed: 0 }, frontAfter: { ok: 0, failed: 0 } };
    let lastFrontFailure = 0;
    const probe = async (url: string, before: Probe, after: Probe, onFailure?: () => void) => {
      while (!stopping) {
        const bucket = killedAt ? after : before;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
          await response.text();
          if (response.ok) bucket.ok += 1;
          else {
            bucket.failed += 1;
            onFailure?.();
          }
        } catch {
          bucket.failed += 1;
          onFailure?.();
        }
        await sleep(100);
      }
    };
    const reading = [
      probe(`${bench.instanceUrls[1]}/`, probes.bBefore, probes.bAfter),
      probe(`${bench.frontUrl}/issues/1705/pages/2`, probes.frontBefore, probes.frontAfter, () => (lastFrontFailure = Date.now())),
    ];

    await sleep(BEFORE_MS);
    // In the middle of saves: wait until at least two are on their way (through the front, so some to A).
    while (inFlight.count < 2) await sleep(5);
    const savedBeforeKill = told.saved;
    const inFlightAtKill = inFlight.count;
    a!.process.kill('SIGKILL');
    killedAt = Date.now();
    await sleep(AFTER_MS);
    stopping = true;
    await Promise.all([...writing, ...reading]);

    const lost = await lostSaves(bench, logs);
    const sqlite = new Database(bench.sqlitePath, { readonly: true });
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    sqlite.close();
    const bAlive = b!.process.exitCode === null && b!.process.signalCode === null;
    console.log('');
    console.log(`实例 A 已被 kill -9（当时经前端在途的保存 ${inFlightAtKill} 个）；实例 B ${bAlive ? '仍在运行' : '已退出'}`);
    console.log(`编辑被告知：保存成功 ${told.saved} 次（kill 前 ${savedBeforeKill}，kill 后 ${told.saved - savedBeforeKill}），冲突 ${told.conflict}，失败 ${told.error}（kill 后 ${told.errorsAfterKill}）`);
    const messages = [...new Set(logs.flatMap((log) => log.errors))];
    if (messages.length) console.log(`失败原因：${messages.slice(0, 4).join('；')}`);
    console.log(`被告知成功、数据库里却没有的保存：${lost.lost}${lost.details.length ? `（${lost.details.join('；')}）` : ''}`);
    console.log(`读者直连实例 B：kill 前 ${probes.bBefore.ok} 成功 / ${probes.bBefore.failed} 失败；kill 后 ${probes.bAfter.ok} 成功 / ${probes.bAfter.failed} 失败`);
    console.log(`读者经前端：kill 前 ${probes.frontBefore.ok} 成功 / ${probes.frontBefore.failed} 失败；kill 后 ${probes.frontAfter.ok} 成功 / ${probes.frontAfter.failed} 失败${lastFrontFailure > killedAt ? `（最后一次失败在 kill 后 ${lastFrontFailure - killedAt} ms）` : ''}`);
    console.log(`SQLite integrity_check：${integrity}`);
    const met = lost.lost === 0 && probes.bAfter.failed === 0 && bAlive && integrity === 'ok';
    console.log(`目标：丢失 0、实例 B 在 kill 后无失败、数据库完好 —— ${met ? '达到' : '未达到'}`);
  } finally {
    await bench.cluster.stop();
    await bench.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
