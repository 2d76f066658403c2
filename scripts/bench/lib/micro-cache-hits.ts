// npm run bench:public -- --only micro-cache: what one hit of the app's micro-cache costs, against
// its ceiling and static nginx (issue 31, deliverable 3: the app alone ≥ 0.5 × nginx static on the
// article page). Each server is held to one CPU, wrk (one thread, 32 connections) to the other, so
// requests/s is what one CPU of that server gives, and its CPU time per request is the cost of a hit:
//  (a) the app (server/serve.ts) with its micro-cache, every request a hit;
//  (b) a Node server with nothing else in it answering the same bytes and headers
//      (same-answer-server.mjs): Node's own ceiling for that answer;
//  (c) nginx with one worker serving the same HTML as a static file.
// Two turns each, in turn, so drift on a shared machine hits all three alike.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { stopFront } from '../../../server/front';
import { childPids, cpuMs, pinProcess } from './cpu-time';
import { startStatic } from './static-nginx';
import { waitForHealth } from './wait-for-health';
import { limitedByServer, wrk, type Figures } from './wrk';

type Answer = { status: number; headers: string[]; body: string };

// Node adds these itself on every answer.
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive']);

/** The answer a micro-cache hit gives for `url`: status, headers as sent (less Node's own), body. */
function hitAnswer(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const headers: string[] = [];
          const raw = response.rawHeaders;
          for (let i = 0; i < raw.length; i += 2)
            if (!CONNECTION_HEADERS.has(raw[i]!.toLowerCase())) headers.push(raw[i]!, raw[i + 1]!);
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('base64') });
        });
      })
      .on('error', reject);
  });
}

type Run = Figures & { busy: number; cpuUs: number };

async function pinnedRun(url: string, pids: () => number[], generatorCpus: string, durationS: number): Promise<Run> {
  const options = { connections: 32, threads: 1, cpus: generatorCpus };
  await wrk(url, { ...options, durationS: 2 });
  const counted = pids();
  const cpuNow = () => counted.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const before = cpuNow();
  const started = performance.now();
  const figures = await wrk(url, { ...options, durationS });
  const used = cpuNow() - before;
  return {
    ...figures,
    busy: used / (performance.now() - started),
    cpuUs: (used * 1000) / (figures.rps * durationS),
  };
}

const meanRun = (runs: Run[]): Run => {
  const avg = (pick: (run: Run) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    rps: avg((r) => r.rps),
    p50: avg((r) => r.p50),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: avg((r) => r.errors) * runs.length,
    non2xx: avg((r) => r.non2xx) * runs.length,
    busy: Math.min(...runs.map((r) => r.busy)),
    cpuUs: avg((r) => r.cpuUs),
  };
};

export type MicroCacheHitsOptions = {
  /** The app with its micro-cache on, already started and healthy. */
  app: { url: string; pid: number };
  articlePath: string;
  workDir: string;
  trivialPort: number;
  staticPort: number;
  serverCpu: number;
  generatorCpus: string;
  durationS: number;
};

export async function microCacheHits(options: MicroCacheHitsOptions): Promise<void> {
  const { app, workDir, serverCpu, generatorCpus, durationS } = options;
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(workDir, 'html'), { recursive: true });
  const articleUrl = app.url + options.articlePath;
  // A copy lives until the end of the second it was made in: a request just past it finds it expired.
  let answer = await hitAnswer(articleUrl);
  let cacheStatus = '';
  for (let tries = 0; tries < 10 && cacheStatus !== 'HIT'; tries++) {
    answer = await hitAnswer(articleUrl);
    cacheStatus = answer.headers[answer.headers.findIndex((h) => h.toLowerCase() === 'x-app-cache') + 1] ?? '';
  }
  if (answer.status !== 200 || cacheStatus !== 'HIT') throw new Error(`article: ${answer.status} ${cacheStatus}`);
  const answerFile = path.join(workDir, 'answer.json');
  fs.writeFileSync(answerFile, JSON.stringify(answer));
  fs.writeFileSync(path.join(workDir, 'html', 'article.html'), Buffer.from(answer.body, 'base64'));

  let trivial: ChildProcess | null = null;
  let statics: ChildProcess | null = null;
  try {
    trivial = spawn(
      process.execPath,
      [path.join(import.meta.dirname, 'same-answer-server.mjs'), answerFile, String(options.trivialPort)],
      { stdio: 'ignore' },
    );
    const trivialUrl = `http://127.0.0.1:${options.trivialPort}`;
    await waitForHealth(`${trivialUrl}/`);
    statics = await startStatic(
      path.join(workDir, 'html'),
      path.join(workDir, 'nginx'),
      options.staticPort,
      serverCpu,
      'article.html',
    );
    const workers = childPids(statics.pid!).filter((pid) =>
      fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker process'),
    );
    pinProcess(app.pid, String(serverCpu));
    pinProcess(trivial.pid!, String(serverCpu));
    const servers = [
      { name: '(a) app, micro-cache hit', url: articleUrl, pids: () => [app.pid] },
      { name: '(b) trivial Node, same answer', url: `${trivialUrl}/`, pids: () => [trivial!.pid!] },
      {
        name: '(c) nginx static, one worker',
        url: `http://127.0.0.1:${options.staticPort}/article.html`,
        pids: () => workers,
      },
    ];
    const runs = servers.map(() => [] as Run[]);
    for (let turn = 0; turn < 2; turn++)
      for (const [i, server] of servers.entries())
        runs[i]!.push(await pinnedRun(server.url, server.pids, generatorCpus, durationS));
    const [hits, ceiling, file] = runs.map(meanRun) as [Run, Run, Run];
    console.log(
      `\narticle page (${Buffer.from(answer.body, 'base64').length} bytes, ${answer.headers.length / 2} headers); each server on CPU ${serverCpu}, wrk (1 thread, 32 connections) on CPU ${generatorCpus}; two turns of ${durationS} s each`,
    );
    console.log('server\trequests/s\tp50 ms\tp99 ms\terrors\tnon-2xx\tCPU busy\tCPU µs/request');
    for (const [i, run] of [hits, ceiling, file].entries())
      console.log(
        `${servers[i]!.name}\t${run.rps.toFixed(0)}\t${run.p50.toFixed(2)}\t${run.p99.toFixed(2)}\t${run.errors}\t${run.non2xx}\t${(run.busy * 100).toFixed(0)} %\t${run.cpuUs.toFixed(1)}`,
      );
    const valid = [hits, ceiling, file].every((run) => limitedByServer(run.busy));
    console.log(
      `ratios (requests/s): app/static ${(hits.rps / file.rps).toFixed(2)}\ttrivial/static ${(ceiling.rps / file.rps).toFixed(2)}\tapp/trivial ${(hits.rps / ceiling.rps).toFixed(2)}` +
        (valid ? '' : '\t(not every server was ≥ 90 % busy: the generator may be the limit)'),
    );
  } finally {
    trivial?.kill('SIGTERM');
    if (statics) await stopFront(statics);
  }
}
