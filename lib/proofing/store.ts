// The lists as stored (审校词库), and the compiled matcher each process keeps for them. A kind of list
// is made with the shipped entries (lists/) the first time it is read, so an install, a test database
// and an upgraded newsroom all start with them, and a list the chief editor empties stays empty.
import { createHash } from 'node:crypto';

import type { Db, Tx } from '../db-client';
import { ProofingLists } from './check';
import { isProofingKind, isProofingLevel, PROOFING_KINDS, type ProofingEntry } from './kinds';
import { DEFAULT_LISTS } from './lists';

type Client = Db | Tx;
type ListVersion = { kind: string; version: number; updatedAt: Date };

let compiled: { signature: string; lists: ProofingLists } | null = null;

const VERSION = { kind: true, version: true, updatedAt: true } as const;

/** Makes the missing kinds of list; outside a transaction, since two requests may race to make one. */
async function ensureLists(db: Db): Promise<ListVersion[]> {
  const present = await db.proofingList.findMany({ select: VERSION });
  const missing = PROOFING_KINDS.filter((kind) => !present.some((list) => list.kind === kind));
  if (!missing.length) return present;
  for (const kind of missing) {
    try {
      await db.proofingList.create({
        data: {
          kind,
          entries: {
            create: DEFAULT_LISTS.filter((entry) => entry.kind === kind).map(({ kind: _kind, ...rest }) => rest),
          },
        },
      });
    } catch (error) {
      // Another request made it first (unique kind): theirs is the same list.
      const made = await db.proofingList.findUnique({ where: { kind } });
      if (!made) throw error;
    }
  }
  return db.proofingList.findMany({ select: VERSION });
}

export async function readEntries(db: Client): Promise<ProofingEntry[]> {
  const rows = await db.proofingEntry.findMany({ orderBy: [{ kind: 'asc' }, { term: 'asc' }] });
  return rows.flatMap((row) =>
    isProofingKind(row.kind) && isProofingLevel(row.level)
      ? [{ kind: row.kind, term: row.term, suggestion: row.suggestion, level: row.level, source: row.source }]
      : [],
  );
}

function signatureOf(versions: readonly ListVersion[]): string {
  return versions
    .map((list) => `${list.kind}:${list.version}:${list.updatedAt.getTime()}`)
    .sort()
    .join(',');
}

/**
 * One name for the lists as they are now: it changes with every change (each bumps a list's version
 * and its updatedAt), so the editor's copy can be cached for good under it (app/api/newsroom/proofing-lists).
 * The time is in it so a restored backup, whose version numbers may repeat, still gets a new name.
 */
export async function listsVersion(db: Db): Promise<string> {
  return createHash('sha256')
    .update(signatureOf(await ensureLists(db)))
    .digest('hex')
    .slice(0, 16);
}

/** The compiled lists, rebuilt only when a list's version changed (building 50,000 entries takes a while). */
export async function readLists(db: Db): Promise<ProofingLists> {
  const signature = signatureOf(await ensureLists(db));
  if (compiled?.signature === signature) return compiled.lists;
  const lists = new ProofingLists(await readEntries(db));
  compiled = { signature, lists };
  return lists;
}
