// `npm run bench:reads` (issue 34): read counting under a spike. Starts the app as `npm start` serves it
// (server/serve.ts, whose /api/reads counts in memory and writes a batch every 2 s) on BENCH_PORT
// (default 3350) with a fresh data directory in .bench/reads (the sample issue), and the shipped nginx
// front on BENCH_FRONT_PORT (default BENCH_PORT+5000). Then, for the app alone and through the front,
// wrk sends READS_PER_S beacons a second (2,000 by default; every one from its own client, a User-Agent of
// its own, across the sample issue's stories) for BENCH_DURATION seconds while a second wrk loads a
// story page through the front; after the next batch, the counts in the database must hold every
// beacon answered (at most the connections' last in-flight ones more). Then 500 beacons and at once a
// SIGTERM: the server must write them before it exits. Prints beacons/s, their p50/p99, the page's
// p50/p99 quiet and under the beacons with the ratio, counts expected and found, and whether the page
// stayed cacheable (s-maxage, a HIT at the front, no cookie). Exit 1 when a count is lost.
import fs from 'node:fs';
import path from 'node:path';

import { createClientFor } from '../../lib/db-client';
import { visibleArticleWhere } from '../../lib/revisions/visibility';
import { startFront, stopFront } from '../../server/front';
import { appServerEnv, buildIfStale, startServeServer, type AppServer } from './lib/app-server';
import { freshBenchData } from './lib/fresh-data';
import { waitForHealth } from './lib/wait-for-health';
import { parseWrk, startWrk, wrkReport, type Figures } from './lib/wrk';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench', 'reads');
const PORT = Number(process.env.BENCH_PORT ?? 3350);
const FRONT_PORT = Number(process.env.BENCH_FRONT_PORT ?? PORT + 5000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);
const READS_PER_S = Number(process.env.READS_PER_S ?? 2000);
/** Many connections, each paced: the rate holds while a beacon's latency stays under ~25 ms (wrk waits for the answer). */
const CONNECTIONS = 256;
const FLUSH_WAIT_MS = 5_000;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/**
 * wrk's pacing: each connection waits this long after an answer before its next beacon, so all of them
 * make READS_PER_S while an answer takes up to 25 ms (the first run, 48 connections paced for 1 ms
 * answers, made 760/s against the app on the shared machine: the answers took 20 ms).
 */
const delayMs = () => Math.max(0, Math.round((CONNECTIONS * 1000) / READS_PER_S) - 25);

/** A wrk script posting beacons for `slugs`, each from a client of its own (`run` keeps runs apart). */
function beaconScript(slugs: string[], run: string): string {
  const file = path.join(BENCH_DIR, `beacons-${run}.lua`);
  fs.writeFileSync(
    file,
    `local slugs = { ${slugs.map((slug) => JSON.stringify(slug)).join(', ')} }
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local sent = 0
function request()
  sent = sent + 1
  local ua = ${JSON.stringify(BROWSER)} .. " bench-${run}/" .. tid .. "-" .. sent
  return wrk.format("POST", "/api/reads", { ["User-Agent"] = ua, ["Content-Type"] = "text/plain" }, slugs[(sent % #slugs) + 1])
end
function delay()
  return ${delayMs()}
end
`,
  );
  return file;
}

