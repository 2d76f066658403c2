'use server';

// Sessions: ending one of one's own, forgetting one's remembered browsers (个人设置), and the admin's
// signing a person out everywhere.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { formFields } from '../actions/form-fields';
import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { requestIp } from '../http/request-ip';
import { userRefSchema } from './schemas';
import { endOwnSession, forgetOwnDevices, signOutEverywhere } from './session-service';

const sessionRefSchema = z.object({ sessionId: z.string().min(1, '缺少要结束的登录').max(64) });

export async function endOwnSessionAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    const parsed = sessionRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await endOwnSession(db, user.id, parsed.data.sessionId, { ip: await requestIp() });
    revalidatePath('/newsroom/profile');
    return { ok: true };
  });
}

export async function forgetOwnDevicesAction(): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    await forgetOwnDevices(db, user.id, { ip: await requestIp() });
    revalidatePath('/newsroom/profile');
    return { ok: true };
  });
}

export async function signOutEverywhereAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = userRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await signOutEverywhere(db, actor, parsed.data.userId, { ip: await requestIp() });
    revalidatePath(`/newsroom/admin/users/${parsed.data.userId}`);
    return { ok: true };
  });
}
