import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser, TEST_PASSWORD } from '../../test/support/users';
import { lockoutMessage } from '../auth/lockout';
import { attemptSignIn, CODE_REQUIRED, INVALID_CODE } from '../auth/sign-in';
import { totpCodeAt } from '../auth/totp';
import {
  confirmEnrolment,
  ENROL_CODE_WRONG,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startEnrolment,
} from './two-factor-service';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const ctx = { ip: '127.0.0.1' };
const base = new Date(Date.UTC(2026, 11, 1, 2, 0, 0));
const at = (seconds: number) => new Date(base.getTime() + seconds * 1000);

async function enrolled(role: 'CHIEF_EDITOR' | 'REPORTER' = 'CHIEF_EDITOR') {
  const user = await makeUser(db, role);
  const { secret } = await startEnrolment(db, user.id);
  const { recoveryCodes } = await confirmEnrolment(db, user.id, await totpCodeAt(secret, at(0)), {
    ...ctx,
    now: at(0),
  });
  return { user, secret, recoveryCodes };
}

function signIn(email: string, code: string | undefined, when: Date, ip = '10.9.0.1') {
  return attemptSignIn(db, { email, password: TEST_PASSWORD, code, ip }, when);
}

describe('enrolment', () => {
  it('keeps the secret pending until a code confirms it, then makes ten hashed recovery codes', async () => {
    const user = await makeUser(db, 'EDITOR');
    const { secret, uri } = await startEnrolment(db, user.id);
    expect(uri).toContain(`secret=${secret}`);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpPending: secret,
      totpSecret: null,
      totpEnabledAt: null,
    });
    await expect(confirmEnrolment(db, user.id, '000000', { ...ctx, now: at(0) })).rejects.toThrow(ENROL_CODE_WRONG);
    const { recoveryCodes } = await confirmEnrolment(db, user.id, await totpCodeAt(secret, at(0)), {
      ...ctx,
      now: at(0),
    });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(recoveryCodes.map((code) => code.replace('-', ''))).not.toContain(row.codeHash);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecret: secret,
      totpPending: null,
      totpEnabledAt: at(0),
    });
    expect(await db.auditEvent.count({ where: { action: 'user.2fa-enable', actorId: user.id } })).toBe(1);
    await expect(startEnrolment(db, user.id)).rejects.toThrow('两步验证已经启用');
  });

  it('refuses a confirmation for a secret a second tab has replaced', async () => {
    const user = await makeUser(db, 'EDITOR');
    const first = await startEnrolment(db, user.id);
    await startEnrolment(db, user.id);
    await expect(
      confirmEnrolment(db, user.id, await totpCodeAt(first.secret, at(0)), { ...ctx, now: at(0) }),
    ).rejects.toThrow(ENROL_CODE_WRONG);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, without counting that as an attempt', async () => {
    const { user } = await enrolled();
    const attempts = await db.loginAttempt.count({ where: { email: user.email } });
    expect(await signIn(user.email, undefined, at(60))).toEqual({ ok: false, error: CODE_REQUIRED });
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(attempts);
    // A wrong password still says only that.
    expect(
      await attemptSignIn(db, { email: user.email, password: 'Wrong-password-1', ip: '10.9.0.1' }, at(60)),
    ).toEqual({ ok: false, error: '邮箱或密码不正确' });
  });

  it('accepts a current code once; the same code again, or one from two steps away, is refused and audited', async () => {
    const { user, secret } = await enrolled();
    const code = await totpCodeAt(secret, at(120));
    expect((await signIn(user.email, code, at(120))).ok).toBe(true);
    expect(await signIn(user.email, code, at(125))).toEqual({ ok: false, error: INVALID_CODE });
    // Clock skew: one step (30 s) either way is accepted, two are not.
    expect((await signIn(user.email, await totpCodeAt(secret, at(150)), at(180))).ok).toBe(true);
    expect(await signIn(user.email, await totpCodeAt(secret, at(300)), at(240))).toEqual({
      ok: false,
      error: INVALID_CODE,
    });
    const reasons = (
      await db.auditEvent.findMany({
        where: { action: 'auth.sign-in-failed', subjectId: user.id },
        orderBy: { createdAt: 'asc' },
      })
    ).map((event) => (JSON.parse(event.details) as { reason?: string }).reason);
    expect(reasons).toEqual(['code-reused', 'code-wrong']);
    expect(await db.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(2);
  });

  it('takes each recovery code once, in any case and spacing', async () => {
    const { user, recoveryCodes } = await enrolled();
    const [code] = recoveryCodes as [string];
    const result = await signIn(user.email, ` ${code.toUpperCase()} `, at(400));
    expect(result.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in', actorId: user.id } });
    expect(JSON.parse(event.details)).toMatchObject({ secondFactor: 'recovery-code', recoveryCodesLeft: 9 });
    expect(await signIn(user.email, code, at(401))).toEqual({ ok: false, error: INVALID_CODE });
    expect(await signIn(user.email, 'abcde-fghjk', at(402))).toEqual({ ok: false, error: INVALID_CODE });
    const reasons = (
      await db.auditEvent.findMany({ where: { action: 'auth.sign-in-failed', subjectId: user.id } })
    ).map((e) => (JSON.parse(e.details) as { reason?: string }).reason);
    expect(reasons.sort()).toEqual(['code-reused', 'recovery-code-unknown']);
  });

  it('new recovery codes replace the old ones', async () => {
    const { user, recoveryCodes } = await enrolled();
    const fresh = await regenerateRecoveryCodes(db, user.id, ctx);
    expect(await signIn(user.email, recoveryCodes[0], at(500))).toEqual({ ok: false, error: INVALID_CODE });
    expect((await signIn(user.email, fresh.recoveryCodes[0], at(501))).ok).toBe(true);
  });

  it('locks the account after five wrong codes, as wrong passwords do, even with the right code after', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 5; i += 1) {
      expect(await signIn(user.email, String(100000 + i), at(600 + i), `10.9.1.${i}`)).toEqual({
        ok: false,
        error: INVALID_CODE,
      });
    }
    const locked = await signIn(user.email, await totpCodeAt(secret, at(610)), at(610), '10.9.2.1');
    expect(locked).toEqual({ ok: false, error: lockoutMessage(new Date(at(604).getTime() + 15 * 60_000), at(610)) });
  });

  it('counts wrong codes from one address across accounts (twenty lock the address)', async () => {
    const ip = '10.9.3.3';
    for (let i = 0; i < 5; i += 1) {
      const { user } = await enrolled('REPORTER');
      for (let j = 0; j < 4; j += 1) await signIn(user.email, String(200000 + j), at(700 + i * 4 + j), ip);
    }
    const { user, secret } = await enrolled('REPORTER');
    const refused = await signIn(user.email, await totpCodeAt(secret, at(730)), at(730), ip);
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ error: expect.stringContaining('登录失败次数过多') });
  });
});

describe('the admin’s reset', () => {
  it('removes the second factor and the recovery codes, signs the person out everywhere, and is audited', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const { user } = await enrolled();
    await resetTwoFactor(db, admin, user.id, ctx);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpResetNote: true });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: 'user.2fa-reset', actorId: admin.id, subjectId: user.id } }),
    ).toBe(1);
    // The password alone signs in again; enrolling again clears the note.
    expect((await signIn(user.email, undefined, at(800))).ok).toBe(true);
    const { secret } = await startEnrolment(db, user.id);
    await confirmEnrolment(db, user.id, await totpCodeAt(secret, at(830)), { ...ctx, now: at(830) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpResetNote).toBe(false);
    await expect(resetTwoFactor(db, admin, (await makeUser(db, 'EDITOR')).id, ctx)).rejects.toThrow(
      '此账号没有启用两步验证',
    );
  });
});
