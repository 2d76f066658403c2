// Reads of the account list for admins. Every function checks the caller first.
import 'server-only';

import { getCurrentSession } from '../auth/current-user';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../generated/prisma/enums';
import { listOpenSessions, listRememberedDevices, type OpenSession, type RememberedDevice } from './session-service';

export const USERS_PAGE_SIZE = 25;

export type UserFilter = { q?: string; role?: Role; active?: boolean; page?: number };

export async function listUsers(filter: UserFilter) {
  await requireUser('user:manage');
  const where: Prisma.UserWhereInput = {
    ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { email: { contains: filter.q.toLowerCase() } }] } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.active === undefined ? {} : { active: filter.active }),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        department: true,
        active: true,
        lastLoginAt: true,
        createdAt: true,
        passwordHash: true,
        _count: { select: { articlesCreated: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    users: users.map(({ passwordHash, _count, ...user }) => ({
      ...user,
      invited: !passwordHash,
      articleCount: _count.articlesCreated,
    })),
  };
}

export async function getUserDetail(userId: string) {
  await requireUser('user:manage');
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      department: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      passwordHash: true,
      totpEnabledAt: true,
      _count: { select: { articlesCreated: true, revisions: true, signoffs: true } },
    },
  });
  if (!user) return null;
  const { passwordHash, totpEnabledAt, _count, ...rest } = user;
  return { ...rest, invited: !passwordHash, twoFactorSince: totpEnabledAt, counts: _count };
}

/** The 部门 names in use, for the 部门 box's suggestions (one spelling per 部门 keeps 考核's totals whole). */
export async function listDepartments(): Promise<string[]> {
  await requireUser('user:manage');
  const rows = await db.user.findMany({
    where: { department: { not: null } },
    distinct: ['department'],
    select: { department: true },
    orderBy: { department: 'asc' },
  });
  return rows.flatMap((row) => row.department ?? []);
}

/** The signed-in person's open sessions for 个人设置, the one this browser holds marked. */
export async function getOwnSessions(): Promise<(OpenSession & { current: boolean })[]> {
  const user = await requireUser('newsroom:enter');
  const currentId = (await getCurrentSession())?.sessionId;
  return (await listOpenSessions(db, user.id)).map((session) => ({ ...session, current: session.id === currentId }));
}

/** The signed-in person's remembered browsers (个人设置). */
export async function getOwnRememberedDevices(): Promise<RememberedDevice[]> {
  const user = await requireUser('newsroom:enter');
  return listRememberedDevices(db, user.id);
}

/** How many sessions a person has open, for the admin's account page. */
export async function countOpenSessions(userId: string): Promise<number> {
  await requireUser('user:manage');
  return (await listOpenSessions(db, userId)).length;
}
