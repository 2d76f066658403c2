// Reads the bench's query log (lib/query-log.ts) and explains the slowest statement of a page with
// SQLite's EXPLAIN QUERY PLAN, bound to the parameters it ran with.
import fs from 'node:fs';
import type Database from 'better-sqlite3';

import type { LoggedQuery } from '../../lib/query-log';

export type SlowestQuery = { sql: string; params: unknown[]; medianMs: number; runs: number };

/** Everything logged since the file was last emptied (the server appends one line per statement). */
export function readQueries(file: string): LoggedQuery[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedQuery);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The statement with the highest median time over the loads (same SQL text, any parameters). */
export function slowestQuery(queries: LoggedQuery[]): SlowestQuery | null {
  const bySql = new Map<string, LoggedQuery[]>();
  for (const query of queries) bySql.set(query.sql, [...(bySql.get(query.sql) ?? []), query]);
  let slowest: SlowestQuery | null = null;
  for (const [sql, runs] of bySql) {
    const medianMs = median(runs.map((run) => run.ms));
    if (!slowest || medianMs > slowest.medianMs)
      slowest = { sql, params: JSON.parse(runs.at(-1)!.params) as unknown[], medianMs, runs: runs.length };
  }
  return slowest;
}

function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

type PlanRow = { id: number; parent: number; detail: string };

/** The plan as an indented tree, one line per step. */
export function explain(sqlite: Database.Database, sql: string, params: unknown[]): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(bindable)) as PlanRow[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}
