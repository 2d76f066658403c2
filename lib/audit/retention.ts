// Applies the retention settings (lib/config/retention.ts): at start-up, and at most once an hour
// from the sign-in path, which is where sign-in attempts accumulate (that hourly pass also writes the
// audit log's daily digests, lib/audit/digest.ts). Both deletes use an index (createdAt, seq).
import type { Env } from '../config/database';
import { resolveRetention, type Retention } from '../config/retention';
import type { Db, Tx } from '../db-client';
import { lockChain } from './chain';
import { writeDueDigests } from './digest';
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
      auditEvents = await pruneAuditChain(tx, before, now);
    }
    return { loginAttempts: loginAttempts.count, auditEvents };
  });
}

/**
 * Removes the oldest events, always a whole prefix of the chain: everything before the first event
 * of `before` or later (seq order and time order agree except across a clock change, and a gap in
 * the middle would read as a deletion). The event that records the prune carries the anchor, the
 * seq and hash of the last event removed, which the oldest kept event links to; it is appended
 * first, so it is itself in the chain and never among the removed.
 */
async function pruneAuditChain(tx: Tx, before: Date, now: Date): Promise<number> {
  await lockChain(tx);
  const firstKept = await tx.auditEvent.findFirst({
    where: { createdAt: { gte: before } },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  });
  const last = await tx.auditEvent.findFirst({
    where: firstKept ? { seq: { lt: firstKept.seq } } : {},
    orderBy: { seq: 'desc' },
    select: { seq: true, hash: true },
  });
  if (!last) return 0;
  const count = await tx.auditEvent.count({ where: { seq: { lte: last.seq } } });
  await recordAudit(tx, {
    actorId: null,
    action: 'audit.prune',
    details: { before: before.toISOString(), count, throughSeq: last.seq, throughHash: last.hash },
    at: now,
  });
  await tx.auditEvent.deleteMany({ where: { seq: { lte: last.seq } } });
  return count;
}

let lastPrunedAt = 0;

/** The cheap periodic path: prunes when the last prune in this process is an hour old. */
export async function pruneWhenDue(db: Db, env: Env, now = new Date()): Promise<Pruned | null> {
  if (now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return null;
  lastPrunedAt = now.getTime();
  const pruned = await pruneOldRecords(db, resolveRetention(env), now);
  await writeDueDigests(db, env, now);
  return pruned;
}
