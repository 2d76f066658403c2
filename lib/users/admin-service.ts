// What an admin does to accounts. Each act runs in one transaction with its audit event; the rules
// that protect the newsroom (a last active admin, authored content) are checked inside it.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { endOpenSessions } from '../auth/sessions';
import { lockActiveAdmins } from '../database/row-lock';
import type { Db, Tx } from '../db-client';
import type { Role } from '../generated/prisma/enums';
import { normaliseEmail } from './email';
import { INVITE_TTL_MS, newToken, RESET_TTL_MS, tokenPath } from './tokens';

export type Context = { ip: string | null; now?: Date };

export async function createAccount(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: { name: string; email: string; role: Role; department?: string },
  context: Context,
): Promise<{ userId: string; link: string }> {
  const email = normaliseEmail(input.email);
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new UserFacingError('该邮箱已有账号', { email: '该邮箱已有账号' });
    }
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), role: input.role, department: input.department?.trim() || null },
    });
    const { token, tokenHash } = newToken();
    await tx.authToken.create({
      data: {
        tokenHash,
        kind: 'INVITE',
        userId: user.id,
        createdById: actor.id,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.create',
      subjectType: 'User',
      subjectId: user.id,
      details: {
        email,
        name: user.name,
        role: input.role,
        ...(user.department ? { department: user.department } : {}),
      },
      ip: context.ip,
    });
    return { userId: user.id, link: tokenPath(token) };
  });
}

export async function changeRole(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  role: Role,
  context: Context,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    if (user.role === role) return;
    if (user.role === 'ADMIN' && user.active) await assertAnotherActiveAdmin(tx, userId, '不能降级最后一位在职管理员');
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role',
      subjectType: 'User',
      subjectId: userId,
      details: { from: user.role, to: role },
      ip: context.ip,
    });
  });
}

/** Sets (or, given '', clears) a person's 部门, audited. */
export async function setDepartment(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  department: string,
  context: Context,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    const next = department.trim() || null;
    if (user.department === next) return;
    await tx.user.update({ where: { id: userId }, data: { department: next } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.department',
      subjectType: 'User',
      subjectId: userId,
      details: { from: user.department, to: next },
      ip: context.ip,
    });
  });
}

export async function setActive(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  active: boolean,
  context: Context,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    if (user.active === active) return;
    if (!active && user.role === 'ADMIN') await assertAnotherActiveAdmin(tx, userId, '不能停用最后一位在职管理员');
    // Bumping the session version signs the person out everywhere on their next request.
    await tx.user.update({
      where: { id: userId },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
    });
    if (!active) await endOpenSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? 'user.reactivate' : 'user.deactivate',
      subjectType: 'User',
      subjectId: userId,
      details: { email: user.email },
      ip: context.ip,
    });
  });
}

export async function issuePasswordReset(
  db: Db,
  actor: Pick<Actor, 'id'>,
  userId: string,
  context: Context,
): Promise<{ link: string }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    if (!user.active) throw new UserFacingError('账号已停用，请先启用再重置密码');
    // A new link replaces any earlier one still outstanding.
    await tx.authToken.updateMany({
      where: { userId, usedAt: null, kind: { in: ['INVITE', 'PASSWORD_RESET'] } },
      data: { expiresAt: now },
    });
    const { token, tokenHash } = newToken();
    const kind = user.passwordHash ? 'PASSWORD_RESET' : 'INVITE';
    const ttl = kind === 'INVITE' ? INVITE_TTL_MS : RESET_TTL_MS;
    await tx.authToken.create({
      data: { tokenHash, kind, userId, createdById: actor.id, expiresAt: new Date(now.getTime() + ttl) },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: kind === 'INVITE' ? 'user.invite-reissued' : 'user.password-reset-issued',
      subjectType: 'User',
      subjectId: userId,
      details: { email: user.email },
      ip: context.ip,
    });
    return { link: tokenPath(token) };
  });
}

/** Removes an account created by mistake. Anyone who wrote, edited, reviewed or uploaded anything stays (deactivate instead). */
export async function deleteAccount(db: Db, actor: Pick<Actor, 'id'>, userId: string, context: Context): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    if (userId === actor.id) throw new UserFacingError('不能删除自己的账号');
    if (user.role === 'ADMIN' && user.active) await assertAnotherActiveAdmin(tx, userId, '不能删除最后一位在职管理员');
    const [articles, authorships, revisions, signoffs, comments, media] = await Promise.all([
      tx.article.count({ where: { OR: [{ createdById: userId }, { updatedById: userId }] } }),
      tx.articleAuthor.count({ where: { userId } }),
      tx.revision.count({ where: { authorId: userId } }),
      tx.signoff.count({ where: { reviewerId: userId } }),
      tx.comment.count({ where: { authorId: userId } }),
      tx.media.count({ where: { uploaderId: userId } }),
    ]);
    if (articles + authorships + revisions + signoffs + comments + media > 0) {
      throw new UserFacingError('此人已有稿件或编辑记录，不能删除；请改为停用账号');
    }
    // The audit log names who acted, inside each event's hash (lib/audit/chain.ts): removing the
    // account would have to change those events (the foreign key refuses it: Restrict).
    if (await tx.auditEvent.count({ where: { actorId: userId } })) {
      throw new UserFacingError('此人已有操作记录（审计日志中），不能删除；请改为停用账号');
    }
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.delete',
      subjectType: 'User',
      subjectId: userId,
      details: { email: user.email, name: user.name },
      ip: context.ip,
    });
  });
}

async function loadUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserFacingError('找不到该账号');
  return user;
}

async function assertAnotherActiveAdmin(tx: Tx, userId: string, message: string): Promise<void> {
  // Counted after the lock: of two admins removing each other at once, the second counts the first's change.
  await lockActiveAdmins(tx);
  const others = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
  if (others === 0) throw new UserFacingError(message);
}
