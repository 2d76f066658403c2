// Load generation with wrk (Debian's `wrk`), for the benchmarks that compare the app with nginx.
// autocannon tops out near 10,000 requests/s on a 2-core machine, where nginx serves a page as a
// static file at over 100,000 with wrk: a ratio to "static" measured with autocannon measures
// autocannon (issue 31). wrk is C with an event loop per thread, so it is not the limit here.
import { spawn, spawnSync } from 'node:child_process';

export type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

export const WRK_MISSING = '找不到 wrk：请先安装（Debian/Ubuntu：sudo apt-get install wrk）。';

export function findWrk(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function milliseconds(value: string, unit: string): number {
  const scale = UNIT_MS[unit];
  if (scale === undefined) throw new Error(`wrk: unknown time unit ${unit}`);
  return Number(value) * scale;
}

/** The figures in wrk's report (run with --latency); throws when a figure is missing. */
export function parseWrk(report: string): Figures {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(report);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(report);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(report);
  if (!rps || !p50 || !p99) throw new Error(`wrk: unexpected report:\n${report}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const errors = socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  return {
    rps: Number(rps[1]),
    p50: milliseconds(p50[1]!, p50[2]!),
    p99: milliseconds(p99[1]!, p99[2]!),
    errors,
    non2xx,
  };
}

export type WrkOptions = {
  connections: number;
  threads: number;
  durationS: number;
  headers?: Record<string, string>;
  /** A Lua script (wrk -s): requests of its own making, pacing, a report of its own in done(). */
  script?: string;
  /** Runs wrk on these CPUs only (taskset's list, e.g. "0"), so that it and the server do not share one. */
  cpus?: string;
};

/** wrk started on `url` for `durationS`; `closed` resolves with everything it printed and its exit code. */
function spawnWrk(url: string, options: WrkOptions) {
  const binary = findWrk();
  if (!binary) throw new Error(WRK_MISSING);
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationS}s`,
    '--latency',
    ...(options.script ? ['-s', options.script] : []),
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    url,
  ];
  const child = options.cpus
    ? spawn('taskset', ['-c', options.cpus, binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const closed = new Promise<{ out: string; code: number | null }>((resolve) =>
    child.on('close', (code) => resolve({ out, code })),
  );
  return { child, closed };
}

/** Runs wrk against `url` and returns its figures. */
export async function wrk(url: string, options: WrkOptions): Promise<Figures> {
  return parseWrk(await wrkReport(url, options));
}

/** Runs wrk against `url` and returns everything it printed (a script's own lines too). */
export async function wrkReport(url: string, options: WrkOptions): Promise<string> {
  const { out, code } = await spawnWrk(url, options).closed;
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${out}`);
  return out;
}

/**
 * Whether a static figure is the generator's limit rather than nginx's: within 10 % of what the same
 * generator gets from nginx's cheapest answer (a tiny file) on this machine. A ratio to such a figure
 * would measure the generator, so none is reported.
 */
export function cappedByGenerator(staticRps: number, ceilingRps: number): boolean {
  return staticRps >= 0.9 * ceilingRps;
}

/**
 * Whether a server held to one CPU was the limit of a run: busy at least 90 % of the time on it. With
 * wrk on the other CPU, a server that was not busy was waiting for the generator, and a ratio
 * to such a figure would measure the generator.
 */
export function limitedByServer(busyFraction: number): boolean {
  return busyFraction >= 0.9;
}

export type RunningWrk = { stop: () => Promise<Figures> };

/**
 * wrk on `url` as background load for as long as the caller needs (up to an hour): stop() interrupts
 * it (wrk then reports on the time it ran) and returns its figures.
 */
export function startWrk(url: string, options: Omit<WrkOptions, 'durationS'>): RunningWrk {
  const { child, closed } = spawnWrk(url, { ...options, durationS: 3600 });
  return {
    stop: async () => {
      child.kill('SIGINT');
      return parseWrk((await closed).out);
    },
  };
}
