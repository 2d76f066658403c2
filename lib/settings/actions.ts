'use server';

// Publication settings. The masthead lines appear on every reader page, so a change revalidates them.
import { revalidatePath } from 'next/cache';

import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { revalidatePublic } from '../reader/revalidate';
import { publicationSettingsSchema, settingsFromForm } from './schemas';
import { updatePublication } from './service';

export async function updatePublicationAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('settings:edit');
    const parsed = publicationSettingsSchema.safeParse(settingsFromForm(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const changed = await updatePublication(db, actor, parsed.data);
    if (changed.length) {
      revalidatePublic();
      revalidatePath('/newsroom', 'layout');
    }
    return { ok: true };
  });
}
