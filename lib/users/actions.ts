'use server';

// Account actions called by forms. Thin: validate, check the caller, run the service, revalidate.
import { revalidatePath } from 'next/cache';

import { formFields } from '../actions/form-fields';
import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { getCurrentSession } from '../auth/current-user';
import { reissueOwnSession } from '../auth/reissue-session';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { requestIp } from '../http/request-ip';
import { changeOwnPassword, redeemToken, renameSelf } from './account-service';
import {
  changeRole,
  createAccount,
  deleteAccount,
  issuePasswordReset,
  setActive,
  setDepartment,
} from './admin-service';
import {
  changePasswordSchema,
  changeRoleSchema,
  createAccountSchema,
  departmentSchema,
  redeemSchema,
  renameSchema,
  userRefSchema,
} from './schemas';

const USERS_PATH = '/newsroom/admin/users';

export async function createAccountAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ link: string; userId: string }>> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = createAccountSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    const created = await createAccount(db, actor, parsed.data, { ip: await requestIp() });
    revalidatePath(USERS_PATH);
    return { ok: true, ...created };
  });
}

export async function changeRoleAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = changeRoleSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await changeRole(db, actor, parsed.data.userId, parsed.data.role, { ip: await requestIp() });
    revalidatePath(USERS_PATH);
    return { ok: true };
  });
}

export async function setDepartmentAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = departmentSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await setDepartment(db, actor, parsed.data.userId, parsed.data.department, { ip: await requestIp() });
    revalidatePath(USERS_PATH);
    revalidatePath(`${USERS_PATH}/${parsed.data.userId}`);
    return { ok: true };
  });
}

export async function deactivateAccountAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return setActiveAction(formData, false);
}

export async function reactivateAccountAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return setActiveAction(formData, true);
}

async function setActiveAction(formData: FormData, active: boolean): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = userRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await setActive(db, actor, parsed.data.userId, active, { ip: await requestIp() });
    revalidatePath(USERS_PATH);
    return { ok: true };
  });
}

export async function issuePasswordResetAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ link: string }>> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = userRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    const { link } = await issuePasswordReset(db, actor, parsed.data.userId, { ip: await requestIp() });
    return { ok: true, link };
  });
}

export async function deleteAccountAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = userRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await deleteAccount(db, actor, parsed.data.userId, { ip: await requestIp() });
    revalidatePath(USERS_PATH);
    return { ok: true };
  });
}

/** Public: the one-time link is the credential. */
export async function redeemTokenAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  return guarded(async () => {
    const parsed = redeemSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    const { email } = await redeemToken(db, parsed.data, { ip: await requestIp() });
    return { ok: true, email };
  });
}

export async function renameSelfAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    const parsed = renameSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await renameSelf(db, user.id, parsed.data.name, { ip: await requestIp() });
    revalidatePath('/newsroom', 'layout');
    return { ok: true };
  });
}

export async function changeOwnPasswordAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    const parsed = changePasswordSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    // This browser's session stays open; every other one of this person's ends.
    const keepSessionId = (await getCurrentSession())?.sessionId ?? null;
    const { sessionVersion } = await changeOwnPassword(db, user.id, parsed.data, {
      ip: await requestIp(),
      keepSessionId,
    });
    // Every other browser and socket of this person is signed out; this one stays signed in.
    await reissueOwnSession(user.id, sessionVersion);
    // A password past its expiry: the change prompt on every newsroom page goes away.
    revalidatePath('/newsroom', 'layout');
    return { ok: true };
  });
}
