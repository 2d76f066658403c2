// A session's row (UserSession): started when a sign-in succeeds, named by the session token's sid
// claim, checked on every request (session-validity.ts) and ended by signing out.
import type { Db, Tx } from '../db-client';

/** Browsers send long User-Agent strings; what 个人设置 shows needs the start of it. */
const USER_AGENT_CHARS = 400;

export async function startSession(
  db: Db,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const session = await db.userSession.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, USER_AGENT_CHARS) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

/** Ends one session of one person (signing out; ending it from 个人设置). False: no such open session. */
export async function endSession(db: Db, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const ended = await db.userSession.updateMany({
    where: { id: sessionId, userId, endedAt: null },
    data: { endedAt: now },
  });
  return ended.count > 0;
}

/**
 * Ends every open session of a person (signed out everywhere: an admin's doing, a deactivation, a
 * reset second factor), or every one but `keep` (one's own password change keeps the asking browser).
 * The bumped session version already refuses their tokens; this keeps their list of sessions true.
 */
export async function endOpenSessions(
  db: Db | Tx,
  userId: string,
  now = new Date(),
  keep: string | null = null,
): Promise<number> {
  const ended = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: now },
  });
  return ended.count;
}
