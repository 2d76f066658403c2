// npm run bench:lighthouse — Lighthouse (mobile preset, Debian's Chromium or CHROME_PATH) on every reader
// page type (front page, 版面 with and without its printed image, article, 往期, a month, search,
// 无障碍声明), each in the normal layout and in 长辈模式, (版面: the sample issue's page 1 as a printed image
// with its story areas, image chosen by srcset) through the shipped nginx front before the app as
// `npm start` serves it (server/serve.ts without its micro-cache, as behind the front: reader pages leave
// it without Next's client runtime, server/reader-html.ts), on a fresh data directory with the sample
// issue. Ends with one table: performance, accessibility, best practices and SEO of each page and mode,
// the median with the range of the runs, and pass/FAIL against the goal of 95 or more in each.
// Each page is measured LIGHTHOUSE_RUNS times (default 3) and the median is judged, as Lighthouse
// recommends for variable machines (this one is shared).
// `-- --baseline <commit>` (or BENCH_BASELINE) also builds that commit (scripts/bench/lib/baseline-tree.ts),
// serves it on its own data behind its own front, and measures both sites turn about (this tree, baseline,
// this tree, …) with the same Chromium, printing both medians and their ratio: on a shared machine only
// scores taken side by side can be compared.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

import { createClientFor } from '../../lib/db-client';
import { renderScan } from '../../lib/epaper/jobs';
import { attachPdf, publishIssueScans } from '../../lib/epaper/service';
import { CARE_MODE_KEY } from '../../lib/reader/care-mode-script';
import { findNginx, NGINX_MISSING, startFront, stopFront } from '../../server/front';
import { clearDataCache } from '../../server/next-cache';
import { prepare, type Prepared } from '../../server/prepare';
import { appServerEnv, buildIfStale, startServeServer, type AppServer, type PreparedData } from './lib/app-server';
import { baselineRef, baselineTree, runInTree } from './lib/baseline-tree';
import { SAMPLE_NUMBER, samplePdf } from './lib/epaper-sample';
import { waitForHealth } from './lib/wait-for-health';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const PORT = Number(process.env.BENCH_PORT ?? 3300) + 3;
const FRONT_PORT = Number(process.env.BENCH_FRONT_PORT ?? PORT + 1);
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? PORT + 2);
const BASE_FRONT_PORT = Number(process.env.BENCH_BASE_FRONT_PORT ?? BASE_PORT + 1);
const GOAL = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = ['total-blocking-time', 'largest-contentful-paint', 'max-potential-fid'] as const;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const ALL_PAGES = [
  { name: '首页', file: 'front', path: '/' },
  { name: '稿件', file: 'article', path: '/articles/ke-cheng-duo-xia-da-yu-ding' },
  { name: '版面', file: 'epaper', path: `/issues/${SAMPLE_NUMBER}/pages/1` },
  { name: '版面无图', file: 'epaper-text', path: `/issues/${SAMPLE_NUMBER}/pages/2` },
  { name: '往期', file: 'archive', path: '/archive' },
  { name: '月份', file: 'month', path: '/archive/2020/8' },
  { name: '搜索', file: 'search', path: `/search?q=${encodeURIComponent('柯城')}` },
  { name: '无障碍声明', file: 'accessibility', path: '/accessibility' },
] as const;
/** Each page in the normal layout and in 长辈模式 (the reader's choice in localStorage, set before the run). */
const ALL_MODES = ['normal', 'care'] as const;
type Mode = (typeof ALL_MODES)[number];
/**
 * LIGHTHOUSE_PAGES (e.g. `版面`) and LIGHTHOUSE_MODES (`normal` or `care`), comma-separated, narrow the
 * run: 3 runs of 16 page-modes take about 10 minutes here, more than a quiet slot should be held.
 */
function chosen<T>(all: readonly T[], names: (item: T) => string, variable: string): readonly T[] {
  const wanted = process.env[variable]
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((name) => !all.some((item) => names(item) === name));
  if (unknown.length) throw new Error(`${variable} 只能是 ${all.map(names).join('、')}，不认识：${unknown.join('、')}`);
  return all.filter((item) => wanted.includes(names(item)));
}
/**
 * LIGHTHOUSE_BLOCK: URL patterns (Lighthouse's blockedUrlPatterns, `*` wildcards, comma-separated) the
 * browser refuses during the runs, e.g. `*_next/static/chunks*.js` to see what a page would score
 * without the framework's client runtime: an experiment, never a figure for the goal.
 */
const BLOCKED = (process.env.LIGHTHOUSE_BLOCK ?? '')
  .split(',')
  .map((pattern) => pattern.trim())
  .filter(Boolean);
