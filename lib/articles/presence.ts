// "正在由 某某 编辑": whoever has a story open sends a heartbeat; a presence older than the window has
// left (closed tab, lost connection) without anyone having to clean up. Announcing oneself (and
// leaving) needs the same right as saving the story: otherwise anyone could appear as an editor of
// a story they may not open, learn who edits it, and probe which ids exist.
import type { Db } from '../db-client';
import type { Role } from '../access/capabilities';
import { requireArticleAccess } from '../access/article-access';
import { articleGone } from '../workflow/article-state';

export const PRESENCE_WINDOW_MS = 45_000;

type Person = { id: string; role: Role };

/** The object check of the editor's save: the story exists, is not in the trash, and this person may edit it. */
async function requireEditable(db: Db, person: Person, articleId: string): Promise<void> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { deletedAt: true, createdById: true, authors: { select: { userId: true } } } });
  requireArticleAccess(person, article, 'edit', articleGone);
}

export async function heartbeat(db: Db, person: Person, articleId: string, now = new Date()): Promise<{ name: string }[]> {
  await requireEditable(db, person, articleId);
  await db.presence.upsert({
    where: { articleId_userId: { articleId, userId: person.id } },
    create: { articleId, userId: person.id, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  return othersEditing(db, articleId, person.id, now);
}

export async function othersEditing(db: Db, articleId: string, userId: string, now = new Date()): Promise<{ name: string }[]> {
  const rows = await db.presence.findMany({
    where: { articleId, userId: { not: userId }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { lastSeenAt: 'desc' },
    select: { user: { select: { name: true } } },
  });
  return rows.map((row) => ({ name: row.user.name }));
}

export async function leave(db: Db, person: Person, articleId: string): Promise<void> {
  await requireEditable(db, person, articleId);
  await db.presence.deleteMany({ where: { articleId, userId: person.id } });
}
