// `npm run bench:crash`: kill -9 in the middle of typing. Two instances on one database behind the
// nginx front, with the deployment's one co-editing process under its supervisor (as
// `npm run start:cluster` runs it); 5 editors type through the front over co-editing, as the story
// editor does (a keystroke every 0.1–0.2 s, each sitting a new story of six lines, then 立即保存),
// and a reader polls the front and instance B directly every 100 ms. After 15 s, instance A and the
// co-editing process are killed with SIGKILL while keystrokes are on their way; the supervisor starts
// co-editing again and the editors' clients reconnect by themselves; everything carries on for 15 s
// more, then each editor waits up to 20 s for 已保存. Last, every process is killed with SIGKILL (no
// chance to write anything on the way out) and the database is read: the keystrokes the editors were
// told were saved (the server's 'saved' message covering them, scripts/bench/lib/save-ledger.ts) that it
// does not have (goal 0), lines stored twice (goal 0), the reader's errors on B and through the front
// before and after the kill (goal: B 0 after the kill), how long co-editing took to answer again, and
// the database's own integrity check (bench/database-intact.ts).
// Ports: BENCH_PORT (3360) and +1 for the instances, BENCH_FRONT_PORT (BENCH_PORT+2) for the front,
// BENCH_COLLAB_PORT (BENCH_PORT+3) for the co-editing process.
// BENCH_DATABASE_URL=postgresql://… runs it on that PostgreSQL database (emptied first).
import { probeCollab } from '../../lib/health/collab';
import { lostKeystrokes, signInWriters, sleep, startBench, writeArticle, type WriterLog } from './lib/cluster-bench';
import { checkDatabaseIntact } from './lib/database-intact';

const BEFORE_MS = 15_000;
const AFTER_MS = 15_000;

type Probe = { ok: number; failed: number };

async function main() {
  console.log(
    `bench:crash：2 个实例 + nginx 前端 + 协同编辑服务，5 位编辑经前端协同输入（每 0.1–0.2 秒一次击键）；${BEFORE_MS / 1000} 秒后对实例 A 和协同编辑服务执行 kill -9，再继续 ${AFTER_MS / 1000} 秒`,
  );
  const bench = await startBench('crash', 5);
  const [a, b] = bench.cluster.instances;
  const collab = bench.cluster.collab!;
  try {
    const logs: WriterLog[] = await signInWriters(bench, bench.frontUrl);
    let killedAt = 0;
    let stopping = false;
    const writing = logs.map(async (log, index) => {
      await sleep(index * 100);
      while (!stopping) {
        try {
          await writeArticle(bench, log, {
            via: bench.frontUrl,
            lines: 6,
            pause: () => 100 + Math.random() * 100,
            stop: () => stopping,
            settleMs: 20_000,
          });
        } catch (error) {
          log.problems.push(error instanceof Error ? error.message : String(error));
          await sleep(500);
        }
      }
    });
    const probes = {
      bBefore: { ok: 0, failed: 0 },
      bAfter: { ok: 0, failed: 0 },
      frontBefore: { ok: 0, failed: 0 },
      frontAfter: { ok: 0, failed: 0 },
    };
    let lastFrontFailure = 0;
    let reading = true;
    const probe = async (url: string, before: Probe, after: Probe, onFailure?: () => void) => {
      while (reading) {
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
    const readers = [
      probe(`${bench.instanceUrls[1]}/`, probes.bBefore, probes.bAfter),
      probe(
        `${bench.frontUrl}/issues/1705/pages/2`,
        probes.frontBefore,
        probes.frontAfter,
        () => (lastFrontFailure = Date.now()),
      ),
    ];

    await sleep(BEFORE_MS);
    const unacknowledged = () =>
      logs.reduce(
        (sum, log) => sum + log.lines.reduce((total, line) => total + line.text.length - line.acknowledged, 0),
        0,
      );
    const inFlightAtKill = unacknowledged();
    const collabPid = collab.child?.pid;
    a!.process.kill('SIGKILL');
    if (collabPid) process.kill(collabPid, 'SIGKILL');
    killedAt = Date.now();
    // Back by itself: the supervisor starts it again and it answers on its port.
    let collabBackMs: number | null = null;
    const watchCollab = (async () => {
      await sleep(50);
      while (!stopping && collabBackMs === null) {
        if (collab.child?.pid !== collabPid && (await probeCollab('127.0.0.1', bench.collabPort)) === 'ok')
          collabBackMs = Date.now() - killedAt;
        else await sleep(50);
      }
    })();
    await sleep(AFTER_MS);
    stopping = true;
    await Promise.all([...writing, watchCollab]);
    reading = false;
    await Promise.all(readers);

    // Nothing gets a chance to write on the way out: what was said saved must already be stored.
    const bAlive = b!.process.exitCode === null && b!.process.signalCode === null;
    const restarts = collab.starts - 1;
    await collab.stop(0);
    b!.process.kill('SIGKILL');
    const lost = await lostKeystrokes(bench.db, logs);
    const intact = await checkDatabaseIntact(bench.database);
    const sum = (key: 'typed' | 'acknowledged' | 'unacknowledged' | 'stories') =>
      logs.reduce((total, log) => total + log[key], 0);
    console.log('');
    console.log(
      `实例 A 和协同编辑服务已被 kill -9（当时已输入未确认的击键 ${inFlightAtKill} 次）；实例 B ${bAlive ? '仍在运行' : '已退出'}；协同编辑服务${collabBackMs === null ? '未恢复' : `在 kill 后 ${collabBackMs} ms 重新应答（重启 ${restarts} 次）`}`,
    );
    console.log(
      `编辑经协同编辑输入：${sum('stories')} 篇稿件，击键 ${sum('typed')} 次，被告知已保存 ${sum('acknowledged')} 次，离开时仍未确认 ${sum('unacknowledged')} 次`,
    );
    const messages = [...new Set(logs.flatMap((log) => log.problems))];
    if (messages.length) console.log(`服务报告的问题：${messages.slice(0, 4).join('；')}`);
    console.log(
      `被告知已保存、数据库里却没有的击键：${lost.lost}；重复的行：${lost.doubled}${lost.details.length ? `（${lost.details.slice(0, 5).join('；')}）` : ''}`,
    );
    console.log(
      `读者直连实例 B：kill 前 ${probes.bBefore.ok} 成功 / ${probes.bBefore.failed} 失败；kill 后 ${probes.bAfter.ok} 成功 / ${probes.bAfter.failed} 失败`,
    );
    console.log(
      `读者经前端：kill 前 ${probes.frontBefore.ok} 成功 / ${probes.frontBefore.failed} 失败；kill 后 ${probes.frontAfter.ok} 成功 / ${probes.frontAfter.failed} 失败${lastFrontFailure > killedAt ? `（最后一次失败在 kill 后 ${lastFrontFailure - killedAt} ms）` : ''}`,
    );
    console.log(`${intact.label}：${intact.detail}`);
    const met =
      lost.lost === 0 &&
      lost.doubled === 0 &&
      probes.bAfter.failed === 0 &&
      bAlive &&
      collabBackMs !== null &&
      intact.ok;
    console.log(
      `目标：丢失 0、无重复、实例 B 在 kill 后无失败、协同编辑服务自行恢复、数据库完好 —— ${met ? '达到' : '未达到'}`,
    );
  } finally {
    await bench.cluster.stop();
    await bench.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
