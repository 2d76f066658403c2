// Several app instances (server/serve.ts, one Node process each) on one database and one media
// directory, with the shipped nginx front before them: `npm run start:cluster`, the two-instance
// end-to-end journey and the reliability benchmarks. The data directory must be prepared first
// (server/prepare.ts), once, so that the instances do not all migrate it at the same moment.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { superviseCollab } from './collab-process';
import { startFront, stopFront } from './front';
import { serveArgs } from './serve-command';
import type { Supervisor } from './supervise';
import { waitForPort } from './wait-for-port';

const ROOT = path.resolve(import.meta.dirname, '..');

export type Instance = { name: string; port: number; process: ChildProcess };

export type ClusterOptions = {
  /** The environment every instance shares: database, DATA_DIR, MEDIA_DIR, NEXTAUTH_SECRET, SITE_URL. */
  env: NodeJS.ProcessEnv;
  ports: readonly number[];
  /** No front when null. */
  frontPort: number | null;
  /**
   * The deployment's one co-editing process (server/collab.ts) on this port, every instance relaying
   * /collab to it, so people in one story meet whichever instance serves them; it runs under a
   * supervisor that restarts it (server/collab-process.ts). None when null or absent.
   */
  collabPort?: number | null;
  dataDir: string;
  mediaDir: string;
  /** Where the front keeps its working files. */
  frontDir: string;
  /** 'prefix': each instance's output line by line behind its name; 'ignore': none; { dir }: into dir/instance-<name>.log. */
  output: 'prefix' | 'ignore' | { dir: string };
};

export const instanceName = (index: number) => String.fromCharCode(65 + index);

/** Starts one instance; resolves once it answers its health check. */
export async function startInstance(
  options: Pick<ClusterOptions, 'env' | 'output'>,
  name: string,
  port: number,
): Promise<Instance> {
  const { output } = options;
  const sink =
    typeof output === 'object'
      ? fs.openSync(path.join(output.dir, `instance-${name}.log`), 'a')
      : output === 'prefix'
        ? 'pipe'
        : 'ignore';
  const child = spawn(process.execPath, serveArgs({ port, hostname: '127.0.0.1' }), {
    cwd: ROOT,
    env: { ...options.env, PORT: String(port), INSTANCE_NAME: name },
    stdio: ['ignore', sink, sink],
  });
  if (typeof sink === 'number') fs.closeSync(sink);
  if (options.output === 'prefix') {
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) console.log(`[实例 ${name}] ${line}`);
      });
    }
  }
  await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`, child);
  return { name, port, process: child };
}

export async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`实例已退出（${child.exitCode ?? child.signalCode}）`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`实例未在 ${timeoutMs / 1000} 秒内就绪：${url}`);
}

export type Cluster = {
  instances: Instance[];
  front: ChildProcess | null;
  collab: Supervisor | null;
  stop(): Promise<void>;
};

/** The co-editing process under its supervisor (restarted when it exits or is killed); resolves once it first listens. */
async function startCollab(options: ClusterOptions, port: number): Promise<Supervisor> {
  const { output } = options;
  // One log file for every run of it, kept open across restarts.
  const sink = typeof output === 'object' ? fs.openSync(path.join(output.dir, 'collab.log'), 'a') : null;
  let sinkClosed = false;
  const supervisor = superviseCollab({
    env: { ...options.env, COLLAB_PORT: String(port) },
    dataDir: options.dataDir,
    stdio: ['ignore', sink ?? (output === 'prefix' ? 'inherit' : 'ignore'), sink ?? 'inherit'],
  });
  const collab: Supervisor = {
    get child() {
      return supervisor.child;
    },
    get starts() {
      return supervisor.starts;
    },
    async stop(graceMs?: number) {
      await supervisor.stop(graceMs);
      if (sink !== null && !sinkClosed) fs.closeSync(sink);
      sinkClosed = true;
    },
  };
  try {
    await waitForPort(port, supervisor.child!);
  } catch (error) {
    await collab.stop();
    throw error;
  }
  return collab;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const instances: Instance[] = [];
  let front: ChildProcess | null = null;
  let collab: Supervisor | null = null;
  const stop = async () => {
    // The supervisor first, at once: Ctrl-C reaches the co-editing process too, and it must not be
    // started again while the front and the instances are being stopped.
    const collabStopped = collab?.stop();
    if (front) await stopFront(front);
    await Promise.all(instances.map((instance) => stopInstance(instance.process)));
    await collabStopped;
  };
  const collabPort = options.collabPort ?? null;
  const instanceOptions =
    collabPort === null ? options : { ...options, env: { ...options.env, COLLAB_PORT: String(collabPort) } };
  try {
    if (collabPort !== null) collab = await startCollab(options, collabPort);
    // One after the other: two cold starts at once on two cores only slow both down.
    for (const [index, port] of options.ports.entries())
      instances.push(await startInstance(instanceOptions, instanceName(index), port));
    if (options.frontPort !== null) {
      const [first, ...others] = options.ports;
      front = await startFront({
        workDir: options.frontDir,
        frontPort: options.frontPort,
        appPort: first!,
        otherAppPorts: others,
        dataDir: options.dataDir,
        mediaDir: options.mediaDir,
        stdio: 'ignore',
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { instances, front, collab, stop };
}

/** SIGTERM, then SIGKILL after five seconds; resolves once the process is gone. */
export async function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
