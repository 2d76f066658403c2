import 'server-only';

import type { PasswordPolicy } from '../auth/password-rules';
import { requireEnrollingUser, requireUser } from '../auth/require-user';
import { readPasswordPolicy, readRememberDevice, readSessionPolicy, readTwoFactorRoles } from '../auth/security-policy';
import { TRUSTED_DEVICE_DAYS } from '../auth/trusted-device';
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { passwordChangeDue } from './password-expiry';
import { twoFactorStatus, type TwoFactorStatus } from './two-factor-status';

/** 账号安全 as the admin's form shows it. */
export async function getPasswordPolicy(): Promise<PasswordPolicy> {
  await requireUser('settings:edit');
  return readPasswordPolicy(db);
}

/** The rules a signed-in person's next password must meet (the profile form's hint). */
export async function getOwnPasswordRules(): Promise<PasswordPolicy> {
  await requireUser('newsroom:enter');
  return readPasswordPolicy(db);
}

/** Whether the signed-in person's password has outlived the expiry (the newsroom's change prompt). */
export async function getOwnPasswordChangeDue(): Promise<boolean> {
  const user = await requireUser('newsroom:enter');
  return passwordChangeDue(db, user.id);
}

/** The signed-in person's two-factor state: the enrolment page (open to one who owes it) and the profile. */
export async function getOwnTwoFactorStatus(): Promise<TwoFactorStatus> {
  const user = await requireEnrollingUser();
  return twoFactorStatus(db, user.id, user.role);
}

/** The two-factor settings, for the admin's form: the roles that must use it, and the device option. */
export async function getTwoFactorSettings(): Promise<{ roles: Role[]; rememberDevice: boolean }> {
  await requireUser('settings:edit');
  const [roles, rememberDevice] = await Promise.all([readTwoFactorRoles(db), readRememberDevice(db)]);
  return { roles, rememberDevice };
}

/** The idle timeout in minutes, for the admin's form. */
export async function getSessionIdleMinutes(): Promise<number> {
  await requireUser('settings:edit');
  return (await readSessionPolicy(db)).idleMinutes;
}

/** The sign-in page, for anyone: days the code step may remember a browser, or null where not offered. */
export async function getRememberDeviceDays(): Promise<number | null> {
  return (await readRememberDevice(db)) ? TRUSTED_DEVICE_DAYS : null;
}
