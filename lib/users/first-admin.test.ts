import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { verifyPassword } from '../auth/password';
import { ensureFirstAdmin } from './first-admin';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

describe('the first admin', () => {
  it('refuses an ADMIN_PASSWORD the password rules refuse, naming the rule, and creates nothing', async () => {
    await expect(ensureFirstAdmin(db, { ADMIN_PASSWORD: 'admin-password-2026' })).rejects.toThrow(
      'ADMIN_PASSWORD 不可用：密码不能包含姓名或邮箱',
    );
    await expect(ensureFirstAdmin(db, { ADMIN_PASSWORD: 'newsroom-root' })).rejects.toThrow(
      'ADMIN_PASSWORD 不可用：密码需要包含小写字母、大写字母、数字、符号中的至少 3 种',
    );
    expect(await db.user.count({ where: { role: 'ADMIN' } })).toBe(0);
  });

  it('generates a password the rules accept and records when it was set', async () => {
    const result = await ensureFirstAdmin(db, {});
    if (!result.created || !result.generatedPassword) throw new Error('expected a generated password');
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(await verifyPassword(admin.passwordHash!, result.generatedPassword)).toBe(true);
    expect(admin.passwordSetAt).not.toBeNull();
    expect(await db.passwordHistory.count({ where: { userId: admin.id } })).toBe(1);
    expect(await ensureFirstAdmin(db, {})).toEqual({ created: false });
  });
});
