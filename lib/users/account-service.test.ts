import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { signedInClaims } from '../../test/support/sessions';
import { makeUser, TEST_PASSWORD } from '../../test/support/users';
import { verifyPassword } from '../auth/password';
import { sessionAccount } from '../auth/session-validity';
import { socketUser } from '../collab/session';
import { changeOwnPassword, lookupToken, redeemToken } from './account-service';
import { createAccount } from './admin-service';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const ctx = { ip: '127.0.0.1' };

describe('invitation links', () => {
  it('sets the password once; the link then stops working', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const { link, userId } = await createAccount(
      db,
      admin,
      { name: '严嘉慧', email: 'yan@example.com', role: 'REPORTER' },
      ctx,
    );
    const token = link.slice('/invite/'.length);
    expect(await lookupToken(db, token)).toEqual({ kind: 'INVITE', name: '严嘉慧', email: 'yan@example.com' });
    await expect(redeemToken(db, { token, password: 'short' }, ctx)).rejects.toThrow('密码至少需要 10 个字符');
    await redeemToken(db, { token, password: 'A-good-password-1' }, ctx);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash!, 'A-good-password-1')).toBe(true);
    expect(await lookupToken(db, token)).toBeNull();
    await expect(redeemToken(db, { token, password: 'Another-password-1' }, ctx)).rejects.toThrow('链接无效或已过期');
  });

  it('refuses an expired link', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const past = new Date(Date.now() - 73 * 3600_000);
    const { link } = await createAccount(
      db,
      admin,
      { name: '旧', email: 'old@example.com', role: 'REPORTER' },
      { ...ctx, now: past },
    );
    const token = link.slice('/invite/'.length);
    expect(await lookupToken(db, token)).toBeNull();
    await expect(redeemToken(db, { token, password: 'A-good-password-1' }, ctx)).rejects.toThrow('链接无效或已过期');
  });
});

describe('changeOwnPassword', () => {
  it('requires the current password', async () => {
    const user = await makeUser(db, 'EDITOR');
    await expect(
      changeOwnPassword(db, user.id, { current: 'wrong-one-xx', next: 'Brand-new-password-1' }, ctx),
    ).rejects.toThrow('当前密码不正确');
    await changeOwnPassword(db, user.id, { current: TEST_PASSWORD, next: 'Brand-new-password-1' }, ctx);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, 'Brand-new-password-1')).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'user.password-change', actorId: user.id } })).toBe(1);
  });

  it('signs the person out everywhere else: pages and co-editing sockets under the old session version stop', async () => {
    const user = await makeUser(db, 'REPORTER');
    const before = await signedInClaims(db, user.id, user.sessionVersion);
    const elsewhere = await signedInClaims(db, user.id, user.sessionVersion);
    expect(await sessionAccount(db, before)).not.toBeNull();
    const { sessionVersion } = await changeOwnPassword(
      db,
      user.id,
      { current: TEST_PASSWORD, next: 'Brand-new-password-1' },
      { ...ctx, keepSessionId: before.sessionId },
    );
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    expect(await sessionAccount(db, before)).toBeNull();
    expect(await socketUser(db, before)).toBeNull();
    // The session the asking browser is given again (reissue-token.ts) stands.
    expect(await sessionAccount(db, { ...before, sessionVersion })).not.toBeNull();
    expect(await socketUser(db, { ...before, sessionVersion })).not.toBeNull();
    // Every other session of theirs has ended, even under the new version.
    expect(await sessionAccount(db, { ...elsewhere, sessionVersion })).toBeNull();
  });

  it('a refused change (wrong current password) signs no one out', async () => {
    const user = await makeUser(db, 'REPORTER');
    await expect(
      changeOwnPassword(db, user.id, { current: 'wrong-one-xx', next: 'Brand-new-password-1' }, ctx),
    ).rejects.toThrow('当前密码不正确');
    expect(await sessionAccount(db, await signedInClaims(db, user.id, user.sessionVersion))).not.toBeNull();
  });
});
