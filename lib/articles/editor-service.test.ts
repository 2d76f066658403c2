import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { doc, heading, paragraph } from '../content/builders';
import { searchNewsroom } from '../search/search';
import { ensureSearchIndex } from '../search/search-index';
import { createArticle, moveToTrash, restoreFromTrash, restoreRevision, saveArticle } from './editor-service';
import type { CleanArticleInput } from './schemas';

const db = openTestDatabase();
let reporter: Actor;
let other: Actor;
let editor: Actor;
let publicationId: string;

const input = (overrides: Partial<CleanArticleInput> = {}): CleanArticleInput =>
  articleInput(reporter, '第一段。', { byline: '记者 测试', ...overrides });

beforeAll(async () => {
  await loadSampleIssue(db);
  await ensureSearchIndex(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  other = await makeActor(db, 'REPORTER', { name: '记者乙' });
  editor = await makeActor(db, 'EDITOR', { name: '编辑丙' });
});
afterAll(() => db.$disconnect());

describe('the story editor service', () => {
  it('creates a draft credited to its reporter, with a first revision and an audit event', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { authors: true, revisions: true } });
    expect(article).toMatchObject({
      status: 'DRAFT',
      version: 1,
      headline: '',
      dateline: '本报讯',
      createdById: reporter.id,
    });
    expect(article.authors).toEqual([expect.objectContaining({ userId: reporter.id, name: '记者甲', label: '记者' })]);
    expect(article.revisions).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'article.create', subjectId: id } })).toBe(1);
  });

  it('saves with the version it was based on, writes the autosaves into one rolling revision, and follows the headline with the slug', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    const first = await saveArticle(db, reporter, id, 1, input());
    expect(first).toMatchObject({
      ok: true,
      version: 2,
      slug: 'ke-cheng-xin-jian-kou-dai-gong-yuan',
      revisionCreated: true,
    });
    const same = await saveArticle(db, reporter, id, 2, input());
    expect(same).toMatchObject({ ok: true, version: 3, revisionCreated: false });
    const body = doc(paragraph('第一段。'), heading('小标题'), paragraph('第二段。'));
    const third = await saveArticle(db, reporter, id, 3, input({ body, headline: '柯城新建三座口袋公园' }));
    expect(third).toMatchObject({ ok: true, version: 4, slug: 'ke-cheng-xin-jian-san-zuo-kou-dai-gong-yuan' });
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article).toMatchObject({ bodyText: '第一段。\n小标题\n第二段。', wordCount: 11 });
    expect(await db.revision.findMany({ where: { articleId: id } })).toEqual([
      expect.objectContaining({
        kind: 'AUTOSAVE',
        version: 4,
        saves: 3,
        headline: '柯城新建三座口袋公园',
        bodyText: '第一段。\n小标题\n第二段。',
      }),
    ]);
    expect((await searchNewsroom(db, { q: '口袋公园' })).hits.map((hit) => hit.articleId)).toContain(id);
  });

  it('refuses a save based on an older version and names who saved the newer one', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    await saveArticle(db, editor, id, 1, input({ headline: '编辑改过的标题' }));
    const stale = await saveArticle(db, reporter, id, 1, input({ headline: '记者的标题' }));
    expect(stale).toEqual({ ok: false, conflict: { version: 2, savedBy: '编辑丙', savedAt: expect.any(String) } });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe('编辑改过的标题');
  });

  it('lets reporters edit only their own stories', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    await expect(saveArticle(db, other, id, 1, input())).rejects.toThrow('没有权限');
    expect((await saveArticle(db, editor, id, 1, input())).ok).toBe(true);
  });

  it('keeps a hand-set slug, refuses a taken one, and never changes it after publishing', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    expect(await saveArticle(db, reporter, id, 1, input({ slug: 'kou-dai-gong-yuan' }))).toMatchObject({
      slug: 'kou-dai-gong-yuan',
    });
    expect(
      await saveArticle(db, reporter, id, 2, input({ slug: 'kou-dai-gong-yuan', headline: '全新的标题' })),
    ).toMatchObject({ slug: 'kou-dai-gong-yuan' });
    await expect(saveArticle(db, reporter, id, 3, input({ slug: 'ke-cheng-duo-xia-da-yu-ding' }))).rejects.toThrow(
      '这个网址已被其他稿件使用',
    );
    await db.article.update({ where: { id }, data: { publishedAt: new Date() } });
    await expect(saveArticle(db, reporter, id, 3, input({ slug: 'xin-wang-zhi' }))).rejects.toThrow(
      '稿件发布后网址不能再修改',
    );
  });

  it('rejects a broken body with a message and changes nothing', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    await expect(saveArticle(db, reporter, id, 1, input({ body: 'not a doc' }))).rejects.toThrow('正文格式无效');
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it('restores an old revision as a new revision', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    const start = Date.now();
    await saveArticle(db, reporter, id, 1, input({ headline: '第一版标题' }), new Date(start));
    // Ten minutes later: past the pause, so the first text stays a revision of its own.
    await saveArticle(db, reporter, id, 2, input({ headline: '第二版标题' }), new Date(start + 10 * 60_000));
    const old = await db.revision.findFirstOrThrow({ where: { articleId: id, headline: '第一版标题' } });
    expect(await restoreRevision(db, reporter, id, old.id, 3, new Date(start + 11 * 60_000))).toMatchObject({
      ok: true,
      version: 4,
      revisionCreated: true,
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe('第一版标题');
    const kept = await db.revision.findMany({ where: { articleId: id }, orderBy: { version: 'asc' } });
    expect(kept.map((revision) => [revision.kind, revision.headline])).toEqual([
      ['AUTOSAVE', '第一版标题'],
      ['AUTOSAVE', '第二版标题'],
      ['RESTORE', '第一版标题'],
    ]);
  });

  it('moves drafts to the trash and back, never published stories', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    await saveArticle(db, reporter, id, 1, input({ headline: '回收站测试稿' }));
    await moveToTrash(db, reporter, id);
    expect((await searchNewsroom(db, { q: '回收站测试稿' })).total).toBe(0);
    await expect(saveArticle(db, reporter, id, 2, input())).rejects.toThrow('已移入回收站');
    await restoreFromTrash(db, editor, id);
    expect((await searchNewsroom(db, { q: '回收站测试稿' })).total).toBe(1);
    const published = await db.article.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await expect(moveToTrash(db, editor, published.id)).rejects.toThrow('已发布的稿件不能移入回收站');
  });
});
