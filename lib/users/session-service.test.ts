import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { signedInClaims } from '../../test/support/sessions';
import { makeUser } from '../../test/support/users';
import { sessionAccount } from '../auth/session-validity';
import { startSession } from '../auth/sessions';
import { endOwnSession, listOpenSessions, signOutEverywhere } from './session-service';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const ctx = { ip: '127.0.0.1' };
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('a person’s sessions', () => {
  it('lists the open ones with device, address and last seen; not ended, idle or expired ones', async () => {
    const user = await makeUser(db, 'REPORTER');
    const now = new Date('2026-12-06T12:00:00Z');
    const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);
    const open = await startSession(db, user.id, { ip: '10.1.2.3', userAgent: CHROME_LINUX }, minutesAgo(5));
    const idle = await startSession(db, user.id, { ip: '10.1.2.4', userAgent: null }, minutesAgo(31));
    const ended = await startSession(db, user.id, { ip: '10.1.2.5', userAgent: null }, minutesAgo(2));
    await db.userSession.update({ where: { id: ended }, data: { endedAt: minutesAgo(1) } });
    const old = await startSession(db, user.id, { ip: '10.1.2.6', userAgent: null }, minutesAgo(12 * 60));
    await db.userSession.update({ where: { id: old }, data: { lastSeenAt: minutesAgo(1) } });
    expect(await listOpenSessions(db, user.id, now)).toEqual([
      { id: open, device: 'Chrome · Linux', ip: '10.1.2.3', createdAt: minutesAgo(5), lastSeenAt: minutesAgo(5) },
    ]);
    expect(idle).not.toBe(open);
  });

  it('ends one of one’s own sessions (audited), and no one else’s', async () => {
    const user = await makeUser(db, 'REPORTER');
    const other = await makeUser(db, 'REPORTER');
    const mine = await signedInClaims(db, user.id);
    const theirs = await signedInClaims(db, other.id);
    await expect(endOwnSession(db, user.id, theirs.sessionId!, ctx)).rejects.toThrow('该登录已结束或不存在');
    expect(await sessionAccount(db, theirs)).not.toBeNull();
    await endOwnSession(db, user.id, mine.sessionId!, ctx);
    expect(await sessionAccount(db, mine)).toBeNull();
    await expect(endOwnSession(db, user.id, mine.sessionId!, ctx)).rejects.toThrow('该登录已结束或不存在');
    expect(await db.auditEvent.count({ where: { action: 'auth.session-end', actorId: user.id } })).toBe(1);
  });

  it('the admin signs a person out everywhere: every session ends, audited; others stay', async () => {
    const admin = await makeUser(db, 'ADMIN');
    const user = await makeUser(db, 'EDITOR');
    const bystander = await makeUser(db, 'EDITOR');
    const sessions = [await signedInClaims(db, user.id), await signedInClaims(db, user.id)];
    const kept = await signedInClaims(db, bystander.id);
    expect(await signOutEverywhere(db, admin, user.id, ctx)).toBe(2);
    for (const claims of sessions) expect(await sessionAccount(db, claims)).toBeNull();
    expect(await listOpenSessions(db, user.id)).toEqual([]);
    expect(await sessionAccount(db, kept)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.sign-out-everywhere' } });
    expect(event).toMatchObject({ actorId: admin.id, subjectId: user.id });
    await expect(signOutEverywhere(db, admin, 'no-such-account', ctx)).rejects.toThrow('账号不存在');
  });
});
