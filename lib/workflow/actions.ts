'use server';

// Workflow steps on one story. Thin: check the capability, call the service, revalidate the
// newsroom page and, when readers are affected, exactly the public pages the story is on.
import { revalidatePath } from 'next/cache';

import type { Actor } from '../access/actor';
import type { Capability } from '../access/capabilities';
import { formText } from '../actions/form-fields';
import { guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { revalidateArticle } from '../reader/revalidate';
import { readSchedule } from './schedule-input';
import {
  addComment,
  approveArticle,
  correctArticle,
  publishArticle,
  retractArticle,
  returnArticle,
  submitArticle,
  unscheduleArticle,
  type StepResult,
} from './service';

type Step = (actor: Actor, articleId: string, form: FormData) => Promise<StepResult | void>;

async function run(capability: Capability, form: FormData, step: Step): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser(capability);
    const articleId = formText(form, 'articleId');
    const result = await step(actor, articleId, form);
    revalidatePath(`/newsroom/articles/${articleId}`);
    revalidatePath('/newsroom');
    if (result?.readersAffected) revalidateArticle(result.slug, result.issueNumbers);
    return { ok: true };
  });
}

export async function submitArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:edit-own', form, (actor, id) => submitArticle(db, actor, id));
}

export async function approveArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:review', form, (actor, id) => approveArticle(db, actor, id, formText(form, 'comment')));
}

/** 签发 over an open 禁止-level 审校 hit: the chief editor's reason is kept with the sign-off. */
export async function overrideProofingSignoffAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('proofing:override', form, (actor, id) =>
    approveArticle(db, actor, id, formText(form, 'comment'), new Date(), formText(form, 'reason')),
  );
}

export async function returnArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:review', form, (actor, id) => returnArticle(db, actor, id, formText(form, 'comment')));
}

export async function publishArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:publish', form, (actor, id) =>
    publishArticle(
      db,
      actor,
      id,
      readSchedule({ when: form.get('when'), date: form.get('date'), time: form.get('time') }),
    ),
  );
}

export async function unscheduleArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:publish', form, (actor, id) => unscheduleArticle(db, actor, id));
}

export async function correctArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:publish', form, (actor, id) => correctArticle(db, actor, id, formText(form, 'note')));
}

export async function retractArticleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('article:publish', form, (actor, id) => retractArticle(db, actor, id, formText(form, 'note')));
}

export async function addCommentAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return run('newsroom:enter', form, (actor, id) => addComment(db, actor, id, formText(form, 'body')));
}
