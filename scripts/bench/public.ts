// npm run bench:public — the reader site under load on a large archive (issues 4 and 13): builds the
// app if needed, prepares .bench/public with 20 years of weekly issues (4 pages, 10 stories a page,
// 41,680 stories), starts the app as `npm start` runs it (server/serve.ts) twice, with its micro-cache
// and without (APP_MICROCACHE), the shipped nginx front (deploy/nginx/) in front of the one without,
// and a plain nginx serving the same HTML as static files, then load-tests four pages on all four with
// wrk (2 threads, 32 connections, BENCH_DURATION seconds each) and prints the ratios to static.
// Beside each static figure it measures the generator's own ceiling (wrk against nginx's tiny file): a
// static figure within 10 % of it is the generator's limit, and then no ratio is reported (lib/wrk.ts).
// The archives (this tree's and the baseline's) are kept between runs, as bench:newsroom keeps its
// own: building one and its search index takes minutes, which a quiet-machine run (a few minutes
// holding both CPU slots) cannot spare; BENCH_FRESH=1 builds them again.
// `-- --baseline <commit>` (or BENCH_BASELINE) also builds that commit (scripts/bench/lib/baseline-tree.ts)
// on the same archive and load-tests both apps alone, turn about, so "no worse than before" is a ratio
// measured in one run.
// `-- --only micro-cache` measures one thing, in under two minutes: a micro-cache hit on the article
// page against a trivial Node server and static nginx, each pinned to one CPU (lib/micro-cache-hits.ts).
import { type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sqlitePathOf } from '../../lib/config/database';
import { findNginx, NGINX_MISSING, startFront, stopFront } from '../../server/front';
import { clearDataCache } from '../../server/next-cache';
import { prepare } from '../../server/prepare';
import { generateArchive } from '../../test/support/synthetic-archive';
import { appServerEnv, buildIfStale, startServeServer, type AppServer } from './lib/app-server';
import { baselineRef, baselineTree, runInTree, type BaselineTree } from './lib/baseline-tree';
import { childPids, cpuMs, pinProcess } from './lib/cpu-time';
import { microCacheHits } from './lib/micro-cache-hits';
import { startStatic } from './lib/static-nginx';
import { waitForHealth } from './lib/wait-for-health';
import { cappedByGenerator, findWrk, limitedByServer, wrk, WRK_MISSING, type Figures } from './lib/wrk';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const DATA_DIR = path.join(BENCH_DIR, 'public');
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const FRONT_PORT = Number(process.env.BENCH_FRONT_PORT ?? PORT + 1);
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT ?? PORT + 2);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = 32;
const THREADS = 2;
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? PORT + 3);
const CACHED_PORT = Number(process.env.BENCH_CACHED_PORT ?? PORT + 4);
const PINNED_FRONT_PORT = PORT + 5;
const PINNED_STATIC_PORT = PORT + 6;
// The like-for-like comparison: each nginx with one worker on this CPU, wrk and the app on the other.
const SERVER_CPU = 1;
const GENERATOR_CPUS = '0';
const SHAPE = { years: 20, pagesPerIssue: 4, articlesPerPage: 10, firstNumber: 10_001, charsPerArticle: 800 };

type Target = { name: string; path: string; file: string };
type Archive = { latestIssue: number; sampleSlug: string };

/** An archive built earlier, when it has this shape and was made by `madeBy` (a commit, a generator's hash); else null. */
function keptArchive(dataDir: string, madeBy: string): Archive | null {
  const file = path.join(dataDir, 'archive.json');
  if (process.env.BENCH_FRESH === '1' || !fs.existsSync(file)) return null;
  const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Archive & { shape: unknown; madeBy: string };
  return kept.madeBy === madeBy && JSON.stringify(kept.shape) === JSON.stringify(SHAPE) ? kept : null;
}

function keepArchive(dataDir: string, madeBy: string, archive: Archive): void {
  const { latestIssue, sampleSlug } = archive;
  fs.writeFileSync(
    path.join(dataDir, 'archive.json'),
    JSON.stringify({ latestIssue, sampleSlug, shape: SHAPE, madeBy }),
  );
}

