// The shipped nginx configuration parses with the nginx that runs it (skipped where nginx is absent).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findNginx, startFront, stopFront, writeFrontConfig } from './front';

const nginx = findNginx();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'front-config-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function nginxTest(prefix: string, conf: string) {
  return spawnSync(nginx!, ['-t', '-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', conf], {
    encoding: 'utf8',
  });
}

describe.skipIf(!nginx)('deploy/nginx', () => {
  it('the local front (npm run start:front) is a valid nginx configuration', () => {
    const dir = path.join(work, 'local');
    const conf = writeFrontConfig({ workDir: dir, frontPort: 8089, appPort: 3319, dataDir: path.join(work, 'data') });
    const text = fs.readFileSync(conf, 'utf8');
    expect(text).toContain('listen 127.0.0.1:8089;');
    expect(text).toContain('server 127.0.0.1:3319 max_fails=1 fail_timeout=5s;');
    expect(text).toContain(`set $kecheng_media_dir ${path.join(work, 'data', 'media')};`);
    const result = nginxTest(dir, conf);
    expect(result.stderr).toContain('syntax is ok');
    expect(result.status).toBe(0);
  });

  it('several instances (npm run start:cluster) share one upstream, and media come from MEDIA_DIR', () => {
    const dir = path.join(work, 'cluster');
    const conf = writeFrontConfig({
      workDir: dir,
      frontPort: 8089,
      appPort: 3319,
      otherAppPorts: [3320],
      dataDir: path.join(work, 'data'),
      mediaDir: path.join(work, 'shared-media'),
    });
    const upstream = /upstream kecheng_app \{([^}]*)\}/.exec(fs.readFileSync(conf, 'utf8'))?.[1] ?? '';
    expect(upstream.match(/server 127\.0\.0\.1:\d+/g)).toEqual(['server 127.0.0.1:3319', 'server 127.0.0.1:3320']);
    expect(fs.readFileSync(conf, 'utf8')).toContain(`set $kecheng_media_dir ${path.join(work, 'shared-media')};`);
    expect(nginxTest(dir, conf).status).toBe(0);
  });

  it('bench:public can hold the front to one worker on one CPU (worker_cpu_affinity)', () => {
    const dir = path.join(work, 'pinned');
    const conf = writeFrontConfig({
      workDir: dir,
      frontPort: 8089,
      appPort: 3319,
      dataDir: path.join(work, 'data'),
      pinnedWorkerCpu: 1,
    });
    const text = fs.readFileSync(conf, 'utf8');
    expect(text).toContain('worker_processes 1;\nworker_cpu_affinity 10;');
    expect(text).not.toContain('worker_processes auto;');
    expect(nginxTest(dir, conf).status).toBe(0);
  });

  it('the production site (kecheng.conf, TLS and HTTP→HTTPS) is valid once its placeholders are filled', () => {
    const dir = path.join(work, 'production');
    fs.mkdirSync(path.join(dir, 'kecheng'), { recursive: true });
    const deploy = path.resolve(import.meta.dirname, '..', 'deploy', 'nginx');
    for (const file of fs.readdirSync(deploy))
      fs.copyFileSync(path.join(deploy, file), path.join(dir, 'kecheng', file));
    const cert = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=news.example.cn',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ]);
    expect(cert.status).toBe(0);
    const site = fs
      .readFileSync(path.join(dir, 'kecheng', 'kecheng.conf'), 'utf8')
      .replace('/etc/ssl/kecheng/fullchain.pem', path.join(dir, 'cert.pem'))
      .replace('/etc/ssl/kecheng/privkey.pem', path.join(dir, 'key.pem'))
      .replace('/var/cache/nginx/kecheng', path.join(dir, 'cache'));
    expect(site).toContain('return 301 https://$host$request_uri;');
    fs.writeFileSync(path.join(dir, 'kecheng', 'kecheng.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((name) => `${name}_temp_path ${path.join(dir, name)};`)
      .join(' ');
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(
      conf,
      `pid ${path.join(dir, 'nginx.pid')}; events {} http { include /etc/nginx/mime.types; ${temp} include kecheng/kecheng.conf; }`,
    );
    const result = nginxTest(dir, conf);
    expect(result.stderr).toContain('syntax is ok');
  });

  it("a reader page is matched without a regular expression but the uncached routes' (issue 31: each costs every hit)", () => {
    const locations = fs.readFileSync(
      path.resolve(import.meta.dirname, '..', 'deploy', 'nginx', 'kecheng-locations.conf'),
      'utf8',
    );
    // Regular-expression locations at the server level, i.e. outside any other location's braces.
    let depth = 0;
    const topLevel: string[] = [];
    for (const line of locations.split('\n')) {
      const code = line.replace(/#.*$/, '');
      if (depth === 0 && /^\s*location\s+~/.test(code)) topLevel.push(code.trim());
      depth += (code.match(/\{/g) ?? []).length - (code.match(/\}/g) ?? []).length;
    }
    expect(topLevel).toEqual(['location ~ ^/(newsroom|login|invite|two-factor|api)(/|$) {']);
    expect(
      writeFrontConfig({ workDir: path.join(work, 'jit'), frontPort: 8089, appPort: 3319, dataDir: work }),
    ).toSatisfy((conf: string) => fs.readFileSync(conf, 'utf8').includes('pcre_jit on;'));
  });
});

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An app answering with `handler` and the local front before it, on `data`; `body` runs while both are
 * up, then both stop and `data` is removed.
 */
async function withFront(
  data: string,
  handler: http.RequestListener,
  body: (frontPort: number) => Promise<void>,
): Promise<void> {
  const app = http.createServer(handler);
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const appPort = (app.address() as AddressInfo).port;
  const frontPort = await freePort();
  try {
    const front = await startFront({
      workDir: path.join(data, 'front'),
      frontPort,
      appPort,
      dataDir: data,
      stdio: 'ignore',
    });
    try {
      await body(frontPort);
    } finally {
      await stopFront(front);
    }
  } finally {
    await new Promise((resolve) => app.close(resolve));
    fs.rmSync(data, { recursive: true, force: true });
  }
}

// Issue 31: started as root with DATA_DIR made by `mktemp -d` (0700), the front answered every page
// with 500 (its workers, as nobody, could not open the cache) and said nothing at start-up.
describe.skipIf(!nginx || process.getuid?.() !== 0)('npm run start:front as root', () => {
  // The workers' account follows these (server/front-access.ts): each test says which it means.
  const saved = { SUDO_USER: process.env.SUDO_USER, NGINX_WORKER_USER: process.env.NGINX_WORKER_USER };
  beforeEach(() => {
    delete process.env.SUDO_USER;
    delete process.env.NGINX_WORKER_USER;
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it('refuses a 0700 data directory in one line that says what to change, and caches once it is fixed', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'front-root-'));
    let renders = 0;
    const app = http.createServer((_request, response) => {
      renders++;
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'public, max-age=0, s-maxage=1',
        'X-Accel-Expires': '30',
      });
      response.end(`<p>render ${renders}</p>`);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appPort = (app.address() as AddressInfo).port;
    const frontPort = await freePort();
    const options = { workDir: path.join(data, 'front'), frontPort, appPort, dataDir: data, stdio: 'ignore' as const };
    try {
      expect(fs.statSync(data).mode & 0o777).toBe(0o700);
      const refused = await startFront(options).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      expect(refused).toBe(
        `nginx 的工作进程以 nobody 身份运行，进不去 ${data}（权限 0700），缓存和临时目录 ${path.join(data, 'front')} 用不了，` +
          `每个网页都会出错（500）：请执行 chmod o+x ${data}，或把 DATA_DIR 换到 nobody 能进入的目录。`,
      );
      await expect(fetch(`http://127.0.0.1:${frontPort}/`)).rejects.toThrow();

      fs.chmodSync(data, 0o711); // what the line says to do
      const front = await startFront(options);
      try {
        const first = await fetch(`http://127.0.0.1:${frontPort}/articles/a`);
        const second = await fetch(`http://127.0.0.1:${frontPort}/articles/a`);
        expect([first.status, second.status]).toEqual([200, 200]);
        expect(second.headers.get('x-cache-status')).toBe('HIT');
        expect(await second.text()).toBe(await first.text());
        expect(fs.readFileSync(path.join(data, 'front', 'nginx.conf'), 'utf8')).toMatch(/^user nobody \S+;$/m);
      } finally {
        await stopFront(front);
      }
    } finally {
      await new Promise((resolve) => app.close(resolve));
      fs.rmSync(data, { recursive: true, force: true });
    }
  });

  it('a refreshed copy reaches readers at once, though hits keep their cache file open (open_file_cache)', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'front-refresh-'));
    fs.chmodSync(data, 0o711);
    let renders = 0;
    await withFront(
      data,
      (request, response) => {
        if (request.url === '/articles/a') renders++; // not startFront's own /robots.txt
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Accel-Expires': '2' });
        response.end(`<p>render ${renders}</p>`);
      },
      async (frontPort) => {
        const page = async () => {
          const answer = await fetch(`http://127.0.0.1:${frontPort}/articles/a`);
          return `${answer.headers.get('x-cache-status')} ${await answer.text()}`;
        };
        expect([await page(), await page()]).toEqual(['MISS <p>render 1</p>', 'HIT <p>render 1</p>']);
        // Kept for 2 s (nginx counts whole seconds: at least one, so the first two are a miss and a hit).
        await new Promise((resolve) => setTimeout(resolve, 3_100));
        // The entry's file was replaced by the second render's: the descriptor kept for the first
        // must not answer the hits that follow.
        expect([await page(), await page()]).toEqual(['EXPIRED <p>render 2</p>', 'HIT <p>render 2</p>']);
      },
    );
  });

  it('run through sudo, the workers are the account that ran it: its own 0700 data directory needs no chmod', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'front-sudo-'));
    fs.chownSync(data, 1, 1); // Debian's `daemon` account stands for the person who ran sudo
    process.env.SUDO_USER = 'daemon';
    await withFront(
      data,
      (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Accel-Expires': '30' });
        response.end('<p>柯城</p>');
      },
      async (frontPort) => {
        await fetch(`http://127.0.0.1:${frontPort}/articles/a`);
        const second = await fetch(`http://127.0.0.1:${frontPort}/articles/a`);
        expect(second.status).toBe(200);
        expect(second.headers.get('x-cache-status')).toBe('HIT');
        expect(fs.readFileSync(path.join(data, 'front', 'nginx.conf'), 'utf8')).toMatch(/^user daemon daemon;$/m);
      },
    );
  });
});
