// How every benchmark runs the app: a production `next start` of a source tree on a prepared data
// directory, built first when the build is missing or older than the code it should hold (a stale
// build would time yesterday's code).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What server/prepare.ts returns that the server needs; `databaseUrl` is SQLite's `file:` or a PostgreSQL URL. */
export type PreparedData = { dataDir: string; databaseUrl: string; authSecret: string };

export type AppServer = { child: ChildProcess; url: string; stop: () => void };

const nextBin = (root: string) => path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** The environment `next start` needs for `data`, answering on `port` and naming itself `siteUrl`. */
export function appServerEnv(
  base: NodeJS.ProcessEnv,
  data: PreparedData,
  port: number,
  siteUrl = `http://127.0.0.1:${port}`,
): NodeJS.ProcessEnv {
  return {
    ...base,
    DATA_DIR: data.dataDir,
    DATABASE_URL: data.databaseUrl,
    NEXTAUTH_SECRET: data.authSecret,
    NEXTAUTH_URL: siteUrl,
    SITE_URL: siteUrl,
    PORT: String(port),
    NODE_ENV: 'production',
  };
}

function newestSource(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  // The generated Prisma client is rewritten by every install; it follows the schema, not the code.
  for (const child of fs.readdirSync(entry))
    if (child !== 'generated') newest = Math.max(newest, newestSource(path.join(entry, child)));
  return newest;
}

/** Builds `root` unless its build is newer than app/, components/, lib/ and proxy.ts. */
export function buildIfStale(root: string, env: NodeJS.ProcessEnv): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    ...['app', 'components', 'lib', 'proxy.ts'].map((entry) => newestSource(path.join(root, entry))),
  );
  if (built > sources) return;
  console.log(`next build in ${root} (the build is missing or older than the code) …`);
  const build = spawnSync(process.execPath, [nextBin(root), 'build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`next build failed in ${root}`);
}

/** `next start` of `root` on 127.0.0.1:`port`; the caller waits for health and calls stop(). */
export function startNextServer(root: string, port: number, env: NodeJS.ProcessEnv): AppServer {
  const child = spawn(process.execPath, [nextBin(root), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });
  return { child, url: `http://127.0.0.1:${port}`, stop: () => void child.kill('SIGTERM') };
}

/**
 * The app as `npm start` serves it: `root`'s own web server (server/serve.ts, in front of Next: the
 * client address, the micro-cache) on 127.0.0.1:`port`; `next start` for trees from before it existed.
 */
export function startServeServer(root: string, port: number, env: NodeJS.ProcessEnv): AppServer {
  const serve = path.join(root, 'server', 'serve.ts');
  if (!fs.existsSync(serve)) return startNextServer(root, port, env);
  const loader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(
    process.execPath,
    ['--import', loader, serve, '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: root, env, stdio: 'ignore' },
  );
  return { child, url: `http://127.0.0.1:${port}`, stop: () => void child.kill('SIGTERM') };
}
