// Start-up refuses bad settings with one clear line and creates nothing,
// and keeps the web server up while it restarts the co-editing process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { freePort } from './support/free-port';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-start-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [TSX, 'scripts/start.ts'], {
    cwd: ROOT,
    // The test runner's own database settings must not leak into the child.
    env: { ...process.env, DATA_DIR: undefined, DATABASE_URL: undefined, PORT: undefined, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = result.stderr.split('\n').filter((line) => line.trim() && !line.includes('npm warn'));
  return { status: result.status, lines };
}

describe('npm start with bad settings', () => {
  it('stops on a malformed DATABASE_URL and creates no data directory', () => {
    const dataDir = path.join(scratch, 'bad-url');
    const { status, lines } = start({ DATA_DIR: dataDir, DATABASE_URL: 'mysql://root@localhost/news', PORT: '3901' });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法启动：DATABASE_URL "mysql:\/\/root@localhost\/news" 不是可用的数据库地址/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('stops on a DATA_DIR that cannot be written', () => {
    const blocker = path.join(scratch, 'a-file');
    fs.writeFileSync(blocker, '');
    const { status, lines } = start({ DATA_DIR: path.join(blocker, 'data'), PORT: '3902' });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法启动：DATA_DIR .* 不可写（ENOTDIR）：/);
  });

  it('stops when the port is taken, before creating anything', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as net.AddressInfo).port;
    const dataDir = path.join(scratch, 'busy-port');
    try {
      const { status, lines } = start({ DATA_DIR: dataDir, PORT: String(port) });
      expect(status).toBe(1);
      expect(lines).toEqual([`无法启动：端口 ${port} 已被占用：请停止占用它的程序，或用 PORT=${port + 1} 启动`]);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops on a PORT that is not a number', () => {
    const { status, lines } = start({ DATA_DIR: path.join(scratch, 'bad-port'), PORT: 'http' });
    expect(status).toBe(1);
    expect(lines).toEqual(['无法启动：PORT "http" 不是端口号：请设为 1 到 65535 之间的整数']);
  });

  it('stops on a DATABASE_POOL_SIZE that is not a connection count, before creating anything', () => {
    const dataDir = path.join(scratch, 'bad-pool');
    const { status, lines } = start({ DATA_DIR: dataDir, DATABASE_POOL_SIZE: '0' });
    expect(status).toBe(1);
    expect(lines).toEqual([
      '无法启动：DATABASE_POOL_SIZE "0" 不是有效的连接数：请设为 1 到 200 之间的整数（每个实例与 PostgreSQL 的连接数）',
    ]);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('stops on a HOST or TRUSTED_PROXIES that is not an address, before creating anything', () => {
    const dataDir = path.join(scratch, 'bad-host');
    const host = start({ DATA_DIR: dataDir, HOST: 'news.example.cn', PORT: '3903' });
    expect(host.status).toBe(1);
    expect(host.lines).toEqual([
      '无法启动：HOST "news.example.cn" 不是 IP 地址：请设为 127.0.0.1（只在本机）、0.0.0.0 或本机的某个地址',
    ]);
    const proxies = start({ DATA_DIR: dataDir, TRUSTED_PROXIES: '127.0.0.1,nginx', PORT: '3903' });
    expect(proxies.status).toBe(1);
    expect(proxies.lines).toEqual([
      '无法启动：TRUSTED_PROXIES 中的 "nginx" 不是地址：请写前端代理的 IP 地址或网段，用逗号分开（如 127.0.0.1,10.0.0.0/8）',
    ]);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

// The co-editing process is supervised: killed with SIGKILL (what the out-of-memory killer
// does), it comes back by itself, logged, while the web server keeps answering; stopping npm start
// stops both without a restart. This is `npm start` itself, in production mode: like a first run, it
// builds the app first when there is no build (.next/BUILD_ID), which takes minutes.
describe('npm start with the co-editing process killed', () => {
  /** The web server's answer to /api/health (its status), or null when it does not answer. */
  async function siteStatus(port: number): Promise<number | null> {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return null;
    }
  }

  /** Whether the co-editing process answers HTTP on its port (Hocuspocus does). */
  async function collabAnswers(port: number): Promise<boolean> {
    try {
      return (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })).ok;
    } catch {
      return false;
    }
  }

  async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const running = (pid: number) => {
    if (pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it(
    'restarts it with a log line while the web server keeps answering, and stops both on SIGTERM',
    async () => {
      const dataDir = path.join(scratch, 'supervised');
      const [port, collabPort] = [await freePort(), await freePort()];
      const child = spawn(process.execPath, [TSX, 'scripts/start.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: undefined,
          PORT: String(port),
          COLLAB_PORT: String(collabPort),
          COLLAB_START: undefined,
          ADMIN_PASSWORD: 'Start-test-root-1',
          NEXT_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      for (const stream of [child.stdout, child.stderr])
        stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const pidFile = path.join(dataDir, 'collab.pid');
      const collabPid = () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : 0);
      try {
        await until(
          'the site and co-editing to answer',
          async () => (await siteStatus(port)) === 200 && (await collabAnswers(collabPort)),
          12 * 60_000,
        );
        const first = collabPid();
        // (A pid of 0 would signal this whole process group.)
        expect(first).toBeGreaterThan(0);
        expect(running(first)).toBe(true);

        process.kill(first, 'SIGKILL');
        // Down (the first restart waits half a second), and meanwhile the site answers every request.
        const statuses: (number | null)[] = [];
        let sawDown = false;
        await until(
          'co-editing to be back by itself',
          async () => {
            statuses.push(await siteStatus(port));
            const answers = await collabAnswers(collabPort);
            if (!answers) sawDown = true;
            return sawDown && answers;
          },
          30_000,
        );
        expect(sawDown).toBe(true);
        expect(statuses.every((status) => status === 200)).toBe(true);
        const second = collabPid();
        expect(second).toBeGreaterThan(0);
        expect(second).not.toBe(first);
        expect(running(second)).toBe(true);
        expect(output).toMatch(/协同编辑服务已退出（信号 SIGKILL，运行了 [\d.]+ 秒），0.5 秒后重启/);
        expect(output).toContain(`协同编辑服务已重启（第 1 次，进程 ${second}）`);
        expect(child.exitCode).toBeNull();

        child.kill('SIGTERM');
        await exited;
        await until('the co-editing process to stop', () => !running(second), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(output).not.toContain('第 2 次');
        expect(await collabAnswers(collabPort)).toBe(false);
        expect(fs.existsSync(pidFile)).toBe(false);
      } finally {
        // Never leave a server behind, even when the test failed half-way.
        const pid = collabPid();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        if (pid > 0 && running(pid)) process.kill(pid, 'SIGKILL');
      }
    },
    15 * 60_000,
  );
});
