import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { signedInClaims } from '../../test/support/sessions';
import { makeUser } from '../../test/support/users';
import { socketUser } from '../collab/session';
import {
  LAST_SEEN_STEP_MS,
  SESSION_MAX_AGE_S,
  sessionAccount,
  sessionAdmits,
  sessionLapse,
  twoFactorPending,
  type SessionAccount,
  type SessionRow,
} from './session-validity';

const account: SessionAccount = {
  id: 'u1',
  email: 'a@example.cn',
  name: '记者甲',
  role: 'REPORTER',
  active: true,
  sessionVersion: 3,
  totpEnabledAt: null,
  totpResetNote: false,
};
const claims = { userId: 'u1', sessionVersion: 3, sessionId: 's1' };
const signedInAt = new Date('2026-12-06T08:00:00Z');
const session: SessionRow = { id: 's1', userId: 'u1', createdAt: signedInAt, lastSeenAt: signedInAt, endedAt: null };
const limits = { idleMs: 30 * 60_000, maxAgeMs: SESSION_MAX_AGE_S * 1000 };
const at = (minutes: number) => new Date(signedInAt.getTime() + minutes * 60_000);

describe('the session-validity rule', () => {
  it('admits an active account with a known role, under its current session version, in an open session', () => {
    expect(sessionAdmits(account, session, claims, limits, at(1))).toBe(true);
  });

  it('refuses a missing, deactivated or role-less account, and a session from before a version bump', () => {
    expect(sessionAdmits(null, session, claims, limits, at(1))).toBe(false);
    expect(sessionAdmits({ ...account, active: false }, session, claims, limits, at(1))).toBe(false);
    expect(sessionAdmits({ ...account, role: 'INTERN' }, session, claims, limits, at(1))).toBe(false);
    expect(sessionAdmits({ ...account, sessionVersion: 4 }, session, claims, limits, at(1))).toBe(false);
    expect(sessionAdmits(account, session, { ...claims, sessionVersion: -1 }, limits, at(1))).toBe(false);
    expect(sessionAdmits(account, session, { ...claims, userId: 'u2' }, limits, at(1))).toBe(false);
  });

  it('refuses a token with no session, another person’s session and an ended one', () => {
    expect(sessionLapse(null, claims, limits, at(1))).toBe('missing');
    expect(sessionLapse({ ...session, userId: 'u2' }, claims, limits, at(1))).toBe('missing');
    expect(sessionLapse({ ...session, endedAt: at(1) }, claims, limits, at(2))).toBe('ended');
    expect(sessionAdmits(account, { ...session, endedAt: at(1) }, claims, limits, at(2))).toBe(false);
  });

  it.each([
    ['29 minutes 59 seconds after the last request', 29 + 59 / 60, 0, null],
    ['30 minutes after the last request (the default idle timeout)', 30, 0, 'idle'],
    ['an hour after signing in, seen 10 minutes ago', 60, 50, null],
    ['11 hours 59 minutes after signing in, seen a minute ago', 12 * 60 - 1, 12 * 60 - 2, null],
    ['12 hours after signing in, however active (the absolute lifetime)', 12 * 60, 12 * 60 - 1, 'expired'],
  ] as const)('%s: %s', (_name, nowMinutes, seenMinutes, lapse) => {
    expect(sessionLapse({ ...session, lastSeenAt: at(seenMinutes) }, claims, limits, at(nowMinutes))).toBe(lapse);
  });

  it('uses the idle timeout it is given (the admin’s setting)', () => {
    expect(sessionLapse(session, claims, { ...limits, idleMs: 5 * 60_000 }, at(5))).toBe('idle');
    expect(sessionLapse(session, claims, { ...limits, idleMs: 120 * 60_000 }, at(60))).toBeNull();
  });

  it('owes a two-factor set-up: a required role without it, or anyone an admin reset', () => {
    expect(twoFactorPending({ ...account, role: 'ADMIN' }, ['ADMIN'])).toBe(true);
    expect(twoFactorPending({ ...account, role: 'ADMIN', totpEnabledAt: at(0) }, ['ADMIN'])).toBe(false);
    expect(twoFactorPending({ ...account, role: 'REPORTER' }, ['ADMIN'])).toBe(false);
    expect(twoFactorPending({ ...account, role: 'REPORTER', totpResetNote: true }, [])).toBe(true);
  });
});