const PAGES = chosen(ALL_PAGES, (page) => page.name, 'LIGHTHOUSE_PAGES');
const MODES = chosen(ALL_MODES, (mode) => mode, 'LIGHTHOUSE_MODES');

type Site = { label: string; url: string; stop: () => Promise<void> };
type Run = {
  scores: number[];
  metrics: number[];
  lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
  error?: string;
};

/** The middle value; for an even count the mean of the two middle ones, rounded. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function chromePath(): string {
  const found = [
    process.env.CHROME_PATH,
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find((p) => p && fs.existsSync(p));
  if (!found)
    throw new Error('找不到 Chromium：请先安装（Debian：sudo apt-get install chromium），或用 CHROME_PATH 指定。');
  return found;
}

/** The app of `root` on `data`, named by its front's address, with the front (`startFrontOf`) before it. */
async function serveSite(
  label: string,
  root: string,
  data: PreparedData,
  env: NodeJS.ProcessEnv,
  ports: { app: number; front: number },
  startFrontOf: typeof startFront,
  stopFrontOf: typeof stopFront,
): Promise<Site> {
  const url = `http://127.0.0.1:${ports.front}`;
  // The app names itself by the front's address: that is where readers (and Lighthouse) meet it.
  // As the shipped front runs it (start:front): no micro-cache of its own behind nginx's.
  const serverEnv = { ...appServerEnv(env, data, ports.app, url), TRUSTED_PROXY_HOPS: '1', APP_MICROCACHE: '0' };
  buildIfStale(root, serverEnv);
  clearDataCache(root);
  // The app as `npm start` serves it (a baseline from before server/serve.ts: `next start`).
  const server: AppServer = startServeServer(root, ports.app, serverEnv);
  let front: ChildProcess | null = null;
  const stop = async () => {
    if (front) await stopFrontOf(front);
    server.stop();
  };
  try {
    await waitForHealth(`${server.url}/api/health`);
    front = await startFrontOf({
      workDir: path.join(BENCH_DIR, `lighthouse-front-${ports.front}`),
      frontPort: ports.front,
      appPort: ports.app,
      dataDir: data.dataDir,
      stdio: 'ignore',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { label, url, stop };
}

async function thisTree(): Promise<Site> {
  const dataDir = path.join(BENCH_DIR, 'lighthouse');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' };
  const prepared = await prepare(env);
  await publishSampleEpaper(prepared, path.join(prepared.dataDir, 'media'));
  return serveSite('this tree', ROOT, prepared, env, { app: PORT, front: FRONT_PORT }, startFront, stopFront);
}

/**
 * The baseline commit on its own data, prepared by its own scripts (and its 版面 PDF published when that
 * commit has e-paper pages), behind its own front configuration (its server/front.ts, scripts/lib/front.ts in older trees, and deploy/nginx/).
 */
async function baselineSite(ref: string): Promise<Site> {
  const tree = baselineTree(ROOT, ref);
  const dataDir = path.join(BENCH_DIR, 'lighthouse-baseline');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' };
  const made = runInTree<{ databaseUrl: string; authSecret: string; epaper: boolean }>(
    tree,
    `
import fs from 'node:fs';
import path from 'node:path';
// Trees from before server/ existed keep the start-up and the benchmarks' helpers under scripts/.
const { prepare } = await import(fs.existsSync('./server/prepare.ts') ? './server/prepare.ts' : './scripts/lib/prepare.ts');
const prepared = await prepare(process.env);
let epaper = false;
const epaperSample = ['./scripts/bench/lib/epaper-sample.ts', './scripts/bench/epaper-sample.ts'].find((file) => fs.existsSync(file));
if (epaperSample) {
  const clients = await import('./lib/db-client.ts');
  const { attachPdf, publishIssueScans } = await import('./lib/epaper/service.ts');
  const { renderScan } = await import('./lib/epaper/jobs.ts');
  const { samplePdf } = await import(epaperSample);
  // Older commits: SQLite only, the path on prepared; newer: any database, its config on prepared.
  const db = 'createClientFor' in clients ? clients.createClientFor(prepared.database) : clients.createSqliteClient(prepared.sqlitePath);
  const mediaDir = path.join(prepared.dataDir, 'media');
  const actor = await db.user.findFirstOrThrow({ select: { id: true } });
  const { issueId, pdf } = await samplePdf(db);
  const attached = await attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: pdf, mediaDir });
  for (const id of attached.scanIds) await renderScan(db, mediaDir, id);
  await db.$transaction((tx) => publishIssueScans(tx, issueId));
  await db.$disconnect();
  epaper = true;
}
console.log(JSON.stringify({ databaseUrl: prepared.databaseUrl ?? 'file:' + prepared.sqlitePath, authSecret: prepared.authSecret, epaper }));
`,
    env,
  );
  const frontFile = [
    path.join(tree.root, 'server', 'front.ts'),
    path.join(tree.root, 'scripts', 'lib', 'front.ts'),
  ].find((file) => fs.existsSync(file))!;
  const front = (await import(pathToFileURL(frontFile).href)) as {
    startFront: typeof startFront;
    stopFront: typeof stopFront;
  };
  const label = `baseline ${tree.commit.slice(0, 7)}${made.epaper ? '' : ' (no 版面 image at that commit)'}`;
  return serveSite(
    label,
    tree.root,
    { dataDir, ...made },
    env,
    { app: BASE_PORT, front: BASE_FRONT_PORT },
    front.startFront,
    front.stopFront,
  );
}

/**
 * 长辈模式 is kept in the browser: stored for the page's origin before the run, and Lighthouse told not
 * to clear storage (it would clear it with the cache); the HTTP cache is cleared here instead, so the
 * run starts as cold as a normal one.
 */
async function prepareMode(chrome: chromeLauncher.LaunchedChrome, url: string, mode: Mode): Promise<void> {
  if (mode === 'normal') return;
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('/robots.txt', url).href);
    await page.evaluate((key) => localStorage.setItem(key, '1'), CARE_MODE_KEY);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.disconnect();
  }
}

async function measure(chrome: chromeLauncher.LaunchedChrome, url: string, mode: Mode): Promise<Run> {
  await prepareMode(chrome, url, mode);
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    // Normal runs start from empty storage (Lighthouse's default), which also forgets 长辈模式.
    disableStorageReset: mode === 'care',
    ...(BLOCKED.length ? { blockedUrlPatterns: BLOCKED } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  // A run Lighthouse could not finish (a page that did not paint in time on a busy machine) scores 0;
  // it is reported, not counted in the median.
  if (lhr.runtimeError) return { lhr, scores: [], metrics: [], error: lhr.runtimeError.code };
  return {
    lhr,
    scores: CATEGORIES.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100)),
    metrics: [
      ...METRICS.map((metric) => Math.round(lhr.audits[metric]?.numericValue ?? 0)),
      Math.round(lhr.environment.benchmarkIndex),
    ],
  };
}

