'use server';

// 审校 actions on one story. Thin: the capability, the service, the page again.
import { revalidatePath } from 'next/cache';

import { formText } from '../actions/form-fields';
import { guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { ignoreHit } from './ignore';

export async function ignoreProofingHitAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('newsroom:enter');
    const articleId = formText(form, 'articleId');
    await ignoreHit(db, actor, articleId, formText(form, 'key'), formText(form, 'reason'));
    revalidatePath(`/newsroom/articles/${articleId}`);
    return { ok: true };
  });
}
