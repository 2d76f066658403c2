'use server';

// 审校词库 actions (the chief editor's). Thin: capability, input, service, the page again.
import { revalidatePath } from 'next/cache';

import { formText } from '../actions/form-fields';
import { guarded, UserFacingError, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { kindFromLabel, levelFromLabel } from './kinds';
import { addEntry, importLists, removeEntry } from './list-service';

const PAGE = '/newsroom/proofing';

export async function importProofingListsAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('proofing:edit-lists');
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) throw new UserFacingError('请选择要导入的 CSV 文件');
    const { count } = await importLists(db, actor, await file.text());
    revalidatePath(PAGE);
    return { ok: true, message: `已导入 ${count} 条` };
  });
}

export async function addProofingEntryAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('proofing:edit-lists');
    const kind = kindFromLabel(formText(form, 'kind'));
    const level = levelFromLabel(formText(form, 'level'));
    const term = formText(form, 'term').trim();
    if (!kind || !level || !term) throw new UserFacingError('请填写类别、词条和级别');
    if (term.length > 50) throw new UserFacingError('词条不能超过 50 字');
    const suggestion = formText(form, 'suggestion').trim().slice(0, 300);
    await addEntry(db, actor, { kind, level, term, suggestion, source: formText(form, 'source').trim().slice(0, 300) });
    revalidatePath(PAGE);
    return { ok: true };
  });
}

export async function removeProofingEntryAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('proofing:edit-lists');
    await removeEntry(db, actor, formText(form, 'id'));
    revalidatePath(PAGE);
    return { ok: true };
  });
}
