'use server';

// Issue planner actions. Layout changes only touch the newsroom; publishing, scheduling and
// unscheduling change what readers may see, so they revalidate the whole public site.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import type { Actor } from '../access/actor';
import { formText } from '../actions/form-fields';
import { guarded, UserFacingError, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { resolveMediaDir } from '../config/media-dir';
import { db } from '../db';
import { deleteUnreferenced } from '../epaper/cleanup';
import { requirePublication } from '../publication/lookup';
import { revalidatePublic } from '../reader/revalidate';
import { readSchedule } from '../workflow/schedule-input';
import {
  createIssue,
  placeArticle,
  publishIssue,
  removeFromIssue,
  setContinuation,
  unscheduleIssue,
} from './planner-service';

function text(form: FormData, name: string): string {
  return formText(form, name).trim();
}

function revalidatePlanner(issueNumber: number | string): void {
  revalidatePath(`/newsroom/issues/${issueNumber}`);
  revalidatePath('/newsroom/issues');
  revalidatePath('/newsroom');
}

export async function createIssueAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const result = await guarded(async () => {
    const actor = await requireUser('issue:plan');
    const publication = await requirePublication(db, { id: true });
    const pageCount = Number(text(form, 'pageCount'));
    if (!Number.isInteger(pageCount)) throw new UserFacingError('版数应为整数', { pageCount: '版数应为整数' });
    const names = text(form, 'pageNames')
      .split(/[,，、\s]+/)
      .filter(Boolean);
    const pageNames = Array.from({ length: Math.max(0, Math.min(pageCount, 100)) }, (_, index) => names[index] ?? '');
    const issue = await createIssue(db, actor, publication.id, {
      number: Number(text(form, 'number')),
      date: text(form, 'date'),
      pageNames,
    });
    revalidatePlanner(issue.number);
    return { ok: true as const, number: issue.number };
  });
  if (result.ok) redirect(`/newsroom/issues/${(result as { number: number }).number}`);
  return result;
}

type Layout = { issueId: string; issueNumber: number; articleId: string };

function layout(input: Layout, change: (actor: Pick<Actor, 'id'>) => Promise<void>): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:plan');
    if (typeof input?.issueId !== 'string' || typeof input.articleId !== 'string')
      return { ok: false, error: '请求无效' };
    await change(actor);
    revalidatePlanner(input.issueNumber);
    return { ok: true };
  });
}

export async function placeArticleAction(input: Layout & { page: number; position?: number }): Promise<ActionResult> {
  return layout(input, (actor) =>
    placeArticle(
      db,
      actor,
      input.issueId,
      input.articleId,
      Number(input.page),
      input.position === undefined ? undefined : Number(input.position),
    ),
  );
}

export async function removeFromIssueAction(input: Layout): Promise<ActionResult> {
  return layout(input, (actor) => removeFromIssue(db, actor, input.issueId, input.articleId));
}

export async function setContinuationAction(input: Layout & { page: number | null }): Promise<ActionResult> {
  return layout(input, (actor) =>
    setContinuation(db, actor, input.issueId, input.articleId, input.page === null ? null : Number(input.page)),
  );
}

export async function publishIssueAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:publish');
    const at = readSchedule({ when: form.get('when'), date: form.get('date'), time: form.get('time') });
    const issue = await publishIssue(db, actor, text(form, 'issueId'), at);
    await deleteUnreferenced(db, resolveMediaDir(process.env), issue.displacedEpaper);
    revalidatePlanner(issue.number);
    revalidatePublic();
    return { ok: true };
  });
}

export async function unscheduleIssueAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:publish');
    const issue = await unscheduleIssue(db, actor, text(form, 'issueId'));
    revalidatePlanner(issue.number);
    revalidatePublic();
    return { ok: true };
  });
}
