'use server';
// Story editor actions. Thin: check the caller, validate, call the service, revalidate.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { db } from '../db';
import { requireUser } from '../auth/require-user';
import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { createArticle, moveToTrash, restoreFromTrash, restoreRevision, saveArticle, type SaveOutcome } from './editor-service';
import { heartbeat, leave } from './presence';
import { articleInputSchema, type ArticleInput } from './schemas';
import type { Doc } from '../content/types';
import { listMediaLibrary } from './queries';
import { formatDateTime } from '../dates/format';
import { testOnlySaveDelay } from '../testing/e2e-hooks';
import { parseDoc } from '../content/types';
import { requirePublication } from '../publication/lookup';

export type ConflictSnapshot = {
  version: number;
  savedBy: string;
  savedAt: string;
  story: { kicker: string; headline: string; subheadline: string; dateline: string; byline: string; summary: string; body: Doc };
};
type Saved = { version: number; savedAt: string; slug: string };
export type SaveResult = ActionResult<Saved> | { ok: false; error: string; conflict: ConflictSnapshot };

async function conflictResult(articleId: string, conflict: Extract<SaveOutcome, { ok: false }>['conflict']): Promise<SaveResult> {
  const current = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  return {
    ok: false,
    error: `${conflict.savedBy} 在 ${formatDateTime(conflict.savedAt)} 保存了更新的版本，你的修改没有覆盖它。`,
    conflict: {
      ...conflict,
      story: {
        kicker: current.kicker ?? '', headline: current.headline, subheadline: current.subheadline ?? '', dateline: current.dateline ?? '',
        byline: current.byline ?? '', summary: current.summary ?? '', body: parseDoc(current.body),
      },
    },
  };
}

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

/** `manual` is the 立即保存 button: it closes the rolling autosave revision (lib/revisions/revision-rules.ts). */
export async function saveArticleAction(articleId: string, baseVersion: number, input: ArticleInput, manual = false): Promise<SaveResult> {
  const result = await guarded<ActionResult<Saved>>(async () => {
    const user = await requireUser('newsroom:enter');
    const parsed = articleInputSchema.safeParse(input);
    if (!parsed.success) return fromZodError(parsed.error);
    if (typeof articleId !== 'string' || !Number.isInteger(baseVersion)) return { ok: false, error: '请求无效' };
    await testOnlySaveDelay();
    const outcome = await saveArticle(db, user, articleId, baseVersion, parsed.data, new Date(), manual === true ? 'SAVE' : 'AUTOSAVE');
    if (!outcome.ok) throw new ConflictSignal(outcome.conflict);
    return { ok: true, version: outcome.version, savedAt: outcome.savedAt, slug: outcome.slug };
  }).catch((error: unknown) => {
    if (error instanceof ConflictSignal) return conflictResult(articleId, error.conflict);
    throw error;
  });
  return result;
}

class ConflictSignal extends Error {
  constructor(readonly conflict: Extract<SaveOutcome, { ok: false }>['conflict']) {
    super('conflict');
  }
}

export async function restoreRevisionAction(articleId: string, revisionId: string, baseVersion: number): Promise<SaveResult> {
  return guarded<ActionResult<Saved>>(async () => {
    const user = await requireUser('newsroom:enter');
    const outcome = await restoreRevision(db, user, String(articleId), String(revisionId), Number(baseVersion));
    if (!outcome.ok) return { ok: false, error: `${outcome.conflict.savedBy} 刚保存了新版本，请刷新后再恢复` };
    return { ok: true, version: outcome.version, savedAt: outcome.savedAt, slug: outcome.slug };
  });
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

export async function heartbeatAction(articleId: string): Promise<ActionResult<{ others: { name: string }[] }>> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    if (typeof articleId !== 'string' || !articleId) return { ok: false, error: '请求无效' };
    return { ok: true, others: await heartbeat(db, user, articleId) };
  });
}

export async function leaveArticleAction(articleId: string): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    if (typeof articleId !== 'string' || !articleId) return { ok: false, error: '请求无效' };
    await leave(db, user, articleId);
    return { ok: true };
  });
}

export async function mediaLibraryAction(page: number): Promise<ActionResult<{ items: Awaited<ReturnType<typeof listMediaLibrary>> }>> {
  return guarded(async () => {
    const items = await listMediaLibrary(Number.isInteger(page) && page > 0 ? page : 1);
    return { ok: true as const, items };
  });
}
