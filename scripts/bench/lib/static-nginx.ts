// A plain nginx serving files from a directory: the static baseline reader pages are measured against.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { findNginx, workerLines } from '../../../server/front';
import { waitForHealth } from './wait-for-health';

/** nginx serving files from `dir` on `port`, with the front's worker settings (or one worker on `pinnedCpu`), for the static baseline. */
export async function startStatic(
  dir: string,
  workDir: string,
  port: number,
  pinnedCpu?: number,
  healthFile = 'front.html',
): Promise<ChildProcess> {
  const nginx = findNginx()!;
  fs.mkdirSync(path.join(workDir, 'temp'), { recursive: true });
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
${workerLines(pinnedCpu)}
pid ${path.join(workDir, 'nginx.pid')};
error_log ${path.join(workDir, 'error.log')} warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${path.join(workDir, 'temp')};
    proxy_temp_path ${path.join(workDir, 'temp')};
    fastcgi_temp_path ${path.join(workDir, 'temp')};
    uwsgi_temp_path ${path.join(workDir, 'temp')};
    scgi_temp_path ${path.join(workDir, 'temp')};
    server {
        listen 127.0.0.1:${port};
        root ${dir};
        default_type "text/html; charset=utf-8";
    }
}
`,
  );
  const child = spawn(nginx, ['-p', workDir, '-e', path.join(workDir, 'error.log'), '-c', conf], { stdio: 'ignore' });
  await waitForHealth(`http://127.0.0.1:${port}/${healthFile}`);
  return child;
}