describe('sessionAccount (what pages and the socket both call)', () => {
  const db = openTestDatabase();
  afterAll(() => db.$disconnect());

  it('re-reads the account: a bumped session version or a deactivation ends the session', async () => {
    const user = await makeUser(db, 'EDITOR', { name: '编辑乙' });
    const claims = await signedInClaims(db, user.id);
    expect(await sessionAccount(db, claims)).toEqual({
      id: user.id,
      email: user.email,
      name: '编辑乙',
      role: 'EDITOR',
      sessionVersion: 0,
      twoFactorPending: false,
    });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await sessionAccount(db, claims)).toBeNull();
    expect(await sessionAccount(db, { ...claims, sessionVersion: 1 })).not.toBeNull();
    expect(await sessionAccount(db, { ...claims, sessionVersion: 1, sessionId: null })).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await sessionAccount(db, { ...claims, sessionVersion: 1 })).toBeNull();
    expect(await sessionAccount(db, { ...claims, userId: 'no-such-account' })).toBeNull();
  });

  it('times out on the server with a fake clock: requests keep it alive, the socket’s rechecks do not', async () => {
    const user = await makeUser(db, 'REPORTER');
    const start = new Date('2026-12-06T08:00:00Z');
    const claims = await signedInClaims(db, user.id, 0, start);
    const minute = (n: number) => new Date(start.getTime() + n * 60_000);
    // A page request at minute 20 moves the last-seen time; the socket's checks in between do not.
    expect(await socketUser(db, claims, { now: minute(10) })).not.toBeNull();
    expect(await sessionAccount(db, claims, { now: minute(20), touch: true })).not.toBeNull();
    expect(await sessionAccount(db, claims, { now: minute(49) })).not.toBeNull();
    expect(await socketUser(db, claims, { now: minute(50) })).toBeNull();
    expect(await sessionAccount(db, claims, { now: minute(50), touch: true })).toBeNull();
    // A refused request does not bring it back.
    expect(await sessionAccount(db, claims, { now: minute(21) })).toBeNull();
  });

  it('moves the last-seen time at most once a minute, and the admin’s idle setting applies', async () => {
    const user = await makeUser(db, 'REPORTER');
    const start = new Date('2026-12-06T08:00:00Z');
    const claims = await signedInClaims(db, user.id, 0, start);
    const seen = async () =>
      (await db.userSession.findUniqueOrThrow({ where: { id: claims.sessionId! } })).lastSeenAt.getTime();
    await sessionAccount(db, claims, { now: new Date(start.getTime() + LAST_SEEN_STEP_MS - 1), touch: true });
    expect(await seen()).toBe(start.getTime());
    await sessionAccount(db, claims, { now: new Date(start.getTime() + LAST_SEEN_STEP_MS), touch: true });
    expect(await seen()).toBe(start.getTime() + LAST_SEEN_STEP_MS);
    await db.securityPolicy.upsert({
      where: { id: 1 },
      create: { id: 1, sessionIdleMinutes: 5 },
      update: { sessionIdleMinutes: 5 },
    });
    try {
      expect(await sessionAccount(db, claims, { now: new Date(start.getTime() + 5 * 60_000) })).not.toBeNull();
      expect(await sessionAccount(db, claims, { now: new Date(start.getTime() + 6 * 60_000) })).toBeNull();
    } finally {
      await db.securityPolicy.update({ where: { id: 1 }, data: { sessionIdleMinutes: 30 } });
    }
  });

  it('expires 12 hours after signing in however active, on pages and the socket alike', async () => {
    const user = await makeUser(db, 'REPORTER');
    const start = new Date('2026-12-06T08:00:00Z');
    const claims = await signedInClaims(db, user.id, 0, start);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      const now = new Date(start.getTime() + minute * 60_000);
      expect(await sessionAccount(db, claims, { now, touch: true })).not.toBeNull();
    }
    const end = new Date(start.getTime() + SESSION_MAX_AGE_S * 1000);
    expect(await sessionAccount(db, claims, { now: end, touch: true })).toBeNull();
    expect(await socketUser(db, claims, { now: end })).toBeNull();
  });

  it('a person who owes the two-factor set-up has a session, but the socket refuses them', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const claims = await signedInClaims(db, admin.id);
    expect((await sessionAccount(db, claims))?.twoFactorPending).toBe(true);
    expect(await socketUser(db, claims)).toBeNull();
    await db.user.update({
      where: { id: admin.id },
      data: { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() },
    });
    expect((await sessionAccount(db, claims))?.twoFactorPending).toBe(false);
    expect(await socketUser(db, claims)).not.toBeNull();
  });
});
