// Merging the history written before coalescing, as a pure plan: which old revisions
// become one, and which are kept whatever happens because a reviewer signed them, readers were given
// them, or they put an older text back (a restore). The same rules as new saves (lib/revisions/revision-rules.ts):
// one person's saves with no pause of AUTOSAVE_PAUSE_MS between them are one revision.
import type { SignoffDecision } from '../generated/prisma/enums';
import { AUTOSAVE_PAUSE_MS, type RevisionKind } from '../revisions/revision-rules';

/** `contentKey` is equal for revisions holding the same text (a hash of the content fields). */
export type OldRevision = { id: string; version: number; authorId: string | null; createdAt: Date; contentKey: string };
export type OldSignoff = { id: string; articleVersion: number; decision: SignoffDecision; createdAt: Date };

export type KeptRevision = { id: string; kind: RevisionKind; signoffId: string | null; saves: number; createdAt: Date };
export type MergePlan = { keep: KeptRevision[]; remove: string[] };

type Mark = { kind: RevisionKind; signoffId: string | null };

/** Why a revision must stay as it is, if it must. */
function marks(revisions: OldRevision[], liveRevisionId: string | null, signoffs: OldSignoff[]): Map<string, Mark> {
  const marked = new Map<string, Mark>();
  const firstSeen = new Map<string, number>();
  revisions.forEach((revision, index) => {
    if (revision.version === 1 && revision.authorId === null)
      marked.set(revision.id, { kind: 'IMPORT', signoffId: null });
    // The same text as an older revision that is not its neighbour: someone put it back.
    const seen = firstSeen.get(revision.contentKey);
    if (seen !== undefined && seen < index - 1) marked.set(revision.id, { kind: 'RESTORE', signoffId: null });
    if (seen === undefined) firstSeen.set(revision.contentKey, index);
  });
  // A sign-off names the article version it reviewed: the text is the newest revision at or below it.
  for (const signoff of [...signoffs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const signed = revisions.filter((revision) => revision.version <= signoff.articleVersion).at(-1);
    if (signed)
      marked.set(signed.id, { kind: signoff.decision, signoffId: marked.get(signed.id)?.signoffId ?? signoff.id });
  }
  if (liveRevisionId && revisions.some((revision) => revision.id === liveRevisionId)) {
    const earlier = marked.get(liveRevisionId);
    // An imported story published as it came stays an import in its history.
    marked.set(liveRevisionId, {
      kind: earlier?.kind === 'IMPORT' ? 'IMPORT' : 'PUBLISH',
      signoffId: earlier?.signoffId ?? null,
    });
  }
  return marked;
}

/** `revisions` oldest first. */
export function planMerge(revisions: OldRevision[], liveRevisionId: string | null, signoffs: OldSignoff[]): MergePlan {
  const marked = marks(revisions, liveRevisionId, signoffs);
  const runs: OldRevision[][] = [];
  for (const revision of revisions) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    const joins =
      run &&
      last &&
      !marked.has(last.id) &&
      marked.get(revision.id)?.kind !== 'RESTORE' &&
      last.authorId === revision.authorId &&
      revision.createdAt.getTime() - last.createdAt.getTime() < AUTOSAVE_PAUSE_MS;
    if (joins) run.push(revision);
    else runs.push([revision]);
  }
  const keep: KeptRevision[] = [];
  const remove: string[] = [];
  for (const run of runs) {
    const last = run.at(-1)!;
    const mark = marked.get(last.id);
    const kind: RevisionKind = mark?.kind ?? (run.length === 1 && last.version === 1 ? 'CREATE' : 'AUTOSAVE');
    keep.push({
      id: last.id,
      kind,
      signoffId: mark?.signoffId ?? null,
      saves: run.length,
      createdAt: run[0]!.createdAt,
    });
    remove.push(...run.slice(0, -1).map((revision) => revision.id));
  }
  return { keep, remove };
}
