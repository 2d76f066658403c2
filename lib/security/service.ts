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
import type { Db } from '../db-client';
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
  return db.$transaction(async (tx) => {
    const current = await readTwoFactorRoles(tx);
    if (current.join(',') === next.join(',')) return false;
    const twoFactorRoles = next.join(',');
    await tx.securityPolicy.upsert({
      where: { id: POLICY_ID },
      create: { id: POLICY_ID, twoFactorRoles },
      update: { twoFactorRoles },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.two-factor',
      subjectType: 'SecurityPolicy',
      subjectId: String(POLICY_ID),
      details: { from: current, to: next },
      ip: context.ip,
    });
    return true;
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
  return db.$transaction(async (tx) => {
    const current = (await readSessionPolicy(tx)).idleMinutes;
    if (current === idleMinutes) return false;
    await tx.securityPolicy.upsert({
      where: { id: POLICY_ID },
      create: { id: POLICY_ID, sessionIdleMinutes: idleMinutes },
      update: { sessionIdleMinutes: idleMinutes },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.session-idle',
      subjectType: 'SecurityPolicy',
      subjectId: String(POLICY_ID),
      details: { from: current, to: idleMinutes },
      ip: context.ip,
    });
    return true;
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
  return db.$transaction(async (tx) => {
    const current = await readRememberDevice(tx);
    if (current === rememberDevice) return false;
    await tx.securityPolicy.upsert({
      where: { id: POLICY_ID },
      create: { id: POLICY_ID, rememberDevice },
      update: { rememberDevice },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.remember-device',
      subjectType: 'SecurityPolicy',
      subjectId: String(POLICY_ID),
      details: { from: current, to: rememberDevice },
      ip: context.ip,
    });
    return true;
  });
}
