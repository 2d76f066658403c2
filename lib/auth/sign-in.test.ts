import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser, TEST_PASSWORD } from '../../test/support/users';
import { attemptSignIn, INVALID_CREDENTIALS } from './sign-in';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const minute = 60_000;
const base = new Date(Date.UTC(2026, 10, 25, 2, 0));
const at = (minutes: number) => new Date(base.getTime() + minutes * minute);

describe('attemptSignIn', () => {
  let email: string;
  beforeAll(async () => {
    email = (await makeUser(db, 'REPORTER', { email: 'Xu.Min@Test.Example' })).email;
  });

  it('signs in with the right password, ignoring email case and spaces, and audits it', async () => {
    const result = await attemptSignIn(
      db,
      { email: '  XU.MIN@test.example ', password: TEST_PASSWORD, ip: '10.0.0.1' },
      at(0),
    );
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.lastLoginAt).toEqual(at(0));
    expect(await db.auditEvent.count({ where: { action: 'auth.sign-in', actorId: user.id } })).toBe(1);
  });

  it('gives the same message for a wrong password and an unknown email', async () => {
    const wrong = await attemptSignIn(db, { email, password: 'not-the-password', ip: '10.0.0.2' }, at(1));
    const unknown = await attemptSignIn(
      db,
      { email: 'nobody@test.example', password: 'whatever-123', ip: '10.0.0.2' },
      at(1),
    );
    expect(wrong).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(await db.auditEvent.count({ where: { action: 'auth.sign-in-failed' } })).toBe(2);
  });

  it('refuses a deactivated account with the generic message', async () => {
    const inactive = await makeUser(db, 'EDITOR', { active: false });
    expect(await attemptSignIn(db, { email: inactive.email, password: TEST_PASSWORD, ip: '10.0.0.3' }, at(2))).toEqual({
      ok: false,
      error: INVALID_CREDENTIALS,
    });
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    const user = await makeUser(db, 'REPORTER');
    for (let i = 0; i < 5; i += 1) {
      await attemptSignIn(db, { email: user.email, password: 'wrong-password', ip: `10.1.0.${i}` }, at(10 + i));
    }
    const locked = await attemptSignIn(db, { email: user.email, password: TEST_PASSWORD, ip: '10.1.1.1' }, at(15));
    expect(locked).toEqual({ ok: false, error: '登录失败次数过多，请 14 分钟后再试' });
    expect(await db.auditEvent.count({ where: { action: 'auth.sign-in-refused' } })).toBeGreaterThan(0);
    // Refused attempts do not extend the lock.
    await attemptSignIn(db, { email: user.email, password: TEST_PASSWORD, ip: '10.1.1.1' }, at(28));
    expect((await attemptSignIn(db, { email: user.email, password: TEST_PASSWORD, ip: '10.1.1.1' }, at(29))).ok).toBe(
      true,
    );
  });

  it('locks unknown emails the same way (no hint that the account does not exist)', async () => {
    for (let i = 0; i < 5; i += 1)
      await attemptSignIn(db, { email: 'ghost@test.example', password: 'x-password-1', ip: `10.2.0.${i}` }, at(40));
    const result = await attemptSignIn(
      db,
      { email: 'ghost@test.example', password: 'x-password-1', ip: '10.2.1.1' },
      at(41),
    );
    expect(result.ok ? '' : result.error).toMatch(/登录失败次数过多/);
  });

  it('locks an IP address after 20 failures across accounts', async () => {
    const user = await makeUser(db, 'REPORTER');
    for (let i = 0; i < 20; i += 1) {
      await attemptSignIn(
        db,
        { email: `spray-${i}@test.example`, password: 'guess-password', ip: '203.0.113.7' },
        at(60),
      );
    }
    const fromThatIp = await attemptSignIn(
      db,
      { email: user.email, password: TEST_PASSWORD, ip: '203.0.113.7' },
      at(61),
    );
    expect(fromThatIp.ok).toBe(false);
    const fromElsewhere = await attemptSignIn(
      db,
      { email: user.email, password: TEST_PASSWORD, ip: '198.51.100.1' },
      at(61),
    );
    expect(fromElsewhere.ok).toBe(true);
  });
});
