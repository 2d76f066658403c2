'use server';

// 考核设置 (issue 34): the chief editor or the admin saves the center's point rules and closes (结账) a
// month. Both go through lib/stats/months.ts, which checks, writes and audits; bad input is refused
// with a Chinese line and nothing is written.
import { revalidatePath } from 'next/cache';

import { formText } from '../actions/form-fields';
import { guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { closeMonth, savePointRules } from './months';
import { pointRulesFromForm } from './rules-form';

/** Where the rules and the months are shown: 考核设置 and the 考核 page. */
const STATS_SETTINGS_PATH = '/newsroom/admin/settings/stats';
const STATS_PAGE_PATH = '/newsroom/stats';

export async function savePointRulesAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('stats:manage');
    const parsed = pointRulesFromForm(form);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    if (await savePointRules(db, actor, parsed.rules)) {
      revalidatePath(STATS_SETTINGS_PATH);
      revalidatePath(STATS_PAGE_PATH);
    }
    return { ok: true };
  });
}

export async function closeMonthAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('stats:manage');
    await closeMonth(db, actor, formText(form, 'month'));
    revalidatePath(STATS_SETTINGS_PATH);
    revalidatePath(STATS_PAGE_PATH);
    return { ok: true };
  });
}
