// bench:soak's side of scripts/bench/lib/memory-probe.mjs: the environment that loads the probe into an
// instance, and asking an instance for its memory after a full garbage collection.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type MemoryAfterGc = { rssMb: number; heapUsedMb: number; externalMb: number };

export function probeEnv(dir: string, base: NodeJS.ProcessEnv): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  const probe = pathToFileURL(path.join(import.meta.dirname, 'memory-probe.mjs')).href;
  return { MEMORY_PROBE_DIR: dir, NODE_OPTIONS: [base.NODE_OPTIONS, `--import ${probe}`].filter(Boolean).join(' ') };
}

/** Signals the instance and waits (up to 10 s) for its figures; null when it does not answer. */
export async function memoryAfterGc(dir: string, pid: number | undefined): Promise<MemoryAfterGc | null> {
  if (!pid) return null;
  const file = path.join(dir, `${pid}.json`);
  fs.rmSync(file, { force: true });
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return null;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      const usage = JSON.parse(fs.readFileSync(file, 'utf8')) as NodeJS.MemoryUsage & {
        threads?: Record<string, number>;
      };
      const mb = (bytes: number) => bytes / 1024 / 1024;
      // The instance's heap: its main thread's and its worker threads' (the edge's micro-cache is there).
      const threads = Object.values(usage.threads ?? {}).reduce((sum, bytes) => sum + bytes, 0);
      return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed + threads), externalMb: mb(usage.external) };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
