// 审校词库's page and export: the entries, per kind, for the chief editor.
import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { isProofingKind, PROOFING_KINDS, type ProofingKind } from './kinds';
import { readEntries, readLists } from './store';

export async function exportEntries() {
  await requireUser('proofing:edit-lists');
  await readLists(db);
  return readEntries(db);
}

/** One kind's entries, newest changes visible at once (the page is dynamic), and how many each kind holds. */
export async function listPage(kindParam: string | undefined) {
  await requireUser('proofing:edit-lists');
  await readLists(db);
  const kind: ProofingKind = kindParam && isProofingKind(kindParam) ? kindParam : 'TERM';
  const [entries, counts] = await Promise.all([
    db.proofingEntry.findMany({ where: { kind }, orderBy: { term: 'asc' }, take: 500 }),
    db.proofingEntry.groupBy({ by: ['kind'], _count: { _all: true } }),
  ]);
  return {
    kind,
    entries,
    counts: Object.fromEntries(
      PROOFING_KINDS.map((each) => [each, counts.find((row) => row.kind === each)?._count._all ?? 0]),
    ) as Record<ProofingKind, number>,
  };
}
