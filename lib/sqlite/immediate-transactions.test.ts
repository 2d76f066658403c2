// Two processes on one SQLite file, each running read-then-write transactions, as two app instances
// saving stories do. With Prisma's plain BEGIN some fail with SQLITE_BUSY and updates are lost; with
// BEGIN IMMEDIATE (createSqliteClient) every one waits its turn and the count comes out exact.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';

const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const file = path.join(process.env.DATA_DIR!, 'newsroom.db');
const ROUNDS = 40;
// Both workers start their rounds only when both are ready (tsx takes a while to start a process, and
// one could otherwise finish before the other began: nothing would overlap).
const go = path.join(process.env.DATA_DIR!, 'two-process-go');

type Outcome = { ok: number; failed: number };

function worker(plain: boolean): { ready: Promise<void>; done: Promise<Outcome> } {
  const lib = path.join(import.meta.dirname, '..');
  const script = `
import { PrismaClient } from ${JSON.stringify(path.join(lib, 'generated', 'prisma', 'client.ts'))};
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { createSqliteClient } from ${JSON.stringify(path.join(lib, 'db-client.ts'))};
const file = ${JSON.stringify(file)};
const db = ${plain} ? new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: 'file:' + file, timeout: 10000 }) }) : createSqliteClient(file);
let ok = 0, failed = 0;
const run = async () => {
  await db.$queryRawUnsafe('SELECT 1');
  process.stdout.write('ready\\n');
  while (!(await import('node:fs')).existsSync(${JSON.stringify(go)})) await new Promise((resolve) => setTimeout(resolve, 5));
  for (let i = 0; i < ${ROUNDS}; i += 1) {
    try {
      await db.$transaction(async (tx) => {
        const [row] = await tx.$queryRawUnsafe('SELECT n FROM two_process_counter');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.$executeRawUnsafe('UPDATE two_process_counter SET n = ?', Number(row.n) + 1);
      });
      ok += 1;
    } catch {
      failed += 1;
    }
  }
  await db.$disconnect();
  process.stdout.write(JSON.stringify({ ok, failed }));
};
void run();`;
  const child = spawn(process.execPath, [TSX, '--eval', script], { cwd: path.join(lib, '..') });
  let out = '';
  let err = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.slice(out.indexOf('ready\n') + 6)) as Outcome) : reject(new Error(err)),
    );
  });
  // A worker that dies before it is ready must not leave the test waiting for it.
  void done.catch(() => markReady());
  return { ready, done };
}

/** Starts both workers, lets them go at the same moment, and gives what each counted. */
async function together(plain: boolean): Promise<Outcome[]> {
  fs.rmSync(go, { force: true });
  const workers = [worker(plain), worker(plain)];
  await Promise.all(workers.map((w) => w.ready));
  fs.writeFileSync(go, '');
  return Promise.all(workers.map((w) => w.done));
}

function counter(): number {
  const sqlite = new Database(file);
  try {
    return (sqlite.prepare('SELECT n FROM two_process_counter').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

beforeEach(() => {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec(
    'DROP TABLE IF EXISTS two_process_counter; CREATE TABLE two_process_counter (n INTEGER NOT NULL); INSERT INTO two_process_counter VALUES (0);',
  );
  sqlite.close();
});

describe('transactions from two processes on one SQLite file', () => {
  it('with BEGIN IMMEDIATE, none fails and no update is lost', async () => {
    const results = await together(false);
    expect(results).toEqual([
      { ok: ROUNDS, failed: 0 },
      { ok: ROUNDS, failed: 0 },
    ]);
    expect(counter()).toBe(2 * ROUNDS);
  }, 60_000);

  it('with the adapter’s plain BEGIN, some fail (what the instances hit before)', async () => {
    const results = await together(true);
    expect(results[0]!.failed + results[1]!.failed).toBeGreaterThan(0);
  }, 60_000);
});