const completed = (report: string) => Number(/(\d+) requests in/.exec(report)?.[1] ?? NaN);
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const prepared = await freshBenchData(BENCH_DIR);
  const env = { ...appServerEnv(process.env, prepared, PORT), TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXIES: '127.0.0.1' };
  buildIfStale(ROOT, env);
  const db = createClientFor(prepared.database);
  let server: AppServer | null = startServeServer(ROOT, PORT, env);
  let front: Awaited<ReturnType<typeof startFront>> | null = null;
  let lost = 0;
  const totalReads = async () => (await db.articleRead.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`);
    front = await startFront({
      workDir: path.join(BENCH_DIR, 'front'),
      frontPort: FRONT_PORT,
      appPort: PORT,
      dataDir: prepared.dataDir,
      stdio: 'ignore',
    });
    const app = `http://127.0.0.1:${PORT}`;
    const viaFront = `http://127.0.0.1:${FRONT_PORT}`;
    await waitForHealth(`${viaFront}/api/health`);
    const slugs = (
      await db.article.findMany({ where: visibleArticleWhere(new Date()), select: { slug: true }, take: 40 })
    ).map((row) => row.slug);
    const page = `${viaFront}/articles/${slugs[0]}`;
    console.log(
      `${slugs.length} stories; beacons at ${READS_PER_S}/s (wrk, ${CONNECTIONS} connections, ${delayMs()} ms apart each) for ${DURATION_S} s; a story page through the front ${page}`,
    );

    // The page stays what a shared cache keeps: s-maxage, no cookie, and a HIT at the front within a
    // few loads (an entry lives to the end of its second, so one load may find it just expired).
    let second = await fetch(page);
    for (let attempt = 0; attempt < 10 && second.headers.get('x-cache-status') !== 'HIT'; attempt += 1)
      second = await fetch(page);
    const cacheable =
      /s-maxage=\d/.test(second.headers.get('cache-control') ?? '') &&
      second.headers.get('set-cookie') === null &&
      second.headers.get('x-cache-status') === 'HIT';
    console.log(
      `story page: Cache-Control "${second.headers.get('cache-control')}", X-Cache-Status ${second.headers.get('x-cache-status')}, Set-Cookie ${second.headers.get('set-cookie') ?? 'none'} → ${cacheable ? 'cacheable' : 'NOT CACHEABLE'}`,
    );
    if (!cacheable) lost += 1;

    const pageLoad = { threads: 1, connections: 8 };
    const quiet = parseWrk(await wrkReport(page, { ...pageLoad, durationS: DURATION_S }));
    console.log(`story page, quiet: ${quiet.rps.toFixed(0)} req/s, p50 ${ms(quiet.p50)}, p99 ${ms(quiet.p99)}`);

    for (const [name, base] of [
      ['app', app],
      ['front', viaFront],
    ] as const) {
      const before = await totalReads();
      const pages = startWrk(page, pageLoad);
      const report = await wrkReport(`${base}/api/reads`, {
        threads: 2,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        script: beaconScript(slugs, name),
      });
      const loaded: Figures = await pages.stop();
      const beacons = parseWrk(report);
      const answered = completed(report) - beacons.non2xx;
      await new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS));
      const counted = (await totalReads()) - before;
      const ok = counted >= answered && counted <= answered + CONNECTIONS + beacons.errors;
      if (!ok) lost += 1;
      console.log(
        `${name}: ${beacons.rps.toFixed(0)} beacons/s, p50 ${ms(beacons.p50)}, p99 ${ms(beacons.p99)}, non-2xx ${beacons.non2xx}, socket errors ${beacons.errors}; answered ${answered}, counted ${counted} ${ok ? 'ok (none lost)' : 'LOST'}`,
      );
      console.log(
        `  story page meanwhile: ${loaded.rps.toFixed(0)} req/s, p50 ${ms(loaded.p50)}, p99 ${ms(loaded.p99)} (p99 × ${(loaded.p99 / quiet.p99).toFixed(2)} of quiet)`,
      );
    }

    // Shutdown: what is pending is written before the process exits.
    const before = await totalReads();
    const burst = 500;
    await Promise.all(
      Array.from({ length: burst }, (_, index) =>
        fetch(`${app}/api/reads`, {
          method: 'POST',
          body: slugs[index % slugs.length],
          headers: { 'User-Agent': `${BROWSER} bench-shutdown/${index}` },
        }),
      ),
    );
    const exited = new Promise((resolve) => server!.child.once('exit', resolve));
    server.stop();
    await exited;
    server = null;
    const atShutdown = (await totalReads()) - before;
    if (atShutdown !== burst) lost += 1;
    console.log(
      `shutdown: ${burst} beacons then SIGTERM at once: ${atShutdown} written ${atShutdown === burst ? 'ok' : 'LOST'}`,
    );
  } finally {
    server?.stop();
    if (front) await stopFront(front);
    await db.$disconnect();
  }
  console.log(lost === 0 ? 'targets met: no count lost, the page stayed cacheable' : `targets missed: ${lost}`);
  process.exit(lost === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
