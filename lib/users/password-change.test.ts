import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser, TEST_PASSWORD } from '../../test/support/users';
import { verifyPassword } from '../auth/password';
import { passwordChangeDue } from '../security/password-expiry';
import { updatePasswordPolicy } from '../security/service';
import { changeOwnPassword, redeemToken } from './account-service';
import { createAccount } from './admin-service';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const ctx = { ip: '127.0.0.1' };
const DAY = 86_400_000;

describe('setting a password under the policy', () => {
  it('an invitation refuses a password with the name, the e-mail or a common one, and changes nothing', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const { link, userId } = await createAccount(
      db,
      admin,
      { name: '章若楠', email: 'zhangruonan@example.com', role: 'REPORTER' },
      ctx,
    );
    const token = link.slice('/invite/'.length);
    for (const [password, message] of [
      ['Zhangruonan-2026', '密码不能包含姓名或邮箱'],
      ['章若楠的密码Ab12', '密码不能包含姓名或邮箱'],
      ['kecheng2026news', '密码需要包含小写字母、大写字母、数字、符号中的至少 3 种'],
      ['Password123', '这个密码太常见，已出现在泄露密码列表中，请换一个'],
    ] as const) {
      await expect(redeemToken(db, { token, password }, ctx)).rejects.toThrow(message);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      passwordHash: null,
      passwordSetAt: null,
    });
    const now = new Date('2026-03-01T08:00:00Z');
    await redeemToken(db, { token, password: 'Kecheng-News-2026' }, { ...ctx, now });
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ passwordSetAt: now });
    expect(await db.passwordHistory.count({ where: { userId } })).toBe(1);
  });

  it('refuses any of the last 5 passwords, the current one included, and allows the sixth back', async () => {
    const user = await makeUser(db, 'EDITOR');
    const passwords = ['Kecheng-One-2026', 'Kecheng-Two-2026', 'Kecheng-Three-2026', 'Kecheng-Four-2026'];
    let current = TEST_PASSWORD;
    for (const next of passwords) {
      await changeOwnPassword(db, user.id, { current, next }, ctx);
      current = next;
    }
    await expect(changeOwnPassword(db, user.id, { current, next: passwords[0]! }, ctx)).rejects.toThrow(
      '新密码不能与最近 5 次使用过的密码相同',
    );
    await changeOwnPassword(db, user.id, { current, next: 'Kecheng-Five-2026' }, ctx);
    await changeOwnPassword(db, user.id, { current: 'Kecheng-Five-2026', next: 'Kecheng-Six-2026' }, ctx);
    // Five newer ones now: the first may come back.
    await changeOwnPassword(db, user.id, { current: 'Kecheng-Six-2026', next: passwords[0]! }, ctx);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, passwords[0]!)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'user.password-change', actorId: user.id } })).toBe(7);
  });

  it('a stricter policy applies to the next password; a refused one is not audited', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const user = await makeUser(db, 'REPORTER');
    const changed = await updatePasswordPolicy(
      db,
      admin,
      { minLength: 16, minClasses: 4, historyCount: 5, maxAgeDays: 0 },
      ctx,
    );
    expect(changed).toEqual(['minLength', 'minClasses']);
    try {
      await expect(
        changeOwnPassword(db, user.id, { current: TEST_PASSWORD, next: 'kecheng-news-2026' }, ctx),
      ).rejects.toThrow('密码需要包含小写字母、大写字母、数字、符号中的至少 4 种');
      await expect(
        changeOwnPassword(db, user.id, { current: TEST_PASSWORD, next: 'Kecheng-News-26' }, ctx),
      ).rejects.toThrow('密码至少需要 16 个字符');
      expect(await db.auditEvent.count({ where: { action: 'user.password-change', actorId: user.id } })).toBe(0);
      await changeOwnPassword(db, user.id, { current: TEST_PASSWORD, next: 'Kecheng-News-2026' }, ctx);
    } finally {
      await db.securityPolicy.deleteMany();
    }
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.security' } });
    expect(JSON.parse(event.details)).toEqual({ minLength: { from: 10, to: 16 }, minClasses: { from: 3, to: 4 } });
    expect(
      await updatePasswordPolicy(db, admin, { minLength: 10, minClasses: 3, historyCount: 5, maxAgeDays: 0 }, ctx),
    ).toEqual([]);
  });
});

describe('password expiry (the change prompt)', () => {
  it('is due once the password is older than the expiry, counting from creation when never set here', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const user = await makeUser(db, 'REPORTER');
    const created = user.createdAt.getTime();
    expect(await passwordChangeDue(db, user.id, new Date(created + 400 * DAY))).toBe(false);
    await updatePasswordPolicy(db, admin, { minLength: 10, minClasses: 3, historyCount: 5, maxAgeDays: 90 }, ctx);
    try {
      expect(await passwordChangeDue(db, user.id, new Date(created + 89 * DAY))).toBe(false);
      expect(await passwordChangeDue(db, user.id, new Date(created + 90 * DAY))).toBe(true);
      const changedAt = new Date(created + 100 * DAY);
      await changeOwnPassword(
        db,
        user.id,
        { current: TEST_PASSWORD, next: 'Kecheng-News-2026' },
        { ...ctx, now: changedAt },
      );
      expect(await passwordChangeDue(db, user.id, new Date(changedAt.getTime() + 89 * DAY))).toBe(false);
      expect(await passwordChangeDue(db, user.id, new Date(changedAt.getTime() + 90 * DAY))).toBe(true);
    } finally {
      await db.securityPolicy.deleteMany();
    }
  });
});