// Each page is loaded for a moment before it is measured: the first requests after start-up compile
// code and fill the reader cache, which is start-up, not the steady state a reader meets.
const WARM_UP_S = 2;

async function load(url: string): Promise<Figures> {
  await wrk(url, { connections: CONNECTIONS, threads: THREADS, durationS: WARM_UP_S });
  return wrk(url, { connections: CONNECTIONS, threads: THREADS, durationS: DURATION_S });
}

const row = (page: string, mode: string, f: Figures) =>
  `${page}\t${mode}\t${f.rps.toFixed(0)}\t${f.p50.toFixed(2)}\t${f.p99.toFixed(2)}\t${f.errors}\t${f.non2xx}`;

type PinnedRun = Figures & { busy: number; cpuUsPerRequest: number };

/** nginx's worker processes (not its cache manager and loader, which work in the background). */
function nginxWorkers(master: ChildProcess): number[] {
  return childPids(master.pid!).filter((pid) =>
    fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker process'),
  );
}

/**
 * wrk (one thread, on GENERATOR_CPUS) against an nginx whose one worker is held to SERVER_CPU, and
 * that worker's CPU time during the run: how busy its CPU was and what one request cost it.
 */
async function pinnedLoad(url: string, master: ChildProcess): Promise<PinnedRun> {
  const options = { connections: CONNECTIONS, threads: 1, cpus: GENERATOR_CPUS };
  await wrk(url, { ...options, durationS: WARM_UP_S });
  const workers = nginxWorkers(master);
  const cpuNow = () => workers.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const before = cpuNow();
  const started = performance.now();
  const figures = await wrk(url, { ...options, durationS: DURATION_S });
  const used = cpuNow() - before;
  const busy = used / (performance.now() - started);
  return { ...figures, busy, cpuUsPerRequest: (used * 1000) / (figures.rps * DURATION_S) };
}

const pinnedRow = (page: string, mode: string, f: PinnedRun) =>
  `${row(page, mode, f)}\t${(f.busy * 100).toFixed(0)} %\t${f.cpuUsPerRequest.toFixed(1)}`;

const meanPinned = (a: PinnedRun, b: PinnedRun): PinnedRun => ({
  ...mean(a, b),
  busy: Math.min(a.busy, b.busy),
  cpuUsPerRequest: (a.cpuUsPerRequest + b.cpuUsPerRequest) / 2,
});

/**
 * Front ÷ static, like with like: on this 2-core machine an unpinned wrk and nginx share both cores,
 * and nginx's static figure is then whatever CPU wrk leaves it (always within 10 % of wrk's own
 * ceiling here: no valid ratio). Here each nginx has one worker on SERVER_CPU, and wrk (and the app,
 * which the front asks about once a second per page) run on the other CPU. A run counts when the
 * worker was the limit (busy ≥ 90 % of the run on its CPU); front and static alternate twice per page
 * so that drift on a shared machine hits both alike.
 */
async function pinnedComparison(
  targets: readonly Target[],
  front: { url: string; master: ChildProcess },
  statics: { url: string; master: ChildProcess },
): Promise<void> {
  console.log(
    `\nfront and static nginx each with one worker on CPU ${SERVER_CPU}, wrk (1 thread, ${CONNECTIONS} connections) and the app on CPU ${GENERATOR_CPUS}; two turns each, ${DURATION_S} s per turn`,
  );
  console.log('page\tmode\trequests/s\tp50 ms\tp99 ms\terrors\tnon-2xx\tworker CPU busy\tworker CPU µs/request');
  const ratios: string[] = [];
  for (const target of targets) {
    const runs: Record<'front' | 'static', PinnedRun[]> = { front: [], static: [] };
    for (let turn = 0; turn < 2; turn += 1) {
      runs.front.push(await pinnedLoad(front.url + target.path, front.master));
      runs.static.push(await pinnedLoad(`${statics.url}/${target.file}`, statics.master));
    }
    const viaFront = meanPinned(runs.front[0]!, runs.front[1]!);
    const file = meanPinned(runs.static[0]!, runs.static[1]!);
    console.log(pinnedRow(target.name, 'front, one worker', viaFront));
    console.log(pinnedRow(target.name, 'static, one worker', file));
    const valid = [...runs.front, ...runs.static].every((run) => limitedByServer(run.busy));
    ratios.push(
      valid
        ? `${target.name}\tfront/static requests/s ${(viaFront.rps / file.rps).toFixed(2)}\tstatic/front CPU per request ${(file.cpuUsPerRequest / viaFront.cpuUsPerRequest).toFixed(2)}`
        : `${target.name}\tno ratio: a worker was busy less than 90 % of a run (the generator or the machine was the limit)`,
    );
  }
  console.log('\npage\tratios, one worker each');
  for (const line of ratios) console.log(line);
}

