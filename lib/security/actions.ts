'use server';

// 账号安全: the admin saves the password policy, the roles that must use two-factor sign-in and the idle timeout.
import { revalidatePath } from 'next/cache';

import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { requestIp } from '../http/request-ip';
import {
  passwordPolicyFromForm,
  passwordPolicySchema,
  sessionIdleFromForm,
  sessionIdleSchema,
  twoFactorRolesFromForm,
  twoFactorRolesSchema,
} from './schemas';
import { updatePasswordPolicy, updateRememberDevice, updateSessionIdle, updateTwoFactorRoles } from './service';

export async function updatePasswordPolicyAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('settings:edit');
    const parsed = passwordPolicySchema.safeParse(passwordPolicyFromForm(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const changed = await updatePasswordPolicy(db, actor, parsed.data, { ip: await requestIp() });
    // The form shows the saved values, and the expiry decides the change prompt on every newsroom page.
    if (changed.length) revalidatePath('/newsroom', 'layout');
    return { ok: true };
  });
}

export async function updateTwoFactorRolesAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('settings:edit');
    const parsed = twoFactorRolesSchema.safeParse(twoFactorRolesFromForm(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const context = { ip: await requestIp() };
    // Every newsroom page decides from this whether to send someone to set up two-factor sign-in.
    if (await updateTwoFactorRoles(db, actor, parsed.data.roles, context)) revalidatePath('/newsroom', 'layout');
    if (await updateRememberDevice(db, actor, parsed.data.rememberDevice, context)) {
      revalidatePath('/newsroom/admin/settings');
    }
    return { ok: true };
  });
}

export async function updateSessionIdleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('settings:edit');
    const parsed = sessionIdleSchema.safeParse(sessionIdleFromForm(form));
    if (!parsed.success) return fromZodError(parsed.error);
    if (await updateSessionIdle(db, actor, parsed.data.idleMinutes, { ip: await requestIp() })) {
      revalidatePath('/newsroom/admin/settings');
    }
    return { ok: true };
  });
}
