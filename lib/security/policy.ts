// Reading the admin's password policy (model SecurityPolicy, one row with id 1). No row yet means the
// defaults, so a fresh install and an upgraded one behave the same until the admin saves the form.
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../auth/password-rules';
import type { Db, Tx } from '../db-client';

export const POLICY_ID = 1;

export async function readPasswordPolicy(db: Db | Tx): Promise<PasswordPolicy> {
  const row = await db.securityPolicy.findUnique({ where: { id: POLICY_ID } });
  if (!row) return DEFAULT_PASSWORD_POLICY;
  return {
    minLength: row.passwordMinLength,
    minClasses: row.passwordMinClasses,
    historyCount: row.passwordHistory,
    maxAgeDays: row.passwordMaxAgeDays,
  };
}
