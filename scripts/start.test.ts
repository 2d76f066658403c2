// Start-up refuses bad settings with one clear line and creates nothing (issue: foundation, bad input).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
    expect(lines).toEqual(['无法启动：DATABASE_POOL_SIZE "0" 不是有效的连接数：请设为 1 到 200 之间的整数（每个实例与 PostgreSQL 的连接数）']);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
