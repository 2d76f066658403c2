// Retention against SQLite: old sign-in attempts go, audit events stay unless a period is set.
import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { recordAudit } from './record';
import { pruneOldRecords, pruneWhenDue } from './retention';
import { verifyAuditChain } from './verify';

const db = openTestDatabase();
const env = { DATA_DIR: process.env.DATA_DIR };
afterAll(() => db.$disconnect());

const now = new Date('2026-11-26T08:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60_000);

async function fill() {
  await db.loginAttempt.deleteMany();
  await db.auditEvent.deleteMany();
  for (const days of [400, 181, 179, 0]) {
    await db.loginAttempt.create({
      data: { email: `a${days}@test.example`, ip: '10.0.0.1', success: false, createdAt: daysAgo(days) },
    });
    await recordAudit(db, { actorId: null, action: 'auth.sign-in-failed', at: daysAgo(days) });
  }
}

describe('retention', () => {
  it('prunes sign-in attempts older than the setting and keeps every audit event by default', async () => {
    await fill();
    expect(await pruneOldRecords(db, { auditEventDays: null, loginAttemptDays: 180 }, now)).toEqual({
      loginAttempts: 2,
      auditEvents: 0,
    });
    expect((await db.loginAttempt.findMany({ orderBy: { createdAt: 'asc' } })).map((row) => row.email)).toEqual([
      'a179@test.example',
      'a0@test.example',
    ]);
    expect(await db.auditEvent.count()).toBe(4);
  });

  it('prunes audit events older than a set period and records that it did', async () => {
    await fill();
    expect(await pruneOldRecords(db, { auditEventDays: 365, loginAttemptDays: 180 }, now)).toEqual({
      loginAttempts: 2,
      auditEvents: 1,
    });
    const events = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(events.map((event) => event.seq)).toEqual([2, 3, 4, 5]);
    const pruned = await db.auditEvent.findFirstOrThrow({ where: { seq: 5 } });
    expect(pruned.action).toBe('audit.prune');
    // The anchor: the last removed event, which the oldest kept one links to; the chain still verifies.
    expect(JSON.parse(pruned.details)).toEqual({
      before: daysAgo(365).toISOString(),
      count: 1,
      throughSeq: 1,
      throughHash: events[0]!.prevHash,
    });
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('prunes every event when all are old, and the chain goes on from the anchor', async () => {
    await fill();
    expect((await pruneOldRecords(db, { auditEventDays: 1, loginAttemptDays: 180 }, now)).auditEvents).toBe(3);
    expect(
      (
        await pruneOldRecords(
          db,
          { auditEventDays: 1, loginAttemptDays: 180 },
          new Date(now.getTime() + 3 * 86_400_000),
        )
      ).auditEvents,
    ).toBe(2);
    const events = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(events.map((event) => [event.seq, event.action])).toEqual([[6, 'audit.prune']]);
    const report = await verifyAuditChain(db);
    expect(report.problem).toBeNull();
    expect(report.anchor?.seq).toBe(5);
  });

  it('shows a removal beyond the anchor as a break', async () => {
    await fill();
    await pruneOldRecords(db, { auditEventDays: 365, loginAttemptDays: 180 }, now);
    await db.auditEvent.delete({ where: { seq: 2 } });
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 2, kind: 'deleted' });
  });

  it('prunes from the sign-in path at most once an hour', async () => {
    await fill();
    expect(await pruneWhenDue(db, env, now)).toEqual({ loginAttempts: 2, auditEvents: 0 });
    await db.loginAttempt.create({
      data: { email: 'late@test.example', ip: '10.0.0.1', success: false, createdAt: daysAgo(200) },
    });
    expect(await pruneWhenDue(db, env, new Date(now.getTime() + 30 * 60_000))).toBeNull();
    expect(await pruneWhenDue(db, env, new Date(now.getTime() + 61 * 60_000))).toEqual({
      loginAttempts: 1,
      auditEvents: 0,
    });
  });
});
