// Checking a sign-in: brute-force limits, password, account state. The same generic message whether
// or not the email exists, and a password check in both cases so timing does not tell either.
import { recordAudit } from '../audit/record';
import { pruneWhenDue } from '../audit/retention';
import type { Db } from '../db-client';
import { normaliseEmail } from '../users/email';
import { ACCOUNT_THRESHOLD, IP_THRESHOLD, LOCK_LOOKBACK_MS, lockedUntil, lockoutMessage } from './lockout';
import { hashPassword, verifyPassword } from './password';
import { checkSecondFactor, factorDetails, hasSecondFactor, type SecondFactorOutcome } from './second-factor';
import { readRememberDevice } from './security-policy';
import { CODE_REQUIRED, INVALID_CODE, INVALID_CREDENTIALS } from './sign-in-messages';
import { isRememberedDevice, pruneRememberedDevices, rememberDevice } from './trusted-device';

export { CODE_REQUIRED, INVALID_CODE, INVALID_CREDENTIALS };

export type SignInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };
/** `deviceToken`: this browser is now remembered; the token goes into its cookie (trusted-device.ts). */
export type SignInResult = { ok: true; user: SignInUser; deviceToken?: string } | { ok: false; error: string };

export type SignInInput = {
  email: string;
  password: string;
  code?: string;
  ip: string;
  /** The remembered-device cookie's token, if the browser sent one. */
  deviceToken?: string | null;
  /** Ticked at the code step: remember this browser for 30 days (if the admin offers it). */
  rememberDevice?: boolean;
  userAgent?: string | null;
};

let dummyHash: Promise<string> | null = null;
function hashForMissingUser(): Promise<string> {
  dummyHash ??= hashPassword('no-such-user-password');
  return dummyHash;
}

export async function attemptSignIn(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const since = new Date(now.getTime() - LOCK_LOOKBACK_MS);

  const lock = await currentLock(db, email, input.ip, since, now);
  if (lock) {
    await recordAudit(db, {
      actorId: null,
      action: 'auth.sign-in-refused',
      details: { email, until: lock.toISOString() },
      ip: input.ip,
    });
    return { ok: false, error: lockoutMessage(lock, now) };
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await hashForMissingUser()), input.password);
  const passwordAccepted = Boolean(user && user.active && user.passwordHash && passwordOk);
  // The second factor, for an account that has one: asked for once the password is right; a wrong,
  // reused or malformed code is a failed attempt like a wrong password (counted for the lockout).
  // A browser remembered after an earlier sign-in with a code is not asked again while the admin
  // offers that and the account's session version has not moved since.
  let factor: SecondFactorOutcome | null = null;
  const offersRemember = passwordAccepted && user && hasSecondFactor(user) ? await readRememberDevice(db) : false;
  if (passwordAccepted && user && hasSecondFactor(user)) {
    if (input.code?.trim()) factor = await checkSecondFactor(db, user, input.code, now);
    else if (offersRemember && (await isRememberedDevice(db, user, input.deviceToken, now))) {
      factor = { ok: true, via: 'remembered-device' };
    } else return { ok: false, error: CODE_REQUIRED };
  }
  const success = passwordAccepted && (factor === null || factor.ok);
  const remember = Boolean(success && user && offersRemember && input.rememberDevice && factor?.ok && input.code);
  let deviceToken: string | undefined;

  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: input.ip, success, createdAt: now } });
    if (success && user) {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now, failedLogins: 0, lockedUntil: null } });
      if (remember) {
        await pruneRememberedDevices(tx, user, now);
        deviceToken = await rememberDevice(tx, user, { ip: input.ip, userAgent: input.userAgent ?? null }, now);
      }
    } else if (user) {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
    }
    await recordAudit(tx, {
      actorId: success && user ? user.id : null,
      action: success ? 'auth.sign-in' : 'auth.sign-in-failed',
      subjectType: user ? 'User' : undefined,
      subjectId: user?.id,
      details: {
        email,
        ...(user && !user.active ? { reason: 'inactive' } : {}),
        ...(factor ? factorDetails(factor) : {}),
        ...(deviceToken ? { rememberedDevice: true } : {}),
      },
      ip: input.ip,
    });
  });

  // Sign-in attempts pile up here, so this is where old ones are pruned (at most hourly, cheap).
  await pruneWhenDue(db, process.env, now);
  if (factor && !factor.ok) return { ok: false, error: INVALID_CODE };
  if (!success || !user) return { ok: false, error: INVALID_CREDENTIALS };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
    ...(deviceToken ? { deviceToken } : {}),
  };
}

async function currentLock(db: Db, email: string, ip: string, since: Date, now: Date): Promise<Date | null> {
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const accountFailures = await db.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    select: { createdAt: true },
  });
  const ipFailures = await db.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since } },
    select: { createdAt: true },
  });
  const locks = [
    lockedUntil(
      accountFailures.map((row) => row.createdAt),
      ACCOUNT_THRESHOLD,
      now,
    ),
    lockedUntil(
      ipFailures.map((row) => row.createdAt),
      IP_THRESHOLD,
      now,
    ),
  ].filter((date): date is Date => date !== null);
  return locks.length ? new Date(Math.max(...locks.map((date) => date.getTime()))) : null;
}
