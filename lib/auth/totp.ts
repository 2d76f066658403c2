// Time-based one-time codes (TOTP, RFC 6238) through otplib 13: SHA-1, 6 digits, 30-second steps,
// what every authenticator app (Google Authenticator, Microsoft Authenticator, 腾讯身份验证器 …)
// assumes. A code is accepted one step either side of now (a phone clock off by up to 30 s), and
// only once: its time step must be later than the last one accepted (replay refused).
import { generate, generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = '今日柯城采编';
export const TOTP_PERIOD_S = 30;
/** Seconds either side of now: one step, as RFC 6238 §6 recommends at most. */
const TOLERANCE_S = TOTP_PERIOD_S;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32 as apps take it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address a QR code carries for the authenticator app. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The key as a person types it into an app by hand: groups of four. */
export function formatTotpKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export type TotpCheck = { ok: true; timeStep: number } | { ok: false; reason: 'malformed' | 'wrong' | 'reused' };

/** Six digits, spaces ignored (apps show "123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * Checks a code at `now` against the secret. `lastTimeStep` is the step of the last code accepted for
 * this account (null: none yet); a code of that step or earlier is a replay.
 */
export async function checkTotpCode(
  secret: string,
  input: string,
  lastTimeStep: number | null,
  now: Date,
): Promise<TotpCheck> {
  const token = normaliseTotpCode(input);
  if (!token) return { ok: false, reason: 'malformed' };
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_S,
  });
  // otplib's result type also covers HOTP, whose valid result has no time step.
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'wrong' };
  if (lastTimeStep !== null && result.timeStep <= lastTimeStep) return { ok: false, reason: 'reused' };
  return { ok: true, timeStep: result.timeStep };
}

/** The code an app shows at `now` (tests and the benchmarks' scripted sign-ins). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
