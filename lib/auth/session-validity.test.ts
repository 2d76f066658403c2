import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { sessionAccount, sessionAdmits, type SessionAccount } from './session-validity';

const account: SessionAccount = {
  id: 'u1',
  email: 'a@example.cn',
  name: '记者甲',
  role: 'REPORTER',
  active: true,
  sessionVersion: 3,
};
const claims = { userId: 'u1', sessionVersion: 3 };

describe('the session-validity rule', () => {
  it('admits an active account with a known role, under its current session version', () => {
    expect(sessionAdmits(account, claims)).toBe(true);
  });

  it('refuses a missing, deactivated or role-less account, and a session from before a version bump', () => {
    expect(sessionAdmits(null, claims)).toBe(false);
    expect(sessionAdmits({ ...account, active: false }, claims)).toBe(false);
    expect(sessionAdmits({ ...account, role: 'INTERN' }, claims)).toBe(false);
    expect(sessionAdmits({ ...account, sessionVersion: 4 }, claims)).toBe(false);
    expect(sessionAdmits(account, { ...claims, sessionVersion: -1 })).toBe(false);
    expect(sessionAdmits(account, { ...claims, userId: 'u2' })).toBe(false);
  });
});

describe('sessionAccount (what pages and the socket both call)', () => {
  const db = openTestDatabase();
  afterAll(() => db.$disconnect());

  it('re-reads the account: a bumped session version or a deactivation ends the session', async () => {
    const user = await makeUser(db, 'EDITOR', { name: '编辑乙' });
    expect(await sessionAccount(db, { userId: user.id, sessionVersion: 0 })).toEqual({
      id: user.id,
      email: user.email,
      name: '编辑乙',
      role: 'EDITOR',
      sessionVersion: 0,
    });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await sessionAccount(db, { userId: user.id, sessionVersion: 0 })).toBeNull();
    expect(await sessionAccount(db, { userId: user.id, sessionVersion: 1 })).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await sessionAccount(db, { userId: user.id, sessionVersion: 1 })).toBeNull();
    expect(await sessionAccount(db, { userId: 'no-such-account', sessionVersion: 0 })).toBeNull();
  });
});
