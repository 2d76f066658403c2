// Reading the admin's password policy (model SecurityPolicy, one row with id 1). No row yet means the
// defaults, so a fresh install and an upgraded one behave the same until the admin saves the form.
import { isRole } from '../access/capabilities';
import type { Db, Tx } from '../db-client';
import type { Role } from '../generated/prisma/enums';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './password-rules';

export const POLICY_ID = 1;

export async function readPasswordPolicy(db: Db | Tx): Promise<PasswordPolicy> {
  const row = await db.securityPolicy.findUnique({ where: { id: POLICY_ID } });
  if (!row) return DEFAULT_PASSWORD_POLICY;
  return {
    minLength: row.passwordMinLength,
    minClasses: row.passwordMinClasses,
    historyCount: row.passwordHistory,
    maxAgeDays: row.passwordMaxAgeDays,
  };
}

/** 等保 三级 asks admins and whoever signs content off to use two factors: the default. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = ['ADMIN', 'CHIEF_EDITOR'];

/** The roles that must sign in with a second factor. */
export async function readTwoFactorRoles(db: Db | Tx): Promise<Role[]> {
  const row = await db.securityPolicy.findUnique({ where: { id: POLICY_ID }, select: { twoFactorRoles: true } });
  if (!row) return [...DEFAULT_TWO_FACTOR_ROLES];
  return parseRoles(row.twoFactorRoles);
}

export function parseRoles(stored: string): Role[] {
  return stored.split(',').filter(isRole);
}

/** Minutes without a request after which a session ends, unless the admin sets another (账号安全). */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
/**
 * What the admin may set: at least a minute, at most the absolute lifetime (12 hours); 等保 asks for a
 * sign-out on idle, so "never" is not offered.
 */
export const SESSION_IDLE_BOUNDS = { min: 1, max: 12 * 60 } as const;

/** What every request's session check reads of the policy: the idle timeout and the two-factor roles. */
export async function readSessionPolicy(db: Db | Tx): Promise<{ idleMinutes: number; twoFactorRoles: Role[] }> {
  const row = await db.securityPolicy.findUnique({
    where: { id: POLICY_ID },
    select: { sessionIdleMinutes: true, twoFactorRoles: true },
  });
  if (!row) return { idleMinutes: DEFAULT_SESSION_IDLE_MINUTES, twoFactorRoles: [...DEFAULT_TWO_FACTOR_ROLES] };
  return { idleMinutes: row.sessionIdleMinutes, twoFactorRoles: parseRoles(row.twoFactorRoles) };
}

/** Whether the sign-in's code step offers "this device for 30 days" (lib/auth/trusted-device.ts). */
export async function readRememberDevice(db: Db | Tx): Promise<boolean> {
  const row = await db.securityPolicy.findUnique({ where: { id: POLICY_ID }, select: { rememberDevice: true } });
  return row?.rememberDevice ?? false;
}
