// Retention against SQLite: old sign-in attempts go, audit events stay unless a period is set.
import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { pruneOldRecords, pruneWhenDue } from './retention';

const db = openTestDatabase();
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
    await db.auditEvent.create({ data: { actorId: null, action: 'auth.sign-in-failed', createdAt: daysAgo(days) } });
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
    const events = await db.auditEvent.findMany({ orderBy: { createdAt: 'asc' } });
    expect(events).toHaveLength(4);
    expect(events.find((event) => event.action === 'audit.prune')?.details).toBe(
      JSON.stringify({ before: daysAgo(365).toISOString(), count: 1 }),
    );
  });

  it('prunes from the sign-in path at most once an hour', async () => {
    await fill();
    expect(await pruneWhenDue(db, {}, now)).toEqual({ loginAttempts: 2, auditEvents: 0 });
    await db.loginAttempt.create({
      data: { email: 'late@test.example', ip: '10.0.0.1', success: false, createdAt: daysAgo(200) },
    });
    expect(await pruneWhenDue(db, {}, new Date(now.getTime() + 30 * 60_000))).toBeNull();
    expect(await pruneWhenDue(db, {}, new Date(now.getTime() + 61 * 60_000))).toEqual({
      loginAttempts: 1,
      auditEvents: 0,
    });
  });
});
