import 'server-only';

import type { PasswordPolicy } from '../auth/password-rules';
import { requireUser } from '../auth/require-user';
import { readPasswordPolicy, readTwoFactorRoles } from '../auth/security-policy';
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

/** The signed-in person's two-factor state: the enrolment page, the profile, the newsroom's redirect. */
export async function getOwnTwoFactorStatus(): Promise<TwoFactorStatus> {
  const user = await requireUser('newsroom:enter');
  return twoFactorStatus(db, user.id, user.role);
}

/** The roles that must use two-factor sign-in, for the admin's form. */
export async function getTwoFactorRoles(): Promise<Role[]> {
  await requireUser('settings:edit');
  return readTwoFactorRoles(db);
}