type BaselineServer = { tree: BaselineTree; server: AppServer };

/** The baseline commit's app on its own copy of the same archive, made with its own migrations. */
async function startBaseline(ref: string, expected: Archive): Promise<BaselineServer> {
  const tree = baselineTree(ROOT, ref);
  const dataDir = path.join(BENCH_DIR, 'public-baseline');
  const kept = keptArchive(dataDir, tree.commit);
  if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' };
  const made = runInTree<{ sqlitePath: string; authSecret: string; latestIssue: number; sampleSlug: string }>(
    tree,
    `
import fs from 'node:fs';
// Trees from before server/ existed keep the start-up and the archive generator under scripts/.
const { prepare } = await import(fs.existsSync('./server/prepare.ts') ? './server/prepare.ts' : './scripts/lib/prepare.ts');
const { generateArchive } = await import(fs.existsSync('./test/support/synthetic-archive.ts') ? './test/support/synthetic-archive.ts' : './scripts/bench/synthetic-archive.ts');
const prepared = await prepare(process.env);
// Trees from before PostgreSQL name the file prepared.sqlitePath; later ones prepared.database.sqlitePath.
const sqlitePath = prepared.sqlitePath ?? prepared.database.sqlitePath;
const kept = ${JSON.stringify(kept)};
const archive = kept ?? generateArchive(sqlitePath, ${JSON.stringify(SHAPE)});
// Start-up's search index sync now, while the archive is made, not in a later (quiet) run.
if (!kept) await prepare(process.env);
console.log(JSON.stringify({ sqlitePath, authSecret: prepared.authSecret, latestIssue: archive.latestIssue, sampleSlug: archive.sampleSlug }));
`,
    env,
  );
  keepArchive(dataDir, tree.commit, made);
  if (made.latestIssue !== expected.latestIssue || made.sampleSlug !== expected.sampleSlug) {
    throw new Error(
      `baseline archive differs: issue ${made.latestIssue} / ${made.sampleSlug}, expected ${expected.latestIssue} / ${expected.sampleSlug}`,
    );
  }
  clearDataCache(tree.root);
  const server = startServeServer(
    tree.root,
    BASE_PORT,
    appServerEnv(env, { dataDir, databaseUrl: `file:${made.sqlitePath}`, authSecret: made.authSecret }, BASE_PORT),
  );
  await waitForHealth(`${server.url}/api/health`);
  return { tree, server };
}

const mean = (a: Figures, b: Figures): Figures => ({
  rps: (a.rps + b.rps) / 2,
  p50: (a.p50 + b.p50) / 2,
  p99: (a.p99 + b.p99) / 2,
  errors: a.errors + b.errors,
  non2xx: a.non2xx + b.non2xx,
});

/** Both apps alone on each page, turn about (head, base, head, base), so drift hits both alike. */
async function compareWithBaseline(targets: readonly Target[], headUrl: string, base: BaselineServer): Promise<void> {
  const label = base.tree.commit.slice(0, 7);
  console.log(`\napp alone, this tree vs baseline ${label} (two turns each, ${DURATION_S} s per turn)`);
  console.log('page\tapp\trequests/s\tp50 ms\tp99 ms\terrors\tnon-2xx');
  const ratios: string[] = [];
  for (const target of targets) {
    const head1 = await load(headUrl + target.path);
    const base1 = await load(base.server.url + target.path);
    const head2 = await load(headUrl + target.path);
    const base2 = await load(base.server.url + target.path);
    const head = mean(head1, head2);
    const was = mean(base1, base2);
    console.log(row(target.name, 'this tree', head));
    console.log(row(target.name, `baseline ${label}`, was));
    ratios.push(
      `${target.name}\trequests/s ${(head.rps / was.rps).toFixed(2)}\tp99 ${(head.p99 / was.p99).toFixed(2)}`,
    );
  }
  console.log(`\npage\tthis tree / baseline ${label} (requests/s above 1 and p99 below 1 are better)`);
  for (const line of ratios) console.log(line);
}

