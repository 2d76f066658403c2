// npm run bench:lighthouse — Lighthouse (mobile preset, Debian's Chromium or CHROME_PATH) on the front
// page, an article and an e-paper page (版面: the sample issue's page 1 as a printed image with its
// story areas, image chosen by srcset) through the shipped nginx front, on a fresh data directory with the sample
// issue. Prints performance, accessibility, best practices and SEO; the goal is 95 or more each.
// Each page is measured LIGHTHOUSE_RUNS times (default 3) and the median is printed, as Lighthouse
// recommends for variable machines (this one is shared).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { prepare } from './lib/prepare';
import { clearDataCache } from './lib/next-cache';
import { findNginx, NGINX_MISSING, startFront, stopFront } from './lib/front';
import { waitForHealth } from './bench/wait-for-health';
import { appServerEnv, buildIfStale, startNextServer } from './bench/app-server';
import { createSqliteClient } from '../lib/db-client';
import { attachPdf, publishIssueScans } from '../lib/epaper/service';
import { renderScan } from '../lib/epaper/jobs';
import { samplePdf, SAMPLE_NUMBER } from './bench/epaper-sample';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const DATA_DIR = path.join(BENCH_DIR, 'lighthouse');
const PORT = Number(process.env.BENCH_PORT ?? 3300) + 3;
const FRONT_PORT = Number(process.env.BENCH_FRONT_PORT ?? PORT + 1);
const GOAL = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function chromePath(): string {
  const found = [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('找不到 Chromium：请先安装（Debian：sudo apt-get install chromium），或用 CHROME_PATH 指定。');
  return found;
}

async function main() {
  if (!findNginx()) throw new Error(NGINX_MISSING);
  const chromium = chromePath();
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const env = { ...process.env, DATA_DIR, DATABASE_URL: undefined, ADMIN_PASSWORD: 'bench-admin-password' };
  const prepared = await prepare(env);
  await publishSampleEpaper(prepared.sqlitePath, path.join(prepared.dataDir, 'media'));
  const frontUrl = `http://127.0.0.1:${FRONT_PORT}`;
  // The app names itself by the front's address: that is where readers (and Lighthouse) meet it.
  const serverEnv = { ...appServerEnv(env, prepared, PORT, frontUrl), TRUSTED_PROXY_HOPS: '1' };
  buildIfStale(ROOT, serverEnv);
  clearDataCache(ROOT);
  const server = startNextServer(ROOT, PORT, serverEnv);
  let front: ChildProcess | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`);
    front = await startFront({ workDir: path.join(BENCH_DIR, 'lighthouse-front'), frontPort: FRONT_PORT, appPort: PORT, dataDir: prepared.dataDir, stdio: 'ignore' });
    chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const pages = [
      { name: '首页', url: `${frontUrl}/` },
      { name: '稿件', url: `${frontUrl}/articles/ke-cheng-duo-xia-da-yu-ding` },
      { name: '版面', url: `${frontUrl}/issues/${SAMPLE_NUMBER}/pages/1` },
    ];
    console.log(`Lighthouse (mobile preset) through the front ${frontUrl}, Chromium ${chromium}; goal ${GOAL} each`);
    console.log(`${RUNS} run(s) per page; median, then each run's scores`);
    console.log(['page', ...CATEGORIES, 'runs'].join('\t'));
    let allMet = true;
    for (const page of pages) {
      const runs: number[][] = [];
      let result: Awaited<ReturnType<typeof lighthouse>>;
      do {
        result = await lighthouse(page.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
        const lhr = result.lhr;
        runs.push(CATEGORIES.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100)));
      } while (runs.length < RUNS);
      const scores = CATEGORIES.map((_, index) => median(runs.map((run) => run[index]!)));
      if (scores.some((score) => score < GOAL)) allMet = false;
      console.log([page.name, ...scores, runs.map((run) => run.join('/')).join(' ')].join('\t'));
      const failing = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative');
      // Audits below 0.9 in the last run, to show what costs points.
      for (const audit of failing) {
        console.log(`  · ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        if (process.env.LIGHTHOUSE_DETAILS) console.log(JSON.stringify(audit.details ?? null).slice(0, 3000));
      }
    }
    console.log(allMet ? `every score is ${GOAL} or more` : `some score is below ${GOAL}`);
    if (!allMet) process.exitCode = 1;
  } finally {
    await chrome?.kill();
    if (front) await stopFront(front);
    server.stop();
  }
}

/** The sample issue gets its printed pages (版面), published, so the e-paper reader page is measured with its image. */
async function publishSampleEpaper(sqlitePath: string, mediaDir: string): Promise<void> {
  const db = createSqliteClient(sqlitePath);
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
