import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { heartbeat, leave, othersEditing, PRESENCE_WINDOW_MS } from './presence';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

async function story(createdById: string | null = null) {
  const publication = (await db.publication.findFirst()) ?? (await db.publication.create({ data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' } }));
  return db.article.create({ data: { publicationId: publication.id, slug: `s-${Math.random().toString(36).slice(2, 8)}`, headline: '稿', body: '{}', bodyText: '', createdById } });
}

describe('presence', () => {
  it('shows who else has the story open until they leave or go quiet', async () => {
    const a = await makeUser(db, 'REPORTER', { name: '甲' });
    const b = await makeUser(db, 'EDITOR', { name: '乙' });
    const mine = await story(a.id);
    const t0 = new Date('2026-11-25T02:00:00Z');
    expect(await heartbeat(db, a, mine.id, t0)).toEqual([]);
    expect(await heartbeat(db, b, mine.id, t0)).toEqual([{ name: '甲' }]);
    expect(await othersEditing(db, mine.id, a.id, new Date(t0.getTime() + 1000))).toEqual([{ name: '乙' }]);
    expect(await othersEditing(db, mine.id, a.id, new Date(t0.getTime() + PRESENCE_WINDOW_MS + 1))).toEqual([]);
    await leave(db, b, mine.id);
    expect(await othersEditing(db, mine.id, a.id, t0)).toEqual([]);
  });

  it('needs the same right as saving: a reporter cannot announce, watch or leave someone else’s story', async () => {
    const owner = await makeUser(db, 'REPORTER', { name: '丙' });
    const other = await makeUser(db, 'REPORTER', { name: '丁' });
    const admin = await makeUser(db, 'ADMIN', { name: '戊' });
    const theirs = await story(owner.id);
    await heartbeat(db, owner, theirs.id);
    for (const outsider of [other, admin]) {
      await expect(heartbeat(db, outsider, theirs.id)).rejects.toMatchObject({ name: 'AccessDenied', reason: 'FORBIDDEN' });
      await expect(leave(db, outsider, theirs.id)).rejects.toMatchObject({ name: 'AccessDenied' });
    }
    expect(await db.presence.count({ where: { articleId: theirs.id } })).toBe(1);
  });

  it('refuses missing and trashed stories with the save’s message', async () => {
    const editor = await makeUser(db, 'EDITOR');
    await expect(heartbeat(db, editor, 'no-such-story')).rejects.toMatchObject({ name: 'UserFacingError', message: '稿件不存在或已移入回收站' });
    const trashed = await story(editor.id);
    await db.article.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    await expect(heartbeat(db, editor, trashed.id)).rejects.toMatchObject({ name: 'UserFacingError' });
    expect(await db.presence.count({ where: { articleId: trashed.id } })).toBe(0);
  });
});
