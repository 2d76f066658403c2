// What a person does to their own account: accept an invitation / reset link, change name and password.
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { verifyPassword } from '../auth/password';
import { endOpenSessions } from '../auth/sessions';
import type { Db } from '../db-client';
import type { TokenKind } from '../generated/prisma/enums';
import { hashNewPassword, storePasswordHash } from './password-change';
import { hashToken } from './tokens';

export type TokenInfo = { kind: TokenKind; name: string; email: string };

const LINK_INVALID = '链接无效或已过期，请联系管理员重新发送';

export async function lookupToken(db: Db, token: string, now = new Date()): Promise<TokenInfo | null> {
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { kind: row.kind, name: row.user.name, email: row.user.email };
}

export async function redeemToken(
  db: Db,
  input: { token: string; password: string },
  context: { ip: string | null; now?: Date },
): Promise<{ email: string }> {
  const now = context.now ?? new Date();
  // The rules need the account (its name, e-mail and history): the link names it.
  const holder = await db.authToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!holder) throw new UserFacingError(LINK_INVALID);
  const { passwordHash } = await hashNewPassword(db, {
    userId: holder.user.id,
    owner: holder.user,
    password: input.password,
    field: 'password',
  });
  return db.$transaction(async (tx) => {
    const row = await tx.authToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      include: { user: true },
    });
    if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) throw new UserFacingError(LINK_INVALID);
    // Marking it used inside the transaction makes a link single-use even when clicked twice at once.
    const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new UserFacingError(LINK_INVALID);
    await storePasswordHash(tx, row.userId, passwordHash, now, {
      sessionVersion: { increment: 1 },
      failedLogins: 0,
      lockedUntil: null,
    });
    await recordAudit(tx, {
      actorId: row.userId,
      action: row.kind === 'INVITE' ? 'user.invite-accepted' : 'user.password-reset',
      subjectType: 'User',
      subjectId: row.userId,
      ip: context.ip,
    });
    return { email: row.user.email };
  });
}

export async function renameSelf(db: Db, userId: string, name: string, context: { ip: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    if (before.name === name) return;
    await tx.user.update({ where: { id: userId }, data: { name } });
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.rename',
      subjectType: 'User',
      subjectId: userId,
      details: { from: before.name, to: name },
      ip: context.ip,
    });
  });
}

/**
 * Changes a person's own password and signs them out everywhere else (as an admin's reset does):
 * every session and co-editing socket issued under the old session version stops. Returns the new
 * session version, under which the caller re-issues the asking browser's own session.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: { current: string; next: string },
  context: { ip: string | null; now?: Date; keepSessionId?: string | null },
): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new UserFacingError('当前密码不正确', { current: '当前密码不正确' });
  }
  if (input.next === input.current)
    throw new UserFacingError('新密码不能与当前密码相同', { next: '新密码不能与当前密码相同' });
  const { passwordHash } = await hashNewPassword(db, { userId, owner: user, password: input.next, field: 'next' });
  return db.$transaction(async (tx) => {
    const changed = await storePasswordHash(tx, userId, passwordHash, context.now ?? new Date(), {
      sessionVersion: { increment: 1 },
    });
    await endOpenSessions(tx, userId, context.now ?? new Date(), context.keepSessionId ?? null);
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.password-change',
      subjectType: 'User',
      subjectId: userId,
      ip: context.ip,
    });
    return { sessionVersion: changed.sessionVersion };
  });
}
