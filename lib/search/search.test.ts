import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { searchNewsroom, searchPublished } from './search';
import { ensureSearchIndex, indexArticle, rebuildSearchIndex, removeFromIndex } from './search-index';

const db = openTestDatabase();
const now = new Date('2026-11-25T00:00:00Z');
const headlines = async (q: string, extra: Partial<Parameters<typeof searchPublished>[1]> = {}, at = now) =>
  (await searchPublished(db, { q, ...extra }, at)).hits.map((hit) => hit.headline);

beforeAll(async () => {
  await loadSampleIssue(db);
  await ensureSearchIndex(db);
  expect(await rebuildSearchIndex(db)).toBe(4);
});
afterAll(() => db.$disconnect());

describe('searchPublished', () => {
  it('finds Chinese words of two and more characters', async () => {
    expect(await headlines('大禹鼎')).toEqual(['柯城夺下“大禹鼎”']);
    expect(await headlines('红色物业联盟')).toEqual(['现场会在柯城召开']);
    expect((await headlines('柯城')).length).toBe(4);
    expect(await headlines('巡察组')).toEqual(['柯城区八届区委第十二轮巡察全部进驻！']);
  });

  it('ranks title hits first and highlights the snippet', async () => {
    const result = await searchPublished(db, { q: '人民医院' }, now);
    expect(result.hits[0]!.headline).toBe('柯城区人民医院干部职工大会召开');
    expect(result.hits[0]!.snippetHtml).toContain('<mark>人民医院</mark>');
    expect(result.total).toBe(result.hits.length);
  });

  it('matches numbers and mixed text, and ignores FTS syntax in the query', async () => {
    expect((await headlines('2019年')).length).toBeGreaterThan(0);
    expect(await headlines('大禹鼎 OR NOT "x')).toEqual([]);
    expect(await headlines('   ')).toEqual([]);
  });

  it('filters by date range', async () => {
    expect(
      (await headlines('柯城', { from: new Date('2020-08-16T00:00:00Z'), to: new Date('2020-08-18T00:00:00Z') }))
        .length,
    ).toBe(4);
    expect(await headlines('柯城', { from: new Date('2021-01-01T00:00:00Z') })).toEqual([]);
  });

  it('pages the results', async () => {
    const first = await searchPublished(db, { q: '柯城', pageSize: 3 }, now);
    const second = await searchPublished(db, { q: '柯城', pageSize: 3, page: 2 }, now);
    expect(first.hits).toHaveLength(3);
    expect(second.hits).toHaveLength(1);
    expect(first.total).toBe(4);
  });

  it('does not show scheduled, retracted or deleted stories, nor unpublished edits', async () => {
    const story = await db.article.findFirstOrThrow({ where: { headline: '柯城夺下“大禹鼎”' } });
    await db.article.update({ where: { id: story.id }, data: { publishAt: new Date(now.getTime() + 60_000) } });
    expect(await headlines('大禹鼎')).toEqual([]);
    expect(await headlines('大禹鼎', {}, new Date(now.getTime() + 60_000))).toEqual(['柯城夺下“大禹鼎”']);
    await db.article.update({
      where: { id: story.id },
      data: { publishAt: story.publishAt, headline: '草稿里的新标题：治水大禹鼎' },
    });
    await indexArticle(db, story.id);
    expect(await headlines('草稿里的新标题')).toEqual([]);
    expect((await searchNewsroom(db, { q: '草稿里的新标题' })).hits.map((h) => h.headline)).toEqual([
      '草稿里的新标题：治水大禹鼎',
    ]);

    await db.article.update({ where: { id: story.id }, data: { status: 'RETRACTED', retractedAt: now } });
    await indexArticle(db, story.id);
    expect(await headlines('大禹鼎')).toEqual([]);

    await db.article.update({
      where: { id: story.id },
      data: { status: 'PUBLISHED', retractedAt: null, deletedAt: now },
    });
    await indexArticle(db, story.id);
    expect(await headlines('大禹鼎')).toEqual([]);
    expect((await searchNewsroom(db, { q: '大禹鼎' })).hits).toEqual([]);
    await removeFromIndex(db, story.id);
  });
});

describe('searchNewsroom', () => {
  it('limits a reporter to their own stories', async () => {
    const reporter = await db.user.create({ data: { email: 'r@example.com', name: '记者', role: 'REPORTER' } });
    const story = await db.article.findFirstOrThrow({ where: { headline: '现场会在柯城召开' } });
    await db.article.update({ where: { id: story.id }, data: { createdById: reporter.id } });
    await indexArticle(db, story.id);
    expect((await searchNewsroom(db, { q: '柯城', ownerId: reporter.id })).hits.map((h) => h.headline)).toEqual([
      '现场会在柯城召开',
    ]);
    expect((await searchNewsroom(db, { q: '柯城' })).total).toBeGreaterThan(1);
    // The owners column is indexed for the filter, but a person's id is not something one finds.
    expect((await searchNewsroom(db, { q: reporter.id })).hits).toEqual([]);
  });
});

describe('syncSearchIndex', () => {
  it('rebuilds only when the index is out of step', async () => {
    const { syncSearchIndex } = await import('./search-index');
    const told: number[] = [];
    const tell = (stories: number) => told.push(stories);
    expect((await syncSearchIndex(db, tell)).rebuilt).toBe(false);
    await db.$executeRawUnsafe('DELETE FROM search_newsroom');
    const stories = await db.article.count({ where: { deletedAt: null } });
    expect(await syncSearchIndex(db, tell)).toMatchObject({ rebuilt: true, count: stories });
    expect((await syncSearchIndex(db, tell)).rebuilt).toBe(false);
    // Announced once, before the rebuild, with the number of stories it will write.
    expect(told).toEqual([stories]);
  });
});
