import 'server-only';

import type { PasswordPolicy } from '../auth/password-rules';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { passwordChangeDue } from './password-expiry';
import { readPasswordPolicy } from './policy';

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
