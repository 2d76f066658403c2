// What the story editor takes to check in the browser: the lists and the entries this story ignores.
import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import type { ProofingEntry } from './kinds';
import { readEntries, readLists } from './store';

export type EditorProofing = { entries: ProofingEntry[]; ignored: string[] };

/** Called after the editor page's own access check (lib/collab/editor-page.ts). */
export async function editorProofing(articleId: string): Promise<EditorProofing> {
  await requireUser('newsroom:enter');
  await readLists(db);
  const [entries, ignores] = await Promise.all([
    readEntries(db),
    db.proofingIgnore.findMany({ where: { articleId }, select: { key: true } }),
  ]);
  return { entries, ignored: ignores.map((ignore) => ignore.key) };
}
