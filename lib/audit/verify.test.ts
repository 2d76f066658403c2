// The hash chain against every way of tampering with the table: each must be found, at the right
// place, and named for what it is. Runs on SQLite and on PostgreSQL (vitest.config.ts).
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { auditHash } from './chain';
import { recordAudit } from './record';
import { verifyAuditChain, type DigestEntry } from './verify';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

async function fillChain(count = 10) {
  await db.auditEvent.deleteMany();
  for (let n = 1; n <= count; n++) {
    await recordAudit(db, {
      actorId: null,
      action: 'article.save',
      subjectId: `a${n}`,
      details: { n },
      ip: '10.0.0.1',
    });
  }
}

const row = (seq: number) => db.auditEvent.findUniqueOrThrow({ where: { seq } });

/** Moves events seq ≥ from by `by`, highest first so the unique index on seq never clashes. */
async function renumberFrom(from: number, by: number) {
  const rows = await db.auditEvent.findMany({
    where: { seq: { gte: from } },
    orderBy: { seq: by > 0 ? 'desc' : 'asc' },
  });
  for (const event of rows) await db.auditEvent.update({ where: { id: event.id }, data: { seq: event.seq + by } });
}

beforeEach(() => fillChain());

describe('the audit chain', () => {
  it('verifies an untouched log, with its counts', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ events: 10, firstSeq: 1, lastSeq: 10, problem: null });
    const first = await row(1);
    expect(first.prevHash).toBe('');
    expect(first.hash).toBe(auditHash(first));
    expect((await row(2)).prevHash).toBe(first.hash);
  });

  it('finds an edited event', async () => {
    await db.auditEvent.update({ where: { seq: 4 }, data: { details: JSON.stringify({ n: 40 }) } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 4, kind: 'edited' });
  });

  it('finds an event whose address was changed', async () => {
    await db.auditEvent.update({ where: { seq: 7 }, data: { ip: '10.0.0.9' } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 7, kind: 'edited' });
  });

  it('finds an emptied hash', async () => {
    await db.auditEvent.update({ where: { seq: 3 }, data: { hash: '' } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 3, kind: 'edited' });
  });

  it('finds a deleted event, and one deleted with the rest renumbered', async () => {
    await db.auditEvent.delete({ where: { seq: 5 } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 5, kind: 'deleted' });
    await renumberFrom(6, -1);
    const problem = (await verifyAuditChain(db)).problem;
    expect(problem).toMatchObject({ seq: 5, kind: 'deleted' });
    expect(problem?.message).toContain('原为第 6 条');
  });

  it('finds the oldest events deleted without a prune', async () => {
    await db.auditEvent.deleteMany({ where: { seq: { lte: 2 } } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 1, kind: 'deleted' });
  });

  it('finds an event inserted in between, even with a correct hash and the rest renumbered', async () => {
    await renumberFrom(6, 1);
    const before = await row(5);
    const forged = {
      seq: 6,
      prevHash: before.hash,
      createdAt: new Date(before.createdAt.getTime() + 1),
      actorId: null,
      action: 'article.publish',
      subjectType: null,
      subjectId: 'forged',
      details: '{}',
      ip: null,
    };
    await db.auditEvent.create({ data: { ...forged, hash: auditHash(forged) } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 6, kind: 'inserted' });
  });

  it('finds two events swapped', async () => {
    await db.auditEvent.update({ where: { seq: 5 }, data: { seq: -5 } });
    await db.auditEvent.update({ where: { seq: 6 }, data: { seq: 5 } });
    await db.auditEvent.update({ where: { seq: -5 }, data: { seq: 6 } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 5, kind: 'reordered' });
  });

  it('finds the newest events deleted, against a daily digest', async () => {
    const digest: DigestEntry = { day: '2026-12-01', seq: 10, hash: (await row(10)).hash, source: 'copy' };
    await db.auditEvent.deleteMany({ where: { seq: { gte: 9 } } });
    expect((await verifyAuditChain(db)).problem).toBeNull();
    expect((await verifyAuditChain(db, [digest])).problem).toMatchObject({ seq: 9, kind: 'deleted' });
  });

  it('finds a log rewritten and re-hashed from an edited event on, against a daily digest', async () => {
    const digest: DigestEntry = { day: '2026-12-01', seq: 8, hash: (await row(8)).hash, source: 'copy' };
    // Rewrite from seq 3: change it, then recompute every hash after it, as someone with the code would.
    let prevHash = (await row(2)).hash;
    for (let seq = 3; seq <= 10; seq++) {
      const event = await row(seq);
      const changed = { ...event, prevHash, details: seq === 3 ? JSON.stringify({ n: 300 }) : event.details };
      prevHash = auditHash(changed);
      await db.auditEvent.update({
        where: { seq },
        data: { details: changed.details, prevHash: changed.prevHash, hash: prevHash },
      });
    }
    expect((await verifyAuditChain(db)).problem).toBeNull();
    expect((await verifyAuditChain(db, [digest])).problem).toMatchObject({ seq: 8, kind: 'rewritten' });
  });
});
