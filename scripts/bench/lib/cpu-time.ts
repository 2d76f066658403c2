// CPU time of a process from /proc (Linux), for the benchmarks that pin a server to one CPU: how busy
// that CPU was during a run (is the server the limit, not the load generator?) and what one request cost.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_S = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

/** User + system CPU time of `pid` so far, in milliseconds (its threads included, its children not). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

/** The direct children of `pid` (nginx's workers, for its master). */
export function childPids(pid: number): number[] {
  const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

/** Pins every thread of `pid` to `cpus` (taskset's list). */
export function pinProcess(pid: number, cpus: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taskset ${pid} failed: ${result.stderr.trim()}`);
}
