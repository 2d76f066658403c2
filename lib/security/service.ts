// Saving the admin's password policy with an audit event naming what changed, in one transaction.
// A stricter policy applies to the next password set; an expiry applies at once (counted from when
// each password was set), which is what the newsroom's change prompt then shows.
import type { Actor } from '../access/actor';
import { ROLES } from '../access/capabilities';
import { recordAudit } from '../audit/record';
import type { PasswordPolicy } from '../auth/password-rules';
import {
  POLICY_ID,
  readPasswordPolicy,
  readRememberDevice,
  readSessionPolicy,
  readTwoFactorRoles,
} from '../auth/security-policy';
import type { Db, Tx } from '../db-client';
import type { Role } from '../generated/prisma/enums';

export async function updatePasswordPolicy(
  db: Db,
  actor: Pick<Actor, 'id'>,
  next: PasswordPolicy,
  context: { ip: string | null },
): Promise<(keyof PasswordPolicy)[]> {
  return db.$transaction(async (tx) => {
    const current = await readPasswordPolicy(tx);
    const changed = (Object.keys(next) as (keyof PasswordPolicy)[]).filter((key) => current[key] !== next[key]);
    if (changed.length === 0) return [];
    const row = {
      passwordMinLength: next.minLength,
      passwordMinClasses: next.minClasses,
      passwordHistory: next.historyCount,
      passwordMaxAgeDays: next.maxAgeDays,
    };
    await tx.securityPolicy.upsert({ where: { id: POLICY_ID }, create: { id: POLICY_ID, ...row }, update: row });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.security',
      subjectType: 'SecurityPolicy',
      subjectId: String(POLICY_ID),
      details: Object.fromEntries(changed.map((key) => [key, { from: current[key], to: next[key] }])),
      ip: context.ip,
    });
    return changed;
  });
}

/**
 * Sets which roles must sign in with a second factor. Someone of such a role without one is sent to
 * set it up on their next newsroom page. Returns whether anything changed.
 */
export async function updateTwoFactorRoles(
  db: Db,
  actor: Pick<Actor, 'id'>,
  roles: readonly Role[],
  context: { ip: string | null },
): Promise<boolean> {
  const next = ROLES.filter((role) => roles.includes(role));
  return changeSetting(db, actor, context, {
    action: 'settings.two-factor',
    read: readTwoFactorRoles,
    next,
    row: { twoFactorRoles: next.join(',') },
    same: (a, b) => a.join(',') === b.join(','),
  });
}

/**
 * Sets the idle timeout: sessions idle this long end on their next check (every request, and the
 * co-editing socket's recheck), open ones included. Returns whether anything changed.
 */
export async function updateSessionIdle(
  db: Db,
  actor: Pick<Actor, 'id'>,
  idleMinutes: number,
  context: { ip: string | null },
): Promise<boolean> {
  return changeSetting(db, actor, context, {
    action: 'settings.session-idle',
    read: async (tx) => (await readSessionPolicy(tx)).idleMinutes,
    next: idleMinutes,
    row: { sessionIdleMinutes: idleMinutes },
  });
}

/**
 * Offers (or stops offering) "this device for 30 days" at the sign-in code step. Turning it off also
 * stops the devices already remembered from skipping the code (sign-in checks the setting each time).
 */
export async function updateRememberDevice(
  db: Db,
  actor: Pick<Actor, 'id'>,
  rememberDevice: boolean,
  context: { ip: string | null },
): Promise<boolean> {
  return changeSetting(db, actor, context, {
    action: 'settings.remember-device',
    read: readRememberDevice,
    next: rememberDevice,
    row: { rememberDevice },
  });
}

type PolicyRow = { twoFactorRoles?: string; sessionIdleMinutes?: number; rememberDevice?: boolean };

/**
 * One setting of the policy row: read the current value, and if it differs, write it and record the
 * change (from → to) in the same transaction. Returns whether anything changed.
 */
async function changeSetting<T>(
  db: Db,
  actor: Pick<Actor, 'id'>,
  context: { ip: string | null },
  setting: { action: string; read: (tx: Tx) => Promise<T>; next: T; row: PolicyRow; same?: (a: T, b: T) => boolean },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await setting.read(tx);
    if ((setting.same ?? Object.is)(current, setting.next)) return false;
    await tx.securityPolicy.upsert({
      where: { id: POLICY_ID },
      create: { id: POLICY_ID, ...setting.row },
      update: setting.row,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: setting.action,
      subjectType: 'SecurityPolicy',
      subjectId: String(POLICY_ID),
      details: { from: current, to: setting.next },
      ip: context.ip,
    });
    return true;
  });
}
