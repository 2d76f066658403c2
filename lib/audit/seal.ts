// Chains the events written before the chain existed. The audit_chain migration numbers them in the
// order they were written and leaves their hashes empty (SQLite has no SHA-256 in SQL); this fills
// them in that order, once: at start-up and in `npm run db:migrate`, or from the first append.
// Safe to repeat: with nothing left unchained it reads one row and stops. It only ever chains a
// prefix of the log (unchained events before every chained one), never an unchained event after a
// chained one: emptying a hash later must show as a break, not be quietly re-chained.
import type { Db, Tx } from '../db-client';
import { auditHash, GENESIS_HASH, lockChain } from './chain';

const BATCH = 2000;

/** Chains the unchained prefix; returns the new head, or null when there was nothing to do. */
export async function sealUnchained(tx: Tx): Promise<{ seq: number; hash: string } | null> {
  // Unchained events only ever form a prefix, so a chained head means there is nothing to do.
  const lastUnchained = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  if (!lastUnchained || lastUnchained.hash !== GENESIS_HASH) return null;
  const chainedBefore = await tx.auditEvent.count({
    where: { seq: { lt: lastUnchained.seq }, hash: { not: GENESIS_HASH } },
  });
  if (chainedBefore > 0) return null;
  let prevHash = GENESIS_HASH;
  let head: { seq: number; hash: string } | null = null;
  for (let after = 0; ;) {
    const rows = await tx.auditEvent.findMany({
      where: { seq: { gt: after, lte: lastUnchained.seq } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    if (!rows.length) break;
    for (const row of rows) {
      const hash = auditHash({ ...row, prevHash });
      await tx.auditEvent.update({ where: { id: row.id }, data: { prevHash, hash } });
      prevHash = hash;
      head = { seq: row.seq, hash };
    }
    after = rows.at(-1)!.seq;
  }
  return head;
}

/** The start-up step: chains what the migration left unchained; says how many. */
export async function sealUnchainedEvents(db: Db): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await lockChain(tx);
      return (await sealUnchained(tx))?.seq ?? 0;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
