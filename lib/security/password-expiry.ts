// Whether a person's password has outlived the admin's expiry (账号安全): the newsroom then shows the
// change prompt on every page until they set a new one. A password set before this was recorded
// counts from the account's creation.
import { passwordExpired } from '../auth/password-rules';
import { readPasswordPolicy } from '../auth/security-policy';
import type { Db } from '../db-client';

export async function passwordChangeDue(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const policy = await readPasswordPolicy(db);
  if (policy.maxAgeDays <= 0) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordSetAt: true, createdAt: true } });
  return user !== null && passwordExpired(user.passwordSetAt ?? user.createdAt, policy, now);
}
