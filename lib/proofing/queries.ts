// What the story editor takes to check in the browser: the name of the lists' current version (the
// browser fetches them once per version, app/api/newsroom/proofing-lists) and the entries this story ignores.
import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { listsVersion } from './store';

export type EditorProofing = { version: string; ignored: string[] };

/** Called after the editor page's own access check (lib/collab/editor-page.ts). */
export async function editorProofing(articleId: string): Promise<EditorProofing> {
  await requireUser('newsroom:enter');
  const [version, ignores] = await Promise.all([
    listsVersion(db),
    db.proofingIgnore.findMany({ where: { articleId }, select: { key: true } }),
  ]);
  return { version, ignored: ignores.map((ignore) => ignore.key) };
}

/** The lists' current version, for a page that checks in the browser (the import report). */
export async function proofingListsVersion(): Promise<string> {
  await requireUser('newsroom:enter');
  return listsVersion(db);
}
