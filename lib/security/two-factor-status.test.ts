import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { readSessionPolicy, readTwoFactorRoles } from '../auth/security-policy';
import { updateSessionIdle, updateTwoFactorRoles } from './service';
import { twoFactorStatus } from './two-factor-status';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const ctx = { ip: '127.0.0.1' };

describe('roles that must use two-factor sign-in', () => {
  it('are admins and chief editors by default', async () => {
    expect(await readTwoFactorRoles(db)).toEqual(['ADMIN', 'CHIEF_EDITOR']);
    const chief = await makeUser(db, 'CHIEF_EDITOR');
    const reporter = await makeUser(db, 'REPORTER');
    expect(await twoFactorStatus(db, chief.id, 'CHIEF_EDITOR')).toEqual({
      enabled: false,
      required: true,
      resetNote: false,
      recoveryCodesLeft: 0,
    });
    expect((await twoFactorStatus(db, reporter.id, 'REPORTER')).required).toBe(false);
  });

  it('are set by the admin, in the roles’ order, with an audit event; the same set again changes nothing', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const reporter = await makeUser(db, 'REPORTER');
    expect(await updateTwoFactorRoles(db, admin, ['ADMIN', 'REPORTER', 'EDITOR'], ctx)).toBe(true);
    expect(await readTwoFactorRoles(db)).toEqual(['REPORTER', 'EDITOR', 'ADMIN']);
    expect((await twoFactorStatus(db, reporter.id, 'REPORTER')).required).toBe(true);
    expect(await updateTwoFactorRoles(db, admin, ['EDITOR', 'ADMIN', 'REPORTER'], ctx)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { action: 'settings.two-factor' } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.details)).toEqual({
      from: ['ADMIN', 'CHIEF_EDITOR'],
      to: ['REPORTER', 'EDITOR', 'ADMIN'],
    });
    // None at all is a choice the admin may make (the end-to-end suite runs so).
    expect(await updateTwoFactorRoles(db, admin, [], ctx)).toBe(true);
    expect(await readTwoFactorRoles(db)).toEqual([]);
  });
});

describe('the idle timeout setting', () => {
  it('is 30 minutes by default; the admin’s change is saved with an audit event, an unchanged one is not', async () => {
    const admin = await makeUser(db, 'ADMIN');
    expect((await readSessionPolicy(db)).idleMinutes).toBe(30);
    expect(await updateSessionIdle(db, admin, 15, ctx)).toBe(true);
    expect(await updateSessionIdle(db, admin, 15, ctx)).toBe(false);
    expect((await readSessionPolicy(db)).idleMinutes).toBe(15);
    const events = await db.auditEvent.findMany({ where: { action: 'settings.session-idle' } });
    expect(events.map((event) => JSON.parse(event.details))).toEqual([{ from: 30, to: 15 }]);
    await updateSessionIdle(db, admin, 30, ctx);
  });
});