/** "median (lowest–highest)" of one column of the finished runs; the median alone when they agree. */
function spread(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${median(values)} (${low}–${high})`;
}

/**
 * One row of the table for a page-mode and site: each category's median with the range of the runs,
 * the metrics' medians, and (this tree) whether every median reaches the goal.
 */
function report(page: string, site: Site, all: Run[], judged: boolean): { row: string; scores: number[] } {
  const runs = all.filter((run) => !run.error);
  const failed = all.filter((run) => run.error).map((run) => `failed run: ${run.error}`);
  if (runs.length === 0)
    return {
      row: [page, site.label, 'no finished run', judged ? 'FAIL' : '', ...failed].join('\t'),
      scores: CATEGORIES.map(() => 0),
    };
  const scores = CATEGORIES.map((_, index) => median(runs.map((run) => run.scores[index]!)));
  const ranges = CATEGORIES.map((_, index) => spread(runs.map((run) => run.scores[index]!)));
  const metrics = [...METRICS, 'benchmarkIndex'].map((_, index) => median(runs.map((run) => run.metrics[index]!)));
  const verdict = judged ? (scores.every((score) => score >= GOAL) ? 'pass' : 'FAIL') : '';
  return { row: [page, site.label, ...ranges, ...metrics, verdict, ...failed].join('\t'), scores };
}

/**
 * What cost points in the runs of this tree: every scored audit below 0.9 in any run, with how many runs
 * it failed in and its value in the last of them (LIGHTHOUSE_DETAILS: also its details).
 */
function costs(name: string, runs: Run[]): void {
  const finished = runs.filter((run) => !run.error);
  const seen = new Map<string, { title: string; value: string; count: number; details: unknown }>();
  for (const run of finished)
    for (const audit of Object.values(run.lhr.audits)) {
      if (audit.score === null || audit.score >= 0.9 || audit.scoreDisplayMode === 'informative') continue;
      const entry = seen.get(audit.id) ?? { title: audit.title, value: '', count: 0, details: null };
      seen.set(audit.id, {
        ...entry,
        value: audit.displayValue ?? '',
        count: entry.count + 1,
        details: audit.details ?? null,
      });
    }
  console.log(`${name}: ${seen.size ? 'audits below 0.9' : 'no audit below 0.9'}`);
  for (const [id, audit] of seen) {
    console.log(
      `  · ${id}: ${audit.title}${audit.value ? ` (${audit.value})` : ''}, ${audit.count}/${finished.length} runs`,
    );
    if (process.env.LIGHTHOUSE_DETAILS) console.log(JSON.stringify(audit.details).slice(0, 3000));
  }
}

/** Each run's whole report, for reading the audits afterwards (.bench/lighthouse-reports/). */
function keep(run: Run, name: string): void {
  const dir = path.join(BENCH_DIR, 'lighthouse-reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(run.lhr));
}

async function main() {
  if (!findNginx()) throw new Error(NGINX_MISSING);
  const chromium = chromePath();
  const baseRef = baselineRef(process.argv.slice(2));
  console.log(`load average at start: ${load()}`);
  const sites: Site[] = [];
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    sites.push(await thisTree());
    if (baseRef) sites.push(await baselineSite(baseRef));
    chrome = await chromeLauncher.launch({
      chromePath: chromium,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    console.log(`Lighthouse (mobile preset) through the front, Chromium ${chromium}; goal ${GOAL} each (this tree)`);
    console.log(sites.map((site) => `${site.label}: ${site.url}`).join('; '));
    if (BLOCKED.length) console.log(`EXPERIMENT: requests blocked (LIGHTHOUSE_BLOCK): ${BLOCKED.join(', ')}`);
    console.log(
      `${RUNS} run(s) per page and site${sites.length > 1 ? ', turn about (A B, B A, …)' : ''}; reports kept in .bench/lighthouse-reports/`,
    );
    let allMet = true;
    const rows: string[] = [];
    const ratios: string[] = [];
    const measured: { name: string; runs: Run[] }[] = [];
    for (const mode of MODES)
      for (const page of PAGES) {
        const name = mode === 'care' ? `${page.name}（长辈模式）` : page.name;
        const runs: Run[][] = sites.map(() => []);
        // Turn about in alternating order (A B, B A, …): the site measured first in a turn is not always
        // the same one, so anything that favours the first or second run of a turn hits both alike.
        for (let turn = 0; turn < RUNS; turn += 1) {
          const order = [...sites.keys()];
          if (turn % 2 === 1) order.reverse();
          for (const index of order) {
            const run = await measure(chrome, sites[index]!.url + page.path, mode);
            keep(run, `${page.file}-${mode}-${index === 0 ? 'this' : 'baseline'}-${turn + 1}`);
            runs[index]!.push(run);
            console.log(`${name}\t${sites[index]!.label}\trun ${turn + 1}: ${run.error ?? run.scores.join('/')}`);
          }
        }
        const results = sites.map((site, index) => report(name, site, runs[index]!, index === 0));
        rows.push(...results.map((result) => result.row));
        measured.push({ name, runs: runs[0]! });
        const [mine, base] = results.map((result) => result.scores);
        if (mine!.some((score) => score < GOAL)) allMet = false;
        if (base) ratios.push(`${name}\tperformance ${mine![0]} / ${base[0]} = ${(mine![0]! / base[0]!).toFixed(2)}`);
      }
    // Lighthouse's own measure of how fast this machine ran at the time (its benchmarkIndex; higher is
    // faster): a busy shared machine shows here, and the simulated phone is slower by the same factor.
    console.log(
      `\nMedians of ${RUNS} run(s), with the lowest and highest in brackets; goal ${GOAL} in every category.`,
    );
    console.log('CPU index: Lighthouse benchmarkIndex of the run (higher is a faster, quieter machine)');
    console.log(['page', 'site', ...CATEGORIES, 'TBT ms', 'LCP ms', 'max FID ms', 'CPU index', `≥ ${GOAL}`].join('\t'));
    for (const row of rows) console.log(row);
    console.log('');
    for (const { name, runs } of measured) costs(name, runs);
    if (ratios.length) {
      console.log(`\npage\tthis tree / ${sites[1]!.label} (performance, medians)`);
      for (const line of ratios) console.log(line);
    }
    console.log(`load average at end: ${load()}`);
    console.log(
      allMet
        ? `PASS: every median of this tree is ${GOAL} or more`
        : `FAIL: some median of this tree is below ${GOAL} (rows marked FAIL)`,
    );
    if (!allMet) process.exitCode = 1;
  } finally {
    await chrome?.kill();
    for (const site of sites) await site.stop();
  }
}

/** The sample issue gets its printed pages (版面), published, so the e-paper reader page is measured with its image. */
async function publishSampleEpaper(prepared: Prepared, mediaDir: string): Promise<void> {
  const db = createClientFor(prepared.database);
  try {
    const actor = await db.user.findFirstOrThrow({ select: { id: true } });
    const { issueId, pdf } = await samplePdf(db);
    const attached = await attachPdf(db, actor, { issueId, target: { kind: 'issue' }, bytes: pdf, mediaDir });
    for (const id of attached.scanIds) await renderScan(db, mediaDir, id);
    await db.$transaction((tx) => publishIssueScans(tx, issueId));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
