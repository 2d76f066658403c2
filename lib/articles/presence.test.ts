import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { heartbeat, leave, othersEditing, PRESENCE_WINDOW_MS } from './presence';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

describe('presence', () => {
  it('shows who else has the story open until they leave or go quiet', async () => {
    const publication = await db.publication.create({ data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' } });
    const story = await db.article.create({ data: { publicationId: publication.id, slug: 's', headline: '稿', body: '{}', bodyText: '' } });
    const a = await makeUser(db, 'REPORTER', { name: '甲' });
    const b = await makeUser(db, 'EDITOR', { name: '乙' });
    const t0 = new Date('2026-11-25T02:00:00Z');
    expect(await heartbeat(db, story.id, a.id, t0)).toEqual([]);
    expect(await heartbeat(db, story.id, b.id, t0)).toEqual([{ name: '甲' }]);
    expect(await othersEditing(db, story.id, a.id, new Date(t0.getTime() + 1000))).toEqual([{ name: '乙' }]);
    expect(await othersEditing(db, story.id, a.id, new Date(t0.getTime() + PRESENCE_WINDOW_MS + 1))).toEqual([]);
    await leave(db, story.id, b.id);
    expect(await othersEditing(db, story.id, a.id, t0)).toEqual([]);
  });
});
