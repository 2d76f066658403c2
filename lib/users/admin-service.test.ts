import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { recordAudit } from '../audit/record';
import {
  changeRole,
  createAccount,
  deleteAccount,
  issuePasswordReset,
  setActive,
  setDepartment,
} from './admin-service';
import { departmentSchema } from './schemas';
import { hashToken } from './tokens';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const ctx = { ip: '127.0.0.1' };

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.authToken.deleteMany();
  await db.user.deleteMany();
});

describe('createAccount', () => {
  it('creates a user without a password, a 72-hour invitation and an audit event', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const now = new Date(Date.UTC(2026, 10, 25));
    const { userId, link } = await createAccount(
      db,
      admin,
      { name: ' 徐敏 ', email: 'XuMin@Example.com', role: 'REPORTER', department: ' 采访部 ' },
      { ...ctx, now },
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({
      name: '徐敏',
      email: 'xumin@example.com',
      role: 'REPORTER',
      department: '采访部',
      passwordHash: null,
    });
    const token = link.replace('/invite/', '');
    const stored = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(72 * 3600_000);
    expect(
      await db.auditEvent.findFirst({ where: { action: 'user.create', subjectId: userId, actorId: admin.id } }),
    ).not.toBeNull();
  });

  it('refuses a second account for the same email and changes nothing', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const { userId } = await createAccount(db, admin, { name: '甲', email: 'a@example.com', role: 'REPORTER' }, ctx);
    // No 部门 given (or left empty in the form): none.
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).department).toBeNull();
    await expect(createAccount(db, admin, { name: '乙', email: 'A@example.com', role: 'EDITOR' }, ctx)).rejects.toThrow(
      '该邮箱已有账号',
    );
    expect(await db.user.count({ where: { email: 'a@example.com' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'user.create' } })).toBe(1);
  });
});

describe('roles and activation', () => {
  it('never leaves the newsroom without an active admin', async () => {
    const admin = await makeUser(db, 'ADMIN');
    await expect(changeRole(db, admin, admin.id, 'EDITOR', ctx)).rejects.toThrow('不能降级最后一位在职管理员');
    await expect(setActive(db, admin, admin.id, false, ctx)).rejects.toThrow('不能停用最后一位在职管理员');
    const second = await makeUser(db, 'ADMIN');
    await changeRole(db, second, admin.id, 'EDITOR', ctx);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('EDITOR');
    expect(await db.auditEvent.count({ where: { action: 'user.role' } })).toBe(1);
  });

  it('deactivation bumps the session version (signs out everywhere) and is audited', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const reporter = await makeUser(db, 'REPORTER');
    await setActive(db, admin, reporter.id, false, ctx);
    const after = await db.user.findUniqueOrThrow({ where: { id: reporter.id } });
    expect(after).toMatchObject({ active: false, sessionVersion: reporter.sessionVersion + 1 });
    await setActive(db, admin, reporter.id, true, ctx);
    expect(
      await db.auditEvent.findMany({
        where: { subjectId: reporter.id },
        select: { action: true },
        orderBy: { createdAt: 'asc' },
      }),
    ).toEqual([{ action: 'user.deactivate' }, { action: 'user.reactivate' }]);
  });
});

describe('setDepartment', () => {
  it('sets and clears a person’s 部门, audited once per change', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const reporter = await makeUser(db, 'REPORTER');
    await setDepartment(db, admin, reporter.id, ' 采访部 ', ctx);
    await setDepartment(db, admin, reporter.id, '采访部', ctx);
    expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).department).toBe('采访部');
    await setDepartment(db, admin, reporter.id, '', ctx);
    expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).department).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { action: 'user.department' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((event) => JSON.parse(event.details))).toEqual([
      { from: null, to: '采访部' },
      { from: '采访部', to: null },
    ]);
    await expect(setDepartment(db, admin, 'no-such-user', '采访部', ctx)).rejects.toThrow('找不到该账号');
  });

  it('refuses a name over 20 characters', () => {
    const parsed = departmentSchema.safeParse({ userId: 'u', department: '部'.repeat(21) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('部门名称最多 20 个字');
  });
});

describe('issuePasswordReset', () => {
  it('issues a reset link and expires the earlier ones', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const reporter = await makeUser(db, 'REPORTER');
    const first = await issuePasswordReset(db, admin, reporter.id, ctx);
    const second = await issuePasswordReset(db, admin, reporter.id, ctx);
    const firstRow = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(first.link.slice(8)) } });
    const secondRow = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(second.link.slice(8)) } });
    expect(firstRow.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(secondRow.kind).toBe('PASSWORD_RESET');
    expect(secondRow.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('deleteAccount', () => {
  it('keeps anyone who has written something', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const reporter = await makeUser(db, 'REPORTER');
    const publication = await db.publication.create({
      data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: 'a', postcode: '1' },
    });
    await db.article.create({
      data: {
        publicationId: publication.id,
        slug: 's',
        headline: '标题',
        body: '{}',
        bodyText: '',
        createdById: reporter.id,
      },
    });
    await expect(deleteAccount(db, admin, reporter.id, ctx)).rejects.toThrow('请改为停用账号');
    expect(await db.user.count({ where: { id: reporter.id } })).toBe(1);
  });

  it('keeps an account that appears as the actor of an audit event (its hash names them)', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const signedIn = await makeUser(db, 'REPORTER');
    await recordAudit(db, { actorId: signedIn.id, action: 'auth.sign-in' });
    await expect(deleteAccount(db, admin, signedIn.id, ctx)).rejects.toThrow(
      '此人已有操作记录（审计日志中），不能删除',
    );
    expect(await db.user.count({ where: { id: signedIn.id } })).toBe(1);
  });

  it('deletes an account made by mistake, with an audit event', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const mistake = await makeUser(db, 'REPORTER');
    await deleteAccount(db, admin, mistake.id, ctx);
    expect(await db.user.count({ where: { id: mistake.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'user.delete', subjectId: mistake.id } })).toBe(1);
  });
});
