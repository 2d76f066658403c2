// "My stories" in SQL: created or credited, not deleted, counted and paged past any parameter limit
// (a reporter of twenty years has well over SQLite's 999 bound parameters of stories).
import { beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '@/test/support/database';
import { makeActor } from '@/test/support/users';

import { ownArticleCounts, ownArticlePage } from './my-articles';

const db = openTestDatabase();
let reporter: { id: string };
let other: { id: string };
const body = '{"type":"doc","content":[]}';

beforeAll(async () => {
  const publication = await db.publication.create({
    data: { slug: 'mine', name: '今日柯城', publisher: '编印', hotline: '1', address: '柯城', postcode: '324000' },
  });
  reporter = await makeActor(db, 'REPORTER');
  other = await makeActor(db, 'REPORTER');
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * 60_000);
  // 1,200 stories another person created and credited the reporter on, 30 the reporter created
  // without a credit line, 5 of theirs in the trash, 50 of someone else's.
  const stories = [
    ...Array.from({ length: 1_200 }, (_, i) => ({
      slug: `credited-${i}`,
      headline: `署名稿${i}`,
      createdById: other.id,
      credited: true,
      status: 'PUBLISHED' as const,
      deletedAt: null,
      updatedAt: at(i),
    })),
    ...Array.from({ length: 30 }, (_, i) => ({
      slug: `created-${i}`,
      headline: i === 0 ? '100%_完成' : `自写稿${i}`,
      createdById: reporter.id,
      credited: false,
      status: 'DRAFT' as const,
      deletedAt: null,
      updatedAt: at(10_000 + i),
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      slug: `trashed-${i}`,
      headline: `废稿${i}`,
      createdById: reporter.id,
      credited: false,
      status: 'DRAFT' as const,
      deletedAt: at(20_000),
      updatedAt: at(20_000 + i),
    })),
    ...Array.from({ length: 50 }, (_, i) => ({
      slug: `others-${i}`,
      headline: `别人的稿${i}`,
      createdById: other.id,
      credited: false,
      status: 'DRAFT' as const,
      deletedAt: null,
      updatedAt: at(30_000 + i),
    })),
  ];
  await db.article.createMany({
    data: stories.map(({ credited: _credited, ...story }) => ({
      ...story,
      id: story.slug,
      publicationId: publication.id,
      body,
      bodyText: '',
    })),
  });
  await db.articleAuthor.createMany({
    data: stories.map((story) => ({
      articleId: story.slug,
      position: 1,
      userId: story.credited ? reporter.id : story.createdById,
      name: '记者',
    })),
  });
});

describe('my stories', () => {
  it('counts created and credited stories by status, leaving out the trash and other people’s', async () => {
    expect(await ownArticleCounts(db, reporter.id)).toEqual({ PUBLISHED: 1_200, DRAFT: 30 });
  });

  it('pages them last changed first, all the way to the oldest', async () => {
    const first = await ownArticlePage(db, reporter.id, {}, { skip: 0, take: 10 });
    expect(first.total).toBe(1_230);
    expect(first.ids.slice(0, 2)).toEqual(['created-29', 'created-28']);
    const last = await ownArticlePage(db, reporter.id, {}, { skip: 1_220, take: 10 });
    expect(last.ids.at(-1)).toBe('credited-0');
  });

  it('filters by status and by headline, with % and _ taken literally', async () => {
    expect((await ownArticlePage(db, reporter.id, { status: 'DRAFT' }, { skip: 0, take: 100 })).total).toBe(30);
    expect((await ownArticlePage(db, reporter.id, { q: '100%_' }, { skip: 0, take: 10 })).ids).toEqual(['created-0']);
    expect((await ownArticlePage(db, reporter.id, { q: '%' }, { skip: 0, take: 10 })).total).toBe(1);
    expect((await ownArticlePage(db, reporter.id, { q: '署名稿11' }, { skip: 0, take: 200 })).total).toBe(111);
  });
});
