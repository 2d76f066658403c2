// The sign-in's second step for an account with two-factor sign-in: a code from the authenticator
// app (good once: its time step must be later than the last accepted) or one of the recovery codes
// (good once). Claiming either is a conditional update, so two requests racing with the same code
// cannot both pass.
import type { Db } from '../db-client';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { checkTotpCode } from './totp';

export type SecondFactorAccount = {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
};

export type SecondFactorOutcome =
  | { ok: true; via: 'totp' }
  | { ok: true; via: 'recovery-code'; remaining: number }
  // No code asked: the browser was remembered after an earlier sign-in with one (trusted-device.ts).
  | { ok: true; via: 'remembered-device' }
  | { ok: false; reason: 'code-malformed' | 'code-wrong' | 'code-reused' | 'recovery-code-unknown' };

export function hasSecondFactor(account: SecondFactorAccount): account is SecondFactorAccount & { totpSecret: string } {
  return account.totpEnabledAt !== null && account.totpSecret !== null;
}

export async function checkSecondFactor(
  db: Db,
  account: SecondFactorAccount & { totpSecret: string },
  input: string,
  now: Date,
): Promise<SecondFactorOutcome> {
  // Letters mean a recovery code; an authenticator code is six digits.
  if (/[a-z]/i.test(input)) return claimRecoveryCode(db, account.id, input, now);
  const check = await checkTotpCode(account.totpSecret, input, account.totpLastStep, now);
  if (!check.ok) return { ok: false, reason: check.reason === 'malformed' ? 'code-malformed' : `code-${check.reason}` };
  const claimed = await db.user.updateMany({
    where: { id: account.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.timeStep } }] },
    data: { totpLastStep: check.timeStep },
  });
  return claimed.count === 1 ? { ok: true, via: 'totp' } : { ok: false, reason: 'code-reused' };
}

async function claimRecoveryCode(db: Db, userId: string, input: string, now: Date): Promise<SecondFactorOutcome> {
  const code = normaliseRecoveryCode(input);
  if (!code) return { ok: false, reason: 'code-malformed' };
  const codeHash = hashRecoveryCode(code);
  const claimed = await db.recoveryCode.updateMany({
    where: { userId, codeHash, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) {
    const known = await db.recoveryCode.count({ where: { userId, codeHash } });
    return { ok: false, reason: known ? 'code-reused' : 'recovery-code-unknown' };
  }
  const remaining = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { ok: true, via: 'recovery-code', remaining };
}

/** What the audit event of the attempt says about the second step. */
export function factorDetails(outcome: SecondFactorOutcome): Record<string, unknown> {
  if (!outcome.ok) return { reason: outcome.reason };
  return outcome.via === 'recovery-code'
    ? { secondFactor: 'recovery-code', recoveryCodesLeft: outcome.remaining }
    : { secondFactor: outcome.via };
}
