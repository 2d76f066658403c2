// First run (README: Two commands): make sure the newsroom has an administrator. The account comes from
// ADMIN_EMAIL / ADMIN_PASSWORD, or gets a generated password that is shown once and never stored.
import { randomBytes } from 'node:crypto';

import { recordAudit } from '../audit/record';
import { commonPasswords } from '../auth/common-passwords';
import { hashPassword } from '../auth/password';
import { passwordRuleProblem, type PasswordPolicy } from '../auth/password-rules';
import { readPasswordPolicy } from '../auth/security-policy';
import { ConfigError, type Env } from '../config/database';
import type { Db } from '../db-client';
import { normaliseEmail } from './email';
import { storePasswordHash } from './password-change';

export { normaliseEmail };

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';
const ADMIN_NAME = '管理员';

export type FirstAdminResult = { created: false } | { created: true; email: string; generatedPassword: string | null };

export async function ensureFirstAdmin(db: Db, env: Env): Promise<FirstAdminResult> {
  const existing = await db.user.count({ where: { role: 'ADMIN' } });
  if (existing > 0) return { created: false };

  const email = normaliseEmail(env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL "${email}" 不是有效的邮箱地址`);
  const policy = await readPasswordPolicy(db);
  const owner = { name: ADMIN_NAME, email };
  const given = env.ADMIN_PASSWORD;
  const common = await commonPasswords();
  if (given !== undefined && given !== '') {
    const problem = passwordRuleProblem(given, policy, owner, common);
    if (problem) throw new ConfigError(`ADMIN_PASSWORD 不可用：${problem}`);
  }
  const password = given || generatePassword(policy, owner, common);
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    const admin = await tx.user.create({ data: { email, name: ADMIN_NAME, role: 'ADMIN' } });
    await storePasswordHash(tx, admin.id, passwordHash, new Date());
    await recordAudit(tx, {
      actorId: null,
      action: 'user.bootstrap-admin',
      subjectType: 'User',
      subjectId: admin.id,
      details: { email },
    });
  });
  return { created: true, email, generatedPassword: given ? null : password };
}

function generatePassword(
  policy: PasswordPolicy,
  owner: { name: string; email: string },
  common: ReadonlySet<string>,
): string {
  // 18 random bytes → 24 URL-safe characters: easy to copy, far beyond guessing. About one in 60
  // lacks a digit or a case, which the policy's classes would refuse at the next change: draw again.
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (!passwordRuleProblem(password, policy, owner, common)) return password;
  }
}
