'use server';

// Two-factor sign-in: one's own enrolment and recovery codes, and the admin's reset.
import { revalidatePath } from 'next/cache';
import QRCode from 'qrcode';

import { formFields } from '../actions/form-fields';
import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { requireEnrollingUser, requireUser } from '../auth/require-user';
import { formatTotpKey } from '../auth/totp';
import { db } from '../db';
import { requestIp } from '../http/request-ip';
import { userRefSchema } from './schemas';
import { confirmEnrolment, regenerateRecoveryCodes, resetTwoFactor, startEnrolment } from './two-factor-service';

/** A new secret for the authenticator app: the QR code (a PNG data URL) and the key, shown this once. */
export async function startEnrolmentAction(): Promise<ActionResult<{ qr: string; key: string }>> {
  return guarded(async () => {
    // Open to a person who owes the set-up: setting it up is what they are let in for.
    const user = await requireEnrollingUser();
    const { secret, uri } = await startEnrolment(db, user.id);
    const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    return { ok: true, qr, key: formatTotpKey(secret) };
  });
}

export async function confirmEnrolmentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return guarded(async () => {
    const user = await requireEnrollingUser();
    const code = String(formData.get('code') ?? '');
    const { recoveryCodes } = await confirmEnrolment(db, user.id, code, { ip: await requestIp() });
    // No revalidation here: it would re-render /two-factor as "enabled" and take the recovery codes off
    // the screen before they were written down. The newsroom's pages are rendered per request anyway.
    return { ok: true, recoveryCodes };
  });
}

export async function regenerateRecoveryCodesAction(): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return guarded(async () => {
    const user = await requireUser('newsroom:enter');
    return { ok: true, ...(await regenerateRecoveryCodes(db, user.id, { ip: await requestIp() })) };
  });
}

export async function resetTwoFactorAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('user:manage');
    const parsed = userRefSchema.safeParse(formFields(formData));
    if (!parsed.success) return fromZodError(parsed.error);
    await resetTwoFactor(db, actor, parsed.data.userId, { ip: await requestIp() });
    revalidatePath(`/newsroom/admin/users/${parsed.data.userId}`);
    return { ok: true };
  });
}
