// "正在由 某某 编辑": whoever has a story open sends a heartbeat; a presence older than the window has
// left (closed tab, lost connection) without anyone having to clean up.
import type { Db } from '../db-client';

export const PRESENCE_WINDOW_MS = 45_000;
export const HEARTBEAT_MS = 15_000;

export async function heartbeat(db: Db, articleId: string, userId: string, now = new Date()): Promise<{ name: string }[]> {
  await db.presence.upsert({
    where: { articleId_userId: { articleId, userId } },
    create: { articleId, userId, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  return othersEditing(db, articleId, userId, now);
}

export async function othersEditing(db: Db, articleId: string, userId: string, now = new Date()): Promise<{ name: string }[]> {
  const rows = await db.presence.findMany({
    where: { articleId, userId: { not: userId }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { lastSeenAt: 'desc' },
    select: { user: { select: { name: true } } },
  });
  return rows.map((row) => ({ name: row.user.name }));
}

export async function leave(db: Db, articleId: string, userId: string): Promise<void> {
  await db.presence.deleteMany({ where: { articleId, userId } });
}
