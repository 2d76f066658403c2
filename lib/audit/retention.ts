// Applies the retention settings (lib/config/retention.ts): at start-up, and at most once an hour
// from the sign-in path, which is where sign-in attempts accumulate. Both deletes use a createdAt index.
import type { Env } from '../config/database';
import { resolveRetention, type Retention } from '../config/retention';
import type { Db } from '../db-client';
import { recordAudit } from './record';

const DAY_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export type Pruned = { loginAttempts: number; auditEvents: number };

export async function pruneOldRecords(db: Db, retention: Retention, now = new Date()): Promise<Pruned> {
  return db.$transaction(async (tx) => {
    const loginAttempts = await tx.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - retention.loginAttemptDays * DAY_MS) } },
    });
    let auditEvents = 0;
    if (retention.auditEventDays !== null) {
      const before = new Date(now.getTime() - retention.auditEventDays * DAY_MS);
      auditEvents = (await tx.auditEvent.deleteMany({ where: { createdAt: { lt: before } } })).count;
      // The log says that it was shortened, and up to when.
      if (auditEvents)
        await recordAudit(tx, {
          actorId: null,
          action: 'audit.prune',
          details: { before: before.toISOString(), count: auditEvents },
        });
    }
    return { loginAttempts: loginAttempts.count, auditEvents };
  });
}

let lastPrunedAt = 0;

/** The cheap periodic path: prunes when the last prune in this process is an hour old. */
export async function pruneWhenDue(db: Db, env: Env, now = new Date()): Promise<Pruned | null> {
  if (now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return null;
  lastPrunedAt = now.getTime();
  return pruneOldRecords(db, resolveRetention(env), now);
}
