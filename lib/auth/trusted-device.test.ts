import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser, TEST_PASSWORD } from '../../test/support/users';
import { updateRememberDevice } from '../security/service';
import { changeOwnPassword } from '../users/account-service';
import { forgetOwnDevices, listRememberedDevices, signOutEverywhere } from '../users/session-service';
import { hashToken } from '../users/tokens';
import { confirmEnrolment, resetTwoFactor, startEnrolment } from '../users/two-factor-service';
import { attemptSignIn, CODE_REQUIRED, type SignInInput } from './sign-in';
import { totpCodeAt } from './totp';
import { cookieValue, TRUSTED_DEVICE_MS } from './trusted-device';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const ctx = { ip: '127.0.0.1' };
const base = new Date(Date.UTC(2026, 11, 2, 2, 0, 0));
const at = (seconds: number) => new Date(base.getTime() + seconds * 1000);
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  admin = await makeUser(db, 'ADMIN');
  await updateRememberDevice(db, admin, true, ctx);
});

async function enrolled() {
  const user = await makeUser(db, 'CHIEF_EDITOR');
  const { secret } = await startEnrolment(db, user.id);
  await confirmEnrolment(db, user.id, await totpCodeAt(secret, at(0)), { ...ctx, now: at(0) });
  return { user, secret };
}

function signIn(input: Partial<SignInInput> & { email: string }, when: Date) {
  return attemptSignIn(
    db,
    { password: TEST_PASSWORD, ip: '10.8.0.1', userAgent: 'Chrome/131 Windows', ...input },
    when,
  );
}

/** Signs in with a code and the box ticked; returns the cookie's token. */
async function remembered(email: string, secret: string, when: Date): Promise<string> {
  const result = await signIn({ email, code: await totpCodeAt(secret, when), rememberDevice: true }, when);
  if (!result.ok || !result.deviceToken) throw new Error(`not remembered: ${JSON.stringify(result)}`);
  return result.deviceToken;
}

describe('this device for 30 days', () => {
  it('signs in without a code on the remembered browser only, storing only the token hash', async () => {
    const { user, secret } = await enrolled();
    const token = await remembered(user.email, secret, at(60));
    const row = await db.trustedDevice.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt).toEqual(new Date(at(60).getTime() + TRUSTED_DEVICE_MS));

    const again = await signIn({ email: user.email, deviceToken: token }, at(3600));
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.deviceToken).toBeFalsy();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'auth.sign-in', actorId: user.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ secondFactor: 'remembered-device' });

    expect(await signIn({ email: user.email }, at(3700))).toEqual({ ok: false, error: CODE_REQUIRED });
    expect(await signIn({ email: user.email, deviceToken: `${token}x` }, at(3700))).toEqual({
      ok: false,
      error: CODE_REQUIRED,
    });
    // Another account's remembered browser is not this account's.
    const other = await enrolled();
    expect(await signIn({ email: other.user.email, deviceToken: token }, at(3700))).toEqual({
      ok: false,
      error: CODE_REQUIRED,
    });
  });

  it('still needs the right password on a remembered browser', async () => {
    const { user, secret } = await enrolled();
    const token = await remembered(user.email, secret, at(60));
    const wrong = await signIn({ email: user.email, password: 'Wrong-password-9', deviceToken: token }, at(120));
    expect(wrong.ok).toBe(false);
  });

  it('remembers nothing when the box is not ticked, and lapses after 30 days', async () => {
    const { user, secret } = await enrolled();
    const plain = await signIn({ email: user.email, code: await totpCodeAt(secret, at(60)) }, at(60));
    expect(plain.ok && plain.deviceToken).toBeFalsy();
    expect(await db.trustedDevice.count({ where: { userId: user.id } })).toBe(0);

    const token = await remembered(user.email, secret, at(120));
    const lapse = at(120 + TRUSTED_DEVICE_MS / 1000);
    expect(await signIn({ email: user.email, deviceToken: token }, lapse)).toEqual({ ok: false, error: CODE_REQUIRED });
  });

  it('ends with a password change, a second-factor reset and signing out everywhere', async () => {
    const changed = await enrolled();
    const t1 = await remembered(changed.user.email, changed.secret, at(60));
    await changeOwnPassword(db, changed.user.id, { current: TEST_PASSWORD, next: 'Jiu-mima-huanle-77' }, ctx);
    expect(
      await signIn({ email: changed.user.email, password: 'Jiu-mima-huanle-77', deviceToken: t1 }, at(120)),
    ).toEqual({ ok: false, error: CODE_REQUIRED });

    const reset = await enrolled();
    const t2 = await remembered(reset.user.email, reset.secret, at(60));
    await resetTwoFactor(db, admin, reset.user.id, ctx);
    // No second factor now: the password alone, as for anyone without one; the old device is spent.
    await startEnrolment(db, reset.user.id);
    expect(await db.trustedDevice.count({ where: { userId: reset.user.id } })).toBe(1);
    expect(await listRememberedDevices(db, reset.user.id, at(120))).toEqual([]);

    const everywhere = await enrolled();
    const t3 = await remembered(everywhere.user.email, everywhere.secret, at(60));
    await signOutEverywhere(db, admin, everywhere.user.id, ctx);
    expect(await signIn({ email: everywhere.user.email, deviceToken: t3 }, at(120))).toEqual({
      ok: false,
      error: CODE_REQUIRED,
    });
    expect(t2).not.toBe(t3);
  });

  it('is not offered, and stops admitting, when the admin turns it off', async () => {
    const { user, secret } = await enrolled();
    const token = await remembered(user.email, secret, at(60));
    await updateRememberDevice(db, admin, false, ctx);
    try {
      expect(await signIn({ email: user.email, deviceToken: token }, at(120))).toEqual({
        ok: false,
        error: CODE_REQUIRED,
      });
      const ticked = await signIn(
        { email: user.email, code: await totpCodeAt(secret, at(180)), rememberDevice: true },
        at(180),
      );
      expect(ticked.ok && ticked.deviceToken).toBeFalsy();
    } finally {
      await updateRememberDevice(db, admin, true, ctx);
    }
    expect(await db.auditEvent.count({ where: { action: 'settings.remember-device' } })).toBeGreaterThanOrEqual(3);
  });

  it('lists and forgets one’s remembered browsers (audited)', async () => {
    const { user, secret } = await enrolled();
    await remembered(user.email, secret, at(60));
    const token = await remembered(user.email, secret, at(120));
    const listed = await listRememberedDevices(db, user.id, at(130));
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ ip: '10.8.0.1' });
    await forgetOwnDevices(db, user.id, ctx);
    expect(await listRememberedDevices(db, user.id, at(140))).toEqual([]);
    expect(await signIn({ email: user.email, deviceToken: token }, at(150))).toEqual({
      ok: false,
      error: CODE_REQUIRED,
    });
    await expect(forgetOwnDevices(db, user.id, ctx)).rejects.toThrow('没有记住的设备');
    expect(await db.auditEvent.count({ where: { action: 'auth.devices-forgotten', actorId: user.id } })).toBe(1);
  });
});

describe('cookieValue', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(cookieValue('a=1; newsroom-trusted-device=ab%2Dc; b=2', 'newsroom-trusted-device')).toBe('ab-c');
    expect(cookieValue('xnewsroom-trusted-device=1', 'newsroom-trusted-device')).toBeNull();
    expect(cookieValue(null, 'x')).toBeNull();
  });
});
