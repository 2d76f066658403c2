// The shipped nginx configuration parses with the nginx that runs it (skipped where nginx is absent).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { findNginx, writeFrontConfig } from './front';

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
});
