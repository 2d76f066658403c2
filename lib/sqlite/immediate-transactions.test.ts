// Two processes on one SQLite file, each running read-then-write transactions, as two app instances
// saving stories do. With Prisma's plain BEGIN some fail with SQLITE_BUSY and updates are lost; with
// BEGIN IMMEDIATE (createSqliteClient) every one waits its turn and the count comes out exact.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';

const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const file = path.join(process.env.DATA_DIR!, 'newsroom.db');
const ROUNDS = 40;

function worker(plain: boolean): Promise<{ ok: number; failed: number }> {
  const lib = path.join(import.meta.dirname, '..');
  const script = `
import { PrismaClient } from ${JSON.stringify(path.join(lib, 'generated', 'prisma', 'client.ts'))};
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { createSqliteClient } from ${JSON.stringify(path.join(lib, 'db-client.ts'))};
const file = ${JSON.stringify(file)};
const db = ${plain} ? new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: 'file:' + file, timeout: 10000 }) }) : createSqliteClient(file);
let ok = 0, failed = 0;
const run = async () => {
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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, '--eval', script], { cwd: path.join(lib, '..') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { ok: number; failed: number }) : reject(new Error(err))));
  });
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
  sqlite.exec('DROP TABLE IF EXISTS two_process_counter; CREATE TABLE two_process_counter (n INTEGER NOT NULL); INSERT INTO two_process_counter VALUES (0);');
  sqlite.close();
});

describe('transactions from two processes on one SQLite file', () => {
  it('with BEGIN IMMEDIATE, none fails and no update is lost', async () => {
    const results = await Promise.all([worker(false), worker(false)]);
    expect(results).toEqual([{ ok: ROUNDS, failed: 0 }, { ok: ROUNDS, failed: 0 }]);
    expect(counter()).toBe(2 * ROUNDS);
  }, 60_000);

  it('with the adapter’s plain BEGIN, some fail (what the instances hit before)', async () => {
    const results = await Promise.all([worker(true), worker(true)]);
    expect(results[0]!.failed + results[1]!.failed).toBeGreaterThan(0);
  }, 60_000);
});