/** `--only <part>`: one part of the bench instead of all of it (only `micro-cache` so far). */
function onlyOption(args: readonly string[]): string | null {
  const index = args.indexOf('--only');
  if (index < 0) return null;
  const part = args[index + 1];
  if (part !== 'micro-cache') throw new Error(`--only: unknown part ${part ?? '(none)'}; known: micro-cache`);
  return part;
}

async function main() {
  if (!findNginx()) throw new Error(NGINX_MISSING);
  if (!findWrk()) throw new Error(WRK_MISSING);
  const baseRef = baselineRef(process.argv.slice(2));
  // The generator's own text: an archive another version of it made is built again (migrations are
  // applied to a kept one by prepare(), as at start-up).
  const generator = createHash('sha256')
    .update(fs.readFileSync(path.join(ROOT, 'test', 'support', 'synthetic-archive.ts')))
    .digest('hex');
  let archive = keptArchive(DATA_DIR, generator);
  if (!archive) fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' };
  const prepared = await prepare(env);
  if (archive) console.log(`archive: reusing ${DATA_DIR} (BENCH_FRESH=1 builds it again)`);
  else {
    const made = generateArchive(sqlitePathOf(prepared.database), SHAPE);
    console.log(`archive: ${made.issues} issues, ${made.stories} stories, generated in ${made.seconds.toFixed(1)} s`);
    archive = made;
    // Start-up rebuilds the search index of the archive now, while it is made, not in a later run.
    await prepare(env);
    keepArchive(DATA_DIR, generator, made);
  }

  const serverEnv = appServerEnv(env, prepared, PORT);
  buildIfStale(ROOT, serverEnv);
  clearDataCache(ROOT);
  if (onlyOption(process.argv.slice(2)) === 'micro-cache') {
    const app = startServeServer(ROOT, CACHED_PORT, {
      ...appServerEnv(env, prepared, CACHED_PORT),
      APP_MICROCACHE: '1',
    });
    try {
      await waitForHealth(`${app.url}/api/health`);
      await microCacheHits({
        app: { url: app.url, pid: app.child.pid! },
        articlePath: `/articles/${archive.sampleSlug}`,
        workDir: path.join(BENCH_DIR, 'micro-cache-hits'),
        trivialPort: FRONT_PORT,
        staticPort: STATIC_PORT,
        serverCpu: SERVER_CPU,
        generatorCpus: GENERATOR_CPUS,
        durationS: DURATION_S,
      });
    } finally {
      app.stop();
    }
    return;
  }
  // As `npm start` runs it (server/serve.ts): without its micro-cache (what the front sits before,
  // and what the baseline comparison times), and with it, on its own port.
  const server = startServeServer(ROOT, PORT, { ...serverEnv, APP_MICROCACHE: '0' });
  const cachedServer = startServeServer(ROOT, CACHED_PORT, {
    ...appServerEnv(env, prepared, CACHED_PORT),
    APP_MICROCACHE: '1',
  });
  const baseUrl = server.url;
  let front: ChildProcess | null = null;
  let statics: ChildProcess | null = null;
  let pinnedFront: ChildProcess | null = null;
  let pinnedStatics: ChildProcess | null = null;
  let baseline: BaselineServer | null = null;
  try {
    await waitForHealth(`${baseUrl}/api/health`);
    await waitForHealth(`${cachedServer.url}/api/health`);
    front = await startFront({
      workDir: path.join(BENCH_DIR, 'front'),
      frontPort: FRONT_PORT,
      appPort: PORT,
      dataDir: prepared.dataDir,
      stdio: 'ignore',
    });
    const targets: Target[] = [
      { name: '首页 /', path: '/', file: 'front.html' },
      { name: '版面 /issues/N/pages/2', path: `/issues/${archive.latestIssue - 100}/pages/2`, file: 'issue.html' },
      { name: '稿件 /articles/[slug]', path: `/articles/${archive.sampleSlug}`, file: 'article.html' },
      { name: '往期月份 /archive/2016/5', path: '/archive/2016/5', file: 'archive.html' },
    ];
    // The static baseline serves exactly the HTML the app renders for each page.
    const staticDir = path.join(BENCH_DIR, 'static-html');
    fs.rmSync(staticDir, { recursive: true, force: true });
    fs.mkdirSync(staticDir, { recursive: true });
    for (const target of targets) {
      const response = await fetch(baseUrl + target.path);
      if (!response.ok) throw new Error(`${target.path} answered ${response.status}`);
      fs.writeFileSync(path.join(staticDir, target.file), await response.text());
    }
    fs.writeFileSync(path.join(staticDir, 'ceiling.txt'), 'ok');
    statics = await startStatic(staticDir, path.join(BENCH_DIR, 'static-nginx'), STATIC_PORT);

    const frontUrl = `http://127.0.0.1:${FRONT_PORT}`;
    const staticUrl = `http://127.0.0.1:${STATIC_PORT}`;
    console.log(
      `wrk: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION_S} s per page and mode; app ${baseUrl}, front ${frontUrl}, static ${staticUrl}`,
    );
    // The generator's ceiling (wrk against nginx's 2-byte file) is measured again beside each page's
    // static figure: on a machine shared with other work both drift, and a ratio needs them alike.
    console.log('page\tmode\trequests/s\tp50 ms\tp99 ms\terrors\tnon-2xx');
    const ratios: string[] = [];
    for (const target of targets) {
      const cached = await load(cachedServer.url + target.path);
      console.log(row(target.name, 'app alone, micro-cache on', cached));
      const app = await load(baseUrl + target.path);
      console.log(row(target.name, 'app alone, micro-cache off', app));
      const viaFront = await load(frontUrl + target.path);
      console.log(row(target.name, 'front', viaFront));
      const file = await load(`${staticUrl}/${target.file}`);
      console.log(row(target.name, 'static', file));
      const ceiling = await load(`${staticUrl}/ceiling.txt`);
      console.log(row(target.name, "generator ceiling (nginx's 2-byte file)", ceiling));
      ratios.push(
        cappedByGenerator(file.rps, ceiling.rps)
          ? `${target.name}\tno ratio: static ${file.rps.toFixed(0)} is within 10 % of the generator's ceiling ${ceiling.rps.toFixed(0)}`
          : `${target.name}\tfront/static ${(viaFront.rps / file.rps).toFixed(2)}\tapp with micro-cache/static ${(cached.rps / file.rps).toFixed(2)}\tapp without/static ${(app.rps / file.rps).toFixed(3)}`,
      );
    }
    console.log('\npage\tratios (requests/s)');
    for (const line of ratios) console.log(line);

    pinnedFront = await startFront({
      workDir: path.join(BENCH_DIR, 'front-pinned'),
      frontPort: PINNED_FRONT_PORT,
      appPort: PORT,
      dataDir: prepared.dataDir,
      stdio: 'ignore',
      pinnedWorkerCpu: SERVER_CPU,
    });
    pinnedStatics = await startStatic(staticDir, path.join(BENCH_DIR, 'static-pinned'), PINNED_STATIC_PORT, SERVER_CPU);
    pinProcess(server.child.pid!, GENERATOR_CPUS);
    await pinnedComparison(
      targets,
      { url: `http://127.0.0.1:${PINNED_FRONT_PORT}`, master: pinnedFront },
      { url: `http://127.0.0.1:${PINNED_STATIC_PORT}`, master: pinnedStatics },
    );
    pinProcess(server.child.pid!, `0-${os.cpus().length - 1}`);
    if (baseRef) {
      // Front and static are done: the baseline's build and its server only now share the machine.
      baseline = await startBaseline(baseRef, archive);
      await compareWithBaseline(targets, baseUrl, baseline);
    }
  } finally {
    baseline?.server.stop();
    if (statics) await stopFront(statics);
    if (pinnedStatics) await stopFront(pinnedStatics);
    if (pinnedFront) await stopFront(pinnedFront);
    if (front) await stopFront(front);
    server.stop();
    cachedServer.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
