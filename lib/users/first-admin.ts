// First run (README: Two commands): make sure the newsroom has an administrator. The account comes from
// ADMIN_EMAIL / ADMIN_PASSWORD, or gets a generated password that is shown once and never stored.
import { randomBytes } from 'node:crypto';

import { hashPassword, passwordProblem } from '../auth/password';
import { ConfigError, type Env } from '../config/database';
import type { Db } from '../db-client';
import { normaliseEmail } from './email';

export { normaliseEmail };

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';

export type FirstAdminResult = { created: false } | { created: true; email: string; generatedPassword: string | null };

export async function ensureFirstAdmin(db: Db, env: Env): Promise<FirstAdminResult> {
  const existing = await db.user.count({ where: { role: 'ADMIN' } });
  if (existing > 0) return { created: false };

  const email = normaliseEmail(env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL "${email}" 不是有效的邮箱地址`);
  const given = env.ADMIN_PASSWORD;
  if (given !== undefined && given !== '') {
    const problem = passwordProblem(given);
    if (problem) throw new ConfigError(`ADMIN_PASSWORD 不可用：${problem}`);
  }
  const password = given || generatePassword();
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    const admin = await tx.user.create({ data: { email, name: '管理员', role: 'ADMIN', passwordHash } });
    await tx.auditEvent.create({
      data: {
        actorId: null,
        action: 'user.bootstrap-admin',
        subjectType: 'User',
        subjectId: admin.id,
        details: JSON.stringify({ email }),
      },
    });
  });
  return { created: true, email, generatedPassword: given ? null : password };
}

function generatePassword(): string {
  // 18 random bytes → 24 URL-safe characters: easy to copy, far beyond guessing.
  return randomBytes(18).toString('base64url');
}
