'use server';

// Story editor actions. Thin: check the caller, validate, call the service, revalidate.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { listMediaLibrary } from '../media/library';
import { requirePublication } from '../publication/lookup';
import { createArticle, moveToTrash, restoreFromTrash } from './editor-service';

export async function createArticleAction(_prev?: unknown, _formData?: FormData): Promise<ActionResult> {
  const result = await guarded(async () => {
    const user = await requireUser('article:create');
    const publication = await requirePublication(db, { id: true });
    const { id } = await createArticle(db, user, publication.id);
    return { ok: true as const, id };
  });
  if (result.ok) redirect(`/newsroom/articles/${(result as { id: string }).id}`);
  return result;
}

export async function trashArticleAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await guarded(async () => {
    const user = await requireUser('article:trash');
    await moveToTrash(db, user, String(formData.get('articleId') ?? ''));
    revalidatePath('/newsroom');
    return { ok: true as const };
  });
  // The story's page no longer exists for its author: go back to the dashboard and say what happened.
  if (result.ok) redirect('/newsroom?notice=trashed');
  return result;
}

export async function restoreArticleAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('article:restore');
    await restoreFromTrash(db, user, String(formData.get('articleId') ?? ''));
    revalidatePath('/newsroom/trash');
    return { ok: true };
  });
}

export async function mediaLibraryAction(
  page: number,
): Promise<ActionResult<{ items: Awaited<ReturnType<typeof listMediaLibrary>> }>> {
  return guarded(async () => {
    const items = await listMediaLibrary(Number.isInteger(page) && page > 0 ? page : 1);
    return { ok: true as const, items };
  });
}
