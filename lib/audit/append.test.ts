// Appending under load, and chaining the events from before the chain. Runs on SQLite and on
// PostgreSQL (vitest.config.ts): the appends must take turns on both (lib/audit/chain.ts lockChain).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { recordAudit } from './record';
import { sealUnchainedEvents } from './seal';
import { verifyAuditChain } from './verify';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const execFileAsync = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const WORKER = path.resolve('test/support/append-audit-worker.ts');

describe('appending to the audit chain', () => {
  it('keeps one unbroken chain when many writers of one process append at once, in and out of transactions', async () => {
    await db.auditEvent.deleteMany();
    const writes = Array.from({ length: 60 }, (_, n) => {
      const input = { actorId: null, action: 'test.parallel', details: { n } };
      // A caller's own transaction waits for the chain like recordAudit's (60 at once on PostgreSQL's
      // pool of 10 queue past Prisma's default 2 s wait for a connection).
      return n % 3
        ? recordAudit(db, input)
        : db.$transaction((tx) => recordAudit(tx, input), { maxWait: 20_000, timeout: 20_000 });
    });
    const appended = await Promise.all(writes);
    expect(new Set(appended.map((event) => event.seq)).size).toBe(60);
    expect(await verifyAuditChain(db)).toMatchObject({ events: 60, firstSeq: 1, lastSeq: 60, problem: null });
  });

  it('keeps one unbroken chain when three processes append at once', async () => {
    await db.auditEvent.deleteMany();
    const run = (label: string) =>
      execFileAsync(process.execPath, [TSX, WORKER, '40', label], { env: process.env, timeout: 50_000 }).then(
        ({ stdout }) => JSON.parse(stdout) as number[],
      );
    const seqs = (await Promise.all(['a', 'b', 'c'].map(run))).flat();
    expect(new Set(seqs).size).toBe(120);
    expect(await verifyAuditChain(db)).toMatchObject({ events: 120, firstSeq: 1, lastSeq: 120, problem: null });
  }, 60_000);

  it('rolls the event back with the change it records', async () => {
    await db.auditEvent.deleteMany();
    await recordAudit(db, { actorId: null, action: 'test.kept' });
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: 'test.rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await recordAudit(db, { actorId: null, action: 'test.next' });
    expect(
      (await db.auditEvent.findMany({ orderBy: { seq: 'asc' } })).map((event) => [event.seq, event.action]),
    ).toEqual([
      [1, 'test.kept'],
      [2, 'test.next'],
    ]);
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('chains the events the migration left unchained, once, in seq order', async () => {
    await db.auditEvent.deleteMany();
    // As the audit_chain migration leaves them: numbered, hashes empty.
    for (let seq = 1; seq <= 5; seq++) {
      await db.auditEvent.create({
        data: { seq, prevHash: '', hash: '', action: 'test.legacy', createdAt: new Date(Date.UTC(2026, 0, seq)) },
      });
    }
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 1, kind: 'edited' });
    expect(await sealUnchainedEvents(db)).toBe(5);
    expect(await sealUnchainedEvents(db)).toBe(0);
    await recordAudit(db, { actorId: null, action: 'test.after' });
    expect(await verifyAuditChain(db)).toMatchObject({ events: 6, problem: null });
  });

  it('chains them from the first append when nothing sealed them first', async () => {
    await db.auditEvent.deleteMany();
    await db.auditEvent.create({ data: { seq: 1, prevHash: '', hash: '', action: 'test.legacy' } });
    await recordAudit(db, { actorId: null, action: 'test.after' });
    expect(await verifyAuditChain(db)).toMatchObject({ events: 2, problem: null });
  });

  it('does not re-chain an event whose hash was emptied after the chain began', async () => {
    await db.auditEvent.deleteMany();
    for (let n = 0; n < 3; n++) await recordAudit(db, { actorId: null, action: 'test.chained' });
    await db.auditEvent.update({ where: { seq: 3 }, data: { hash: '' } });
    expect(await sealUnchainedEvents(db)).toBe(0);
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 3, kind: 'edited' });
  });
});
