// A small process supervisor: `npm start`, `start:cluster` and the end-to-end set-up run the co-editing
// process (server/collab.ts) under it. When the process exits or is killed (kill -9, which is what the
// out-of-memory killer does) it is started again after a wait that doubles with each quick exit, so a
// process that cannot start (a broken setting) does not spin; every exit and every restart is logged.
// Stopping the supervisor stops the process without a restart.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

export type Backoff = {
  /** The wait before the first restart, and again after a run that lasted `stableMs`. */
  initialMs: number;
  /** The longest wait. */
  maxMs: number;
  /** A run at least this long counts as healthy: the next exit waits `initialMs` again. */
  stableMs: number;
};

/** 0.5 s doubling to 10 s; a minute up resets it. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 10_000, stableMs: 60_000 };

/**
 * How long to wait before starting the process again. `previousMs` is the wait before the run that
 * just ended (null: it was the first run), `upMs` how long that run lasted.
 */
export function restartDelay(previousMs: number | null, upMs: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  if (previousMs === null || upMs >= backoff.stableMs) return backoff.initialMs;
  return Math.min(Math.max(previousMs, backoff.initialMs) * 2, backoff.maxMs);
}

/** How a process ended, for a log line: 信号 SIGKILL, or 退出码 1. */
export function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `信号 ${signal}`;
  return `退出码 ${code ?? '未知'}`;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} 秒`;

export type SupervisorOptions = {
  /** What the log lines call the process, e.g. 协同编辑服务. */
  name: string;
  command: string;
  args: readonly string[];
  spawnOptions: SpawnOptions;
  backoff?: Backoff;
  /** Where each start writes the process id (one line), removed on stop: how an operator or a test finds it. */
  pidFile?: string;
  log?: { info: (line: string) => void; error: (line: string) => void };
  /** Called with every child started, the first included (e.g. to pipe its output). */
  onStart?: (child: ChildProcess) => void;
};

export type Supervisor = {
  /** The running process; null while waiting to restart it and after stop(). */
  readonly child: ChildProcess | null;
  /** How many times it has been started (1 after the first start). */
  readonly starts: number;
  /** Stops the process (SIGTERM, SIGKILL after `graceMs`) and never restarts it; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
};

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export function supervise(options: SupervisorOptions): Supervisor {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const log = options.log ?? {
    info: (line: string) => console.log(line),
    error: (line: string) => console.error(line),
  };
  let child: ChildProcess | null = null;
  let starts = 0;
  let stopping = false;
  let previousDelay: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let gone: Promise<void> = Promise.resolve();
  let stopped: Promise<void> | null = null;

  const writePid = (pid: number) => {
    if (options.pidFile) fs.writeFileSync(options.pidFile, `${pid}\n`);
  };
  const removePid = () => {
    if (!options.pidFile) return;
    try {
      fs.rmSync(options.pidFile, { force: true });
    } catch {
      // already gone, or its directory was removed with the data
    }
  };

  const start = () => {
    timer = null;
    if (stopping) return;
    starts += 1;
    const startedAt = Date.now();
    const current = spawn(options.command, [...options.args], options.spawnOptions);
    child = current;
    let ended = false;
    gone = new Promise<void>((resolve) => {
      const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
        if (ended) return;
        ended = true;
        if (child === current) child = null;
        resolve();
        if (stopping) return;
        const upMs = Date.now() - startedAt;
        const delay = restartDelay(previousDelay, upMs, backoff);
        previousDelay = delay;
        const why = error ? `无法启动：${error.message}` : howItEnded(code, signal);
        log.error(`${options.name}已退出（${why}，运行了 ${seconds(upMs)}），${seconds(delay)}后重启`);
        timer = setTimeout(start, delay);
      };
      current.once('exit', (code, signal) => onEnd(code, signal));
      // A process that could not be spawned at all (no such program) never emits 'exit'.
      current.once('error', (error) => {
        if (current.pid === undefined) onEnd(null, null, error);
      });
    });
    if (current.pid !== undefined) writePid(current.pid);
    if (starts > 1) log.info(`${options.name}已重启（第 ${starts - 1} 次，进程 ${current.pid ?? '未知'}）`);
    options.onStart?.(current);
  };

  start();

  return {
    get child() {
      return child;
    },
    get starts() {
      return starts;
    },
    stop(graceMs = 5_000) {
      // Every caller (a signal, the web server's exit) waits for the same stop.
      stopped ??= (async () => {
        stopping = true;
        if (timer) clearTimeout(timer);
        timer = null;
        const current = child;
        if (current && alive(current)) {
          current.kill('SIGTERM');
          const kill = setTimeout(() => current.kill('SIGKILL'), graceMs);
          await gone;
          clearTimeout(kill);
        }
        child = null;
        removePid();
      })();
      return stopped;
    },
  };
}
