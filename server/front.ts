// The shipped nginx front (deploy/nginx/), run locally with Debian's nginx: writes a small nginx.conf
// into a working directory that includes the same files production uses, and starts nginx in the
// foreground on it. Used by `npm run start:front`, the end-to-end tests and `npm run bench:public`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { frontAccessProblem, workerIdentity, type WorkerIdentity } from './front-access';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPLOY_DIR = path.join(ROOT, 'deploy', 'nginx');
const SHARED_FILES = ['kecheng-http.conf', 'kecheng-locations.conf', 'kecheng-proxy.conf'];

export const NGINX_MISSING = '找不到 nginx：请先安装（Debian/Ubuntu：sudo apt-get install nginx）。';

/** The nginx binary, or null when it is not installed. */
export function findNginx(): string | null {
  const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].filter(
    (c): c is string => Boolean(c),
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export type FrontOptions = {
  workDir: string;
  frontPort: number;
  appPort: number;
  /** Further app instances behind the same front (`npm run start:cluster`). */
  otherAppPorts?: readonly number[];
  dataDir: string;
  /** Uploaded images (MEDIA_DIR); DATA_DIR/media when not given. */
  mediaDir?: string;
  appDir?: string;
  /** Who the workers run as when nginx is started as root (server/front-access.ts); null: the invoking user. */
  worker?: WorkerIdentity | null;
  /** One worker, on this CPU only (bench:public compares it with a static nginx held to the same CPU). */
  pinnedWorkerCpu?: number;
};

/** nginx's worker lines: as many workers as CPUs, or one pinned to a CPU (worker_cpu_affinity's bit mask). */
export function workerLines(pinnedCpu?: number): string {
  if (pinnedCpu === undefined) return 'worker_processes auto;';
  return `worker_processes 1;\nworker_cpu_affinity 1${'0'.repeat(pinnedCpu)};`;
}

/** Writes `<workDir>/nginx.conf` (plus the shared files in `<workDir>/kecheng/`) and returns its path. */
export function writeFrontConfig(options: FrontOptions): string {
  const { workDir } = options;
  fs.rmSync(workDir, { recursive: true, force: true });
  for (const dir of ['kecheng', 'cache', 'temp', 'logs']) fs.mkdirSync(path.join(workDir, dir), { recursive: true });
  // Workers started as root run as another user: they pass through these (nginx hands the cache and
  // temp directories inside to them), whatever the umask made of them.
  for (const dir of ['.', 'cache', 'temp']) fs.chmodSync(path.join(workDir, dir), 0o755);
  for (const file of SHARED_FILES) fs.copyFileSync(path.join(DEPLOY_DIR, file), path.join(workDir, 'kecheng', file));
  const temp = (name: string) => path.join(workDir, 'temp', name);
  const conf = `# Written by server/front.ts for a local run; production uses deploy/nginx/kecheng.conf.
daemon off;
${options.worker ? `user ${options.worker.user} ${options.worker.group};\n` : ''}${workerLines(options.pinnedWorkerCpu)}
# The maps of kecheng-http.conf run a regular expression or two on every request (README, "Deployment").
pcre_jit on;
pid ${path.join(workDir, 'nginx.pid')};
error_log ${path.join(workDir, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server_tokens off;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    proxy_cache_path ${path.join(workDir, 'cache')} levels=1:2 keys_zone=kecheng:16m max_size=512m inactive=10m use_temp_path=off;
    upstream kecheng_app {
${[options.appPort, ...(options.otherAppPorts ?? [])].map((port) => `        server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
        keepalive 64;
    }
    include kecheng/kecheng-http.conf;
    server {
        listen 127.0.0.1:${options.frontPort};
        server_name localhost;
        set $kecheng_app_dir ${options.appDir ?? ROOT};
        set $kecheng_media_dir ${path.resolve(options.mediaDir ?? path.join(options.dataDir, 'media'))};
        include kecheng/kecheng-locations.conf;
    }
}
`;
  const file = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(file, conf);
  return file;
}

/**
 * Throws the one line that says what to change when nginx's workers (started as root: another user)
 * could not reach the front's cache and temp, media or build directories.
 */
export function checkFrontAccess(options: FrontOptions): void {
  const worker = options.worker === undefined ? workerIdentity() : options.worker;
  if (!worker) return;
  const problem = frontAccessProblem(
    {
      workDir: options.workDir,
      mediaDir: path.resolve(options.mediaDir ?? path.join(options.dataDir, 'media')),
      staticDir: path.join(options.appDir ?? ROOT, '.next', 'static'),
    },
    worker,
  );
  if (problem) throw new Error(problem);
}

/** Starts nginx on the written config; resolves once it answers on the front port. */
export async function startFront(options: FrontOptions & { stdio?: 'inherit' | 'ignore' }): Promise<ChildProcess> {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_MISSING);
  const worker = options.worker === undefined ? workerIdentity() : options.worker;
  const conf = writeFrontConfig({ ...options, worker });
  checkFrontAccess({ ...options, worker });
  const errorLog = path.join(options.workDir, 'logs', 'error.log');
  const test = spawnSync(nginx, ['-t', '-q', '-p', options.workDir, '-e', errorLog, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx 配置有误：${test.stderr.trim()}`);
  const child = spawn(nginx, ['-p', options.workDir, '-e', errorLog, '-c', conf], {
    stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'],
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}; see ${errorLog}`);
    try {
      await fetch(`http://127.0.0.1:${options.frontPort}/robots.txt`);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`nginx did not answer on port ${options.frontPort} within 15 s; see ${errorLog}`);
}

/** Stops nginx (SIGQUIT lets workers finish their requests) and waits for it. */
export async function stopFront(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGQUIT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
