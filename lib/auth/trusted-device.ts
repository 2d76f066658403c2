// "This device for 30 days": after a sign-in with a code, a person may ask this browser not to be
// asked for one again for 30 days, where the admin offers it (账号安全, off by default: 等保 三级
// expects both factors at each sign-in). The browser keeps a random token in an httpOnly cookie sent
// only to the sign-in endpoint; the database keeps its SHA-256 (a leaked table opens nothing) and the
// account's session version, so a password change or reset, a second-factor reset and signing out
// everywhere all end every remembered device at once. The password is still asked, and still counted
// by the lockout.
import type { Db, Tx } from '../db-client';
import { hashToken, newToken } from '../users/tokens';

export const TRUSTED_DEVICE_DAYS = 30;
export const TRUSTED_DEVICE_MS = TRUSTED_DEVICE_DAYS * 24 * 60 * 60_000;
export const TRUSTED_DEVICE_COOKIE = 'newsroom-trusted-device';
/** Only the sign-in request needs it; no other page of the site is sent it. */
export const TRUSTED_DEVICE_COOKIE_PATH = '/api/auth';

export type TrustedDeviceAccount = { id: string; sessionVersion: number };

/** Remembers this browser for the account; returns the token for its cookie (the only copy). */
export async function rememberDevice(
  db: Db | Tx,
  account: TrustedDeviceAccount,
  client: { ip: string; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.trustedDevice.create({
    data: {
      userId: account.id,
      tokenHash,
      sessionVersion: account.sessionVersion,
      userAgent: client.userAgent?.slice(0, 400) ?? '',
      ip: client.ip,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + TRUSTED_DEVICE_MS),
    },
  });
  return token;
}

/** Whether the cookie's token remembers this browser for this account now (and notes its use). */
export async function isRememberedDevice(
  db: Db | Tx,
  account: TrustedDeviceAccount,
  token: string | null | undefined,
  now = new Date(),
): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const used = await db.trustedDevice.updateMany({
    where: {
      tokenHash: hashToken(token),
      userId: account.id,
      sessionVersion: account.sessionVersion,
      expiresAt: { gt: now },
    },
    data: { lastUsedAt: now },
  });
  return used.count === 1;
}

/** Remembered devices that can no longer admit anyone: expired, or made under an older session version. */
export async function pruneRememberedDevices(db: Db | Tx, account: TrustedDeviceAccount, now = new Date()) {
  await db.trustedDevice.deleteMany({
    where: {
      userId: account.id,
      OR: [{ expiresAt: { lte: now } }, { sessionVersion: { not: account.sessionVersion } }],
    },
  });
}

/** The person forgets every browser they had remembered (个人设置). */
export async function forgetRememberedDevices(db: Db | Tx, userId: string): Promise<number> {
  const forgotten = await db.trustedDevice.deleteMany({ where: { userId } });
  return forgotten.count;
}

/** The value of a cookie in a Cookie header, or null. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
