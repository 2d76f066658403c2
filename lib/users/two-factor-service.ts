// Two-factor sign-in for one's own account (enrolment, new recovery codes) and the admin's reset.
// Enrolment shows the secret once (QR code and key) and keeps it pending until a code from the app
// confirms it, so a half-finished enrolment never locks anyone out; only then the secret becomes the
// account's and ten recovery codes are made, shown once and stored as hashes.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from '../auth/recovery-codes';
import { endOpenSessions } from '../auth/sessions';
import { checkTotpCode, newTotpSecret, totpUri } from '../auth/totp';
import type { Db, Tx } from '../db-client';

export const ENROL_CODE_WRONG = '验证码不正确：请确认手机时间准确，并输入身份验证器上当前显示的 6 位数字';

type Context = { ip: string | null; now?: Date };

/** Starts (or restarts) enrolment: a new pending secret, and what the page shows once. */
export async function startEnrolment(db: Db, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new UserFacingError('两步验证已经启用');
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpPending: secret } });
  return { secret, uri: totpUri(secret, user.email) };
}

/** Confirms the pending secret with a code from the app; returns the recovery codes, shown once. */
export async function confirmEnrolment(
  db: Db,
  userId: string,
  code: string,
  context: Context,
): Promise<{ recoveryCodes: string[] }> {
  const now = context.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpPending: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new UserFacingError('两步验证已经启用');
  if (!user.totpPending) throw new UserFacingError('请先扫描二维码，再输入验证码');
  const check = await checkTotpCode(user.totpPending, code, null, now);
  if (!check.ok) throw new UserFacingError(ENROL_CODE_WRONG, { code: ENROL_CODE_WRONG });
  const secret = user.totpPending;
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    // The pending secret must still be the one checked: a second tab may have restarted enrolment.
    const claimed = await tx.user.updateMany({
      where: { id: userId, totpPending: secret, totpEnabledAt: null },
      data: {
        totpSecret: secret,
        totpPending: null,
        totpEnabledAt: now,
        totpLastStep: check.timeStep,
        totpResetNote: false,
      },
    });
    if (claimed.count !== 1) throw new UserFacingError('二维码已更新，请用新的二维码重新设置');
    await replaceRecoveryCodes(tx, userId, recoveryCodes, now);
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.2fa-enable',
      subjectType: 'User',
      subjectId: userId,
      ip: context.ip,
    });
  });
  return { recoveryCodes };
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(
  db: Db,
  userId: string,
  context: Context,
): Promise<{ recoveryCodes: string[] }> {
  const now = context.now ?? new Date();
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new UserFacingError('还没有启用两步验证');
    await replaceRecoveryCodes(tx, userId, recoveryCodes, now);
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.2fa-recovery-codes',
      subjectType: 'User',
      subjectId: userId,
      ip: context.ip,
    });
  });
  return { recoveryCodes };
}

async function replaceRecoveryCodes(tx: Tx, userId: string, codes: string[], now: Date): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!), createdAt: now })),
  });
}

/**
 * The admin's reset for a lost phone: the secret and the recovery codes go, the person is signed out
 * everywhere and, at their next sign-in (password only), told and asked to set it up again.
 */
export async function resetTwoFactor(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  context: Context,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
    if (!user) throw new UserFacingError('账号不存在');
    if (!user.totpEnabledAt) throw new UserFacingError('此账号没有启用两步验证');
    await tx.user.update({
      where: { id: userId },
      data: {
        totpSecret: null,
        totpPending: null,
        totpEnabledAt: null,
        totpLastStep: null,
        totpResetNote: true,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endOpenSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.2fa-reset',
      subjectType: 'User',
      subjectId: userId,
      details: { email: user.email },
      ip: context.ip,
    });
  });
}
