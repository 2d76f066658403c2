// Rules that read, check and then write, hit twice at the same moment (two instances, a double click).
// On PostgreSQL those transactions run side by side (READ COMMITTED), so each would pass its check
// before the other wrote: the row locks in row-lock.ts make them take turns. On SQLite BEGIN IMMEDIATE
// already does; the same expectations hold on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, signedOffArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createIssue, placeArticle } from '../issues/planner-service';
import { setActive } from '../users/admin-service';

const db = openTestDatabase();
let reporter: Actor;
let editor: Actor;
let otherEditor: Actor;
let publicationId: string;
let newsroom: SampleNewsroom;

const signedArticle = (headline: string) =>
  signedOffArticle(db, newsroom, articleInput(reporter, `${headline}的正文。`, { headline }));

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  ({ publicationId, reporter, editorA: editor, editorB: otherEditor } = newsroom);
});
afterAll(() => db.$disconnect());

describe('check-then-write rules under simultaneous requests', () => {
  it('place a story in one issue when two issues take it at the same moment', async () => {
    const first = await createIssue(db, editor, publicationId, {
      number: 1902,
      date: '2026-12-21',
      pageNames: ['要闻'],
    });
    const second = await createIssue(db, otherEditor, publicationId, {
      number: 1903,
      date: '2026-12-28',
      pageNames: ['要闻'],
    });
    const id = await signedArticle('两期争抢的稿件');
    const outcomes = await Promise.allSettled(
      [first, second].map((issue) => placeArticle(db, editor, issue.id, id, 1)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await db.articlePlacement.count({ where: { articleId: id } })).toBe(1);
  });

  it('keep an active admin when two admins deactivate each other at the same moment', async () => {
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { active: false } });
    const [a, b] = [await makeActor(db, 'ADMIN'), await makeActor(db, 'ADMIN')];
    const outcomes = await Promise.allSettled([
      setActive(db, a, b.id, false, { ip: null }),
      setActive(db, b, a.id, false, { ip: null }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(await db.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1);
  });
});
