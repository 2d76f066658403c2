// The supervisor that keeps the co-editing process running: the backoff
// rule, and a real child killed with SIGKILL that comes back by itself, logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { DEFAULT_BACKOFF, howItEnded, restartDelay, supervise, type Backoff } from './supervise';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-supervise-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('restartDelay', () => {
  it('waits half a second after the first run, then doubles with each quick exit up to ten seconds', () => {
    let delay = restartDelay(null, 100);
    const waits = [delay];
    for (let i = 0; i < 6; i += 1) {
      delay = restartDelay(delay, 100);
      waits.push(delay);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('starts again from half a second after a run that stayed up a minute', () => {
    expect(restartDelay(8000, DEFAULT_BACKOFF.stableMs)).toBe(500);
    expect(restartDelay(8000, DEFAULT_BACKOFF.stableMs - 1)).toBe(10_000);
  });

  it('follows the given backoff', () => {
    const quick: Backoff = { initialMs: 50, maxMs: 120, stableMs: 1000 };
    expect([
      restartDelay(null, 0, quick),
      restartDelay(50, 0, quick),
      restartDelay(100, 0, quick),
      restartDelay(100, 1000, quick),
    ]).toEqual([50, 100, 120, 50]);
  });
});

describe('howItEnded', () => {
  it('names the signal, or else the exit code', () => {
    expect(howItEnded(null, 'SIGKILL')).toBe('信号 SIGKILL');
    expect(howItEnded(1, null)).toBe('退出码 1');
  });
});

describe('supervise', () => {
  const quick: Backoff = { initialMs: 100, maxMs: 400, stableMs: 60_000 };
  const forever = [process.execPath, ['-e', 'setInterval(() => {}, 1000)']] as const;

  it('restarts a child killed with SIGKILL, logs the exit and the restart, and writes the new pid', async () => {
    const lines: string[] = [];
    const pidFile = path.join(scratch, 'killed.pid');
    const supervisor = supervise({
      name: '测试进程',
      command: forever[0],
      args: forever[1],
      spawnOptions: { stdio: 'ignore' },
      backoff: quick,
      pidFile,
      log: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
    });
    try {
      const first = supervisor.child!.pid!;
      expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(first));
      process.kill(first, 'SIGKILL');
      await until(() => supervisor.starts === 2 && supervisor.child !== null);
      const second = supervisor.child!.pid!;
      expect(second).not.toBe(first);
      expect(isRunning(second)).toBe(true);
      expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(second));
      expect(lines[0]).toMatch(/^测试进程已退出（信号 SIGKILL，运行了 [\d.]+ 秒），0.1 秒后重启$/);
      expect(lines[1]).toBe(`测试进程已重启（第 1 次，进程 ${second}）`);
    } finally {
      await supervisor.stop();
    }
  });

  it('waits longer after each quick exit', async () => {
    const lines: string[] = [];
    const supervisor = supervise({
      name: '坏进程',
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      spawnOptions: { stdio: 'ignore' },
      backoff: quick,
      log: { info: () => {}, error: (line) => lines.push(line) },
    });
    try {
      await until(() => lines.length >= 3);
    } finally {
      await supervisor.stop();
    }
    expect(lines.slice(0, 3).map((line) => /退出码 3，运行了 [\d.]+ 秒），([\d.]+) 秒后重启/.exec(line)?.[1])).toEqual([
      '0.1',
      '0.2',
      '0.4',
    ]);
  });

  it('stops the child without restarting it, and removes the pid file', async () => {
    const lines: string[] = [];
    const pidFile = path.join(scratch, 'stopped.pid');
    const supervisor = supervise({
      name: '测试进程',
      command: forever[0],
      args: forever[1],
      spawnOptions: { stdio: 'ignore' },
      backoff: quick,
      pidFile,
      log: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
    });
    const pid = supervisor.child!.pid!;
    // A signal and the web server's exit may both ask: one stop, which both wait for.
    const [first, second] = [supervisor.stop(), supervisor.stop()];
    expect(second).toBe(first);
    await first;
    expect(isRunning(pid)).toBe(false);
    await sleep(quick.initialMs * 3);
    expect(supervisor.starts).toBe(1);
    expect(supervisor.child).toBeNull();
    expect(lines).toEqual([]);
    expect(fs.existsSync(pidFile)).toBe(false);
  });

  it('stopping while it waits to restart cancels the restart', async () => {
    const supervisor = supervise({
      name: '测试进程',
      command: forever[0],
      args: forever[1],
      spawnOptions: { stdio: 'ignore' },
      backoff: { ...quick, initialMs: 300 },
      log: { info: () => {}, error: () => {} },
    });
    process.kill(supervisor.child!.pid!, 'SIGKILL');
    await until(() => supervisor.child === null);
    await supervisor.stop();
    await sleep(500);
    expect(supervisor.starts).toBe(1);
  });

  it('a program that cannot be started is retried with backoff, not thrown', async () => {
    const lines: string[] = [];
    const supervisor = supervise({
      name: '不存在的程序',
      command: path.join(scratch, 'no-such-program'),
      args: [],
      spawnOptions: { stdio: 'ignore' },
      backoff: quick,
      log: { info: () => {}, error: (line) => lines.push(line) },
    });
    try {
      await until(() => lines.length >= 2);
    } finally {
      await supervisor.stop();
    }
    expect(lines[0]).toMatch(/^不存在的程序已退出（无法启动：.*ENOENT.*），0.1 秒后重启$/);
  });
});
