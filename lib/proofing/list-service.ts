// Changing 审校词库 (the chief editor's, 'proofing:edit-lists'): replace the lists from a CSV, add or
// remove one entry. Each change bumps the lists' versions (every process then rebuilds its matcher,
// store.ts) and writes an audit event in the same transaction.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db-client';
import { MAX_CSV_BYTES, MAX_ENTRIES, parseListsCsv } from './csv';
import { PROOFING_KINDS, type ProofingEntry, type ProofingKind } from './kinds';
import { readLists } from './store';

async function bump(tx: Tx, kinds: readonly ProofingKind[]): Promise<void> {
  await tx.proofingList.updateMany({ where: { kind: { in: [...kinds] } }, data: { version: { increment: 1 } } });
}

/** Replaces every list with the file's entries (the file is the whole 审校词库, as exported). */
export async function importLists(db: Db, actor: Actor, csv: string): Promise<{ count: number }> {
  if (Buffer.byteLength(csv) > MAX_CSV_BYTES)
    throw new UserFacingError(`文件太大：审校词库文件最大 ${MAX_CSV_BYTES / 1024 / 1024} MB（最多 ${MAX_ENTRIES} 条）`);
  const parsed = parseListsCsv(csv);
  if (!parsed.ok) throw new UserFacingError(parsed.error);
  await readLists(db); // the list rows exist before entries are written into them
  await db.$transaction(async (tx) => {
    const before = await tx.proofingEntry.count();
    await tx.proofingEntry.deleteMany({});
    // SQLite takes at most 32,766 bound values per statement: 6 columns, 5,000 rows each.
    for (let at = 0; at < parsed.entries.length; at += 5_000)
      await tx.proofingEntry.createMany({ data: parsed.entries.slice(at, at + 5_000) });
    await bump(tx, PROOFING_KINDS);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'proofing.import',
      subjectType: 'ProofingList',
      details: { before, after: parsed.entries.length },
    });
  });
  return { count: parsed.entries.length };
}

export async function addEntry(db: Db, actor: Actor, entry: ProofingEntry): Promise<void> {
  await readLists(db);
  await db.$transaction(async (tx) => {
    const existing = await tx.proofingEntry.findUnique({
      where: { kind_term: { kind: entry.kind, term: entry.term } },
    });
    if (existing) throw new UserFacingError(`“${entry.term}”已在这一类词库里`);
    await tx.proofingEntry.create({ data: entry });
    await bump(tx, [entry.kind]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'proofing.entry-add',
      subjectType: 'ProofingList',
      subjectId: entry.kind,
      details: { ...entry },
    });
  });
}

export async function removeEntry(db: Db, actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await tx.proofingEntry.findUnique({ where: { id } });
    if (!entry) throw new UserFacingError('这一条已不在词库里，请刷新');
    await tx.proofingEntry.delete({ where: { id } });
    await tx.proofingList.update({ where: { kind: entry.kind }, data: { version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'proofing.entry-remove',
      subjectType: 'ProofingList',
      subjectId: entry.kind,
      details: { term: entry.term, suggestion: entry.suggestion, level: entry.level, source: entry.source },
    });
  });
}
