// A person's signed-in browsers (UserSession): the list 个人设置 shows, ending one of one's own, and
// the admin's signing a person out everywhere. Each ending is audited.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { readSessionPolicy } from '../auth/security-policy';
import { SESSION_MAX_AGE_S, sessionLapse } from '../auth/session-validity';
import { endOpenSessions } from '../auth/sessions';
import { forgetRememberedDevices } from '../auth/trusted-device';
import type { Db } from '../db-client';
import { deviceLabel } from './device-label';

export type OpenSession = {
  id: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** A person's sessions that still stand (not ended, idle or expired), the most recently seen first. */
export async function listOpenSessions(db: Db, userId: string, now = new Date()): Promise<OpenSession[]> {
  const { idleMinutes } = await readSessionPolicy(db);
  const limits = { idleMs: idleMinutes * 60_000, maxAgeMs: SESSION_MAX_AGE_S * 1000 };
  const rows = await db.userSession.findMany({
    where: { userId, endedAt: null, createdAt: { gt: new Date(now.getTime() - limits.maxAgeMs) } },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
  });
  return rows
    .filter((row) => sessionLapse(row, { userId, sessionVersion: 0, sessionId: row.id }, limits, now) === null)
    .map((row) => ({
      id: row.id,
      device: deviceLabel(row.userAgent),
      ip: row.ip,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
    }));
}

export type RememberedDevice = { id: string; device: string; ip: string; lastUsedAt: Date; expiresAt: Date };

/** The browsers a person asked not to be asked for a code (trusted-device.ts) that still admit them. */
export async function listRememberedDevices(db: Db, userId: string, now = new Date()): Promise<RememberedDevice[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  if (!user) return [];
  const rows = await db.trustedDevice.findMany({
    where: { userId, sessionVersion: user.sessionVersion, expiresAt: { gt: now } },
    orderBy: [{ lastUsedAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    device: deviceLabel(row.userAgent),
    ip: row.ip,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  }));
}

/** The person forgets every remembered browser: the next sign-in anywhere asks for a code again. */
export async function forgetOwnDevices(db: Db, userId: string, context: { ip: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const count = await forgetRememberedDevices(tx, userId);
    if (count === 0) throw new UserFacingError('没有记住的设备');
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.devices-forgotten',
      subjectType: 'User',
      subjectId: userId,
      details: { count },
      ip: context.ip,
    });
  });
}

/** Ends one of one's own sessions (another browser, or this one). */
export async function endOwnSession(
  db: Db,
  userId: string,
  sessionId: string,
  context: { ip: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { id: sessionId, userId, endedAt: null },
      data: { endedAt: new Date() },
    });
    if (ended.count === 0) throw new UserFacingError('该登录已结束或不存在');
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.session-end',
      subjectType: 'User',
      subjectId: userId,
      details: { session: sessionId },
      ip: context.ip,
    });
  });
}

/**
 * The admin signs a person out everywhere: every page, action and co-editing socket of theirs stops at
 * its next check (a bumped session version and every session ended). Their account stays as it was.
 */
export async function signOutEverywhere(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  context: { ip: string | null },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new UserFacingError('账号不存在');
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const ended = await endOpenSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.sign-out-everywhere',
      subjectType: 'User',
      subjectId: userId,
      details: { email: user.email, sessions: ended },
      ip: context.ip,
    });
    return ended;
  });
}
