// The one way an audit event is written: appended to the hash chain (lib/audit/chain.ts), inside the
// caller's transaction when it has one (the event then commits or rolls back with the change it
// records), else in a transaction of its own.
import type { Db, Tx } from '../db-client';
import { chainNext, GENESIS_HASH, lockChain, type ChainLink } from './chain';
import { sealUnchained } from './seal';

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  /** When it happened; now unless given (tests of retention write old events). */
  at?: Date;
};

export type AppendedEvent = ChainLink;

export async function recordAudit(client: Db | Tx, input: AuditInput): Promise<AppendedEvent> {
  // Appends wait for each other (the chain's lock): a burst of them on PostgreSQL can queue longer
  // than Prisma's default 2 s wait for a transaction (60 at once on a pool of 10 did, in
  // lib/audit/append.test.ts), so this one waits longer.
  if ('$transaction' in client)
    return client.$transaction((tx) => appendAudit(tx, input), { maxWait: 20_000, timeout: 20_000 });
  return appendAudit(client, input);
}

/** The chain's last event, or the start of an empty chain. */
export async function chainHead(tx: Tx): Promise<AppendedEvent> {
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

async function appendAudit(tx: Tx, input: AuditInput): Promise<AppendedEvent> {
  await lockChain(tx);
  let head = await chainHead(tx);
  // Events from before the chain existed have no hash until the first start after the migration
  // chains them; should an event be recorded first (a script run before the server), do it here.
  if (head.seq > 0 && head.hash === GENESIS_HASH) head = (await sealUnchained(tx)) ?? head;
  const event = chainNext(head, {
    createdAt: input.at ?? new Date(),
    actorId: input.actorId,
    action: input.action,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    details: JSON.stringify(input.details ?? {}),
    ip: input.ip ?? null,
  });
  await tx.auditEvent.create({ data: event });
  return { seq: event.seq, hash: event.hash };
}
