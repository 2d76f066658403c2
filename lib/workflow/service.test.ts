import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, draftArticle, signedOffArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { saveArticle } from '../articles/editor-service';
import type { CleanArticleInput } from '../articles/schemas';
import { readArticle } from '../reader/article';
import { searchPublished } from '../search/search';
import { ensureSearchIndex } from '../search/search-index';
import {
  addComment,
  approveArticle,
  correctArticle,
  publishArticle,
  retractArticle,
  returnArticle,
  submitArticle,
  unscheduleArticle,
} from './service';

const db = openTestDatabase();
let reporter: Actor;
let editorA: Actor;
let editorB: Actor;
let chief: Actor;
let newsroom: SampleNewsroom;
const TEXT = '柯城区新建一批口袋公园。';

const input = (headline: string, text: string, extra: Partial<CleanArticleInput> = {}): CleanArticleInput =>
  articleInput(reporter, text, { headline, ...extra });
const draft = (headline: string, text = TEXT) => draftArticle(db, newsroom, input(headline, text));
const signedOff = (headline: string) => signedOffArticle(db, newsroom, input(headline, TEXT));

const article = (id: string) =>
  db.article.findUniqueOrThrow({ where: { id }, include: { signoffs: { orderBy: { createdAt: 'asc' } } } });
const audits = (id: string, action: string) => db.auditEvent.count({ where: { subjectId: id, action } });

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  ({ reporter, editorA, editorB, chief } = newsroom);
  await ensureSearchIndex(db);
});
afterAll(() => db.$disconnect());

describe('三审 through the services', () => {
  it('takes a story from draft through 初审, 复审 and 签发, with a sign-off row and an audit event per step', async () => {
    const id = await draft('柯城三审流程测试');
    await submitArticle(db, reporter, id);
    expect(await article(id)).toMatchObject({ status: 'SUBMITTED', reviewLevel: 0 });
    await approveArticle(db, editorA, id, '事实已核');
    await approveArticle(db, editorB, id);
    expect(await article(id)).toMatchObject({ status: 'SUBMITTED', reviewLevel: 2 });
    await approveArticle(db, chief, id);
    const done = await article(id);
    expect(done).toMatchObject({ status: 'APPROVED', reviewLevel: 3 });
    expect(done.signoffs.map((s) => [s.level, s.reviewerId, s.decision, s.comment])).toEqual([
      [1, editorA.id, 'APPROVE', '事实已核'],
      [2, editorB.id, 'APPROVE', null],
      [3, chief.id, 'APPROVE', null],
    ]);
    expect(await audits(id, 'article.submit')).toBe(1);
    expect(await audits(id, 'article.approve')).toBe(3);
  });

  it('refuses self-approval, two levels by one person and an editor at 签发, changing nothing', async () => {
    const id = await draft('自审测试');
    await submitArticle(db, reporter, id);
    const selfEditor = await makeActor(db, 'EDITOR');
    await db.articleAuthor.create({
      data: { articleId: id, position: 2, userId: selfEditor.id, name: selfEditor.name },
    });
    await expect(approveArticle(db, selfEditor, id)).rejects.toThrow('不能审核自己的稿件');
    await approveArticle(db, editorA, id);
    await expect(approveArticle(db, editorA, id)).rejects.toThrow('同一篇稿件的不同审级不能由同一人签字');
    await approveArticle(db, editorB, id);
    await expect(approveArticle(db, await makeActor(db, 'EDITOR'), id)).rejects.toThrow('终审（签发）需要总编签字');
    expect(await article(id)).toMatchObject({ status: 'SUBMITTED', reviewLevel: 2 });
    expect(await audits(id, 'article.approve')).toBe(2);
  });

  it('returns with a required comment, clears the approvals, and the author resubmits to 初审', async () => {
    const id = await draft('退回测试');
    await submitArticle(db, reporter, id);
    await approveArticle(db, editorA, id);
    await expect(returnArticle(db, editorB, id, ' ')).rejects.toThrow('退回时请写明原因');
    await returnArticle(db, editorB, id, '请补充数据来源');
    const returned = await article(id);
    expect(returned).toMatchObject({ status: 'RETURNED', reviewLevel: 0 });
    expect(returned.signoffs.find((s) => s.decision === 'APPROVE')?.clearedAt).toBeInstanceOf(Date);
    expect(returned.signoffs.find((s) => s.decision === 'RETURN')).toMatchObject({
      level: 2,
      comment: '请补充数据来源',
      reviewerId: editorB.id,
    });
    await submitArticle(db, reporter, id);
    expect(await article(id)).toMatchObject({ status: 'SUBMITTED', reviewLevel: 0 });
    // editorA's cleared 初审 no longer counts against them.
    await approveArticle(db, editorA, id);
    expect(await article(id)).toMatchObject({ reviewLevel: 1 });
  });

  it('clears the later sign-offs when someone changes the content, and the history shows it', async () => {
    const id = await draft('改稿重审测试');
    await submitArticle(db, reporter, id);
    await approveArticle(db, editorA, id);
    await approveArticle(db, editorB, id);
    const before = await article(id);
    await saveArticle(db, editorB, id, before.version, input('改稿重审测试', '复审编辑改了一句。'));
    const after = await article(id);
    expect(after).toMatchObject({ status: 'SUBMITTED', reviewLevel: 1 });
    expect(after.signoffs.filter((s) => s.clearedAt).map((s) => s.level)).toEqual([2]);
    expect(after.signoffs.filter((s) => !s.clearedAt).map((s) => s.level)).toEqual([1]);
    expect(await audits(id, 'article.review-reset')).toBe(1);
    // A change that keeps the content (say, the cover only) clears nothing.
    await saveArticle(db, editorB, id, after.version, input('改稿重审测试', '复审编辑改了一句。'));
    expect(await audits(id, 'article.review-reset')).toBe(1);
  });
});

describe('two reviewers at once', () => {
  it('never records two sign-offs at one level: the level count and the sign-offs agree', async () => {
    const id = await draft('并发审核测试');
    await submitArticle(db, reporter, id);
    const results = await Promise.allSettled([approveArticle(db, editorA, id), approveArticle(db, editorB, id)]);
    const after = await article(id);
    const levels = after.signoffs.filter((s) => !s.clearedAt).map((s) => s.level);
    expect(new Set(levels).size).toBe(levels.length);
    expect(after.reviewLevel).toBe(levels.length);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(levels.length);
    for (const failed of results.filter((r) => r.status === 'rejected')) {
      expect(String((failed as PromiseRejectedResult).reason)).toContain('请刷新后再试');
    }
  });
});

describe('publishing', () => {
  it('publishes a signed-off story now: readers and search get it', async () => {
    const id = await signedOff('柯城口袋公园开放');
    await expect(submitArticle(db, reporter, id)).rejects.toThrow('已签发的稿件不能再提交审核');
    const result = await publishArticle(db, editorA, id, null);
    expect(result.readersAffected).toBe(true);
    const published = await article(id);
    expect(published.status).toBe('PUBLISHED');
    expect((await readArticle(db, published.slug, new Date())).kind).toBe('visible');
    expect((await searchPublished(db, { q: '口袋公园', page: 1, pageSize: 10 })).hits.map((hit) => hit.slug)).toContain(
      published.slug,
    );
    expect(await audits(id, 'article.publish')).toBe(1);
  });

  it('refuses to publish without 签发 or with an image lacking alt text, writing nothing', async () => {
    const id = await draft('未签发稿件');
    await submitArticle(db, reporter, id);
    await expect(publishArticle(db, editorA, id, null)).rejects.toThrow('还没有终审（签发）的稿件不能发布');
    const figure = { type: 'figure', attrs: { src: '/media/ab/x/800.webp', alt: '', caption: '图注' } };
    const withImage = await draft('带图稿件');
    const current = await article(withImage);
    await saveArticle(
      db,
      reporter,
      withImage,
      current.version,
      input('带图稿件', '正文。', {
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }, figure],
        } as never,
      }),
    );
    await submitArticle(db, reporter, withImage);
    for (const who of [editorA, editorB, chief]) await approveArticle(db, who, withImage);
    await expect(publishArticle(db, editorA, withImage, null)).rejects.toThrow('1 张图片还没有替代文字');
    expect((await article(withImage)).status).toBe('APPROVED');
    expect(await audits(withImage, 'article.publish')).toBe(0);
  });

  it('schedules a story: invisible until its time, then visible with nothing run; reschedule and unschedule before it', async () => {
    const id = await signedOff('定时发布测试');
    const now = new Date();
    const at = new Date(now.getTime() + 60_000);
    await expect(publishArticle(db, editorA, id, new Date(now.getTime() - 1000), now)).rejects.toThrow(
      '定时发布的时间必须晚于现在',
    );
    await publishArticle(db, editorA, id, at, now);
    const { slug } = await article(id);
    expect((await readArticle(db, slug, now)).kind).toBe('missing');
    expect((await readArticle(db, slug, new Date(at.getTime() + 1))).kind).toBe('visible');
    const later = new Date(now.getTime() + 120_000);
    await publishArticle(db, editorA, id, later, now);
    expect((await article(id)).publishAt).toEqual(later);
    await unscheduleArticle(db, editorA, id, now);
    expect(await article(id)).toMatchObject({ status: 'APPROVED', liveRevisionId: null, publishAt: null });
    expect((await readArticle(db, slug, new Date(later.getTime() + 1))).kind).toBe('missing');
    await publishArticle(db, editorA, id, at, now);
    await expect(unscheduleArticle(db, editorA, id, new Date(at.getTime() + 1))).rejects.toThrow('发布时间已到');
  });

  it('keeps the published revision for readers while an edit goes through sign-off again', async () => {
    const id = await signedOff('发布后修改测试');
    await publishArticle(db, editorA, id, null);
    const { slug, version } = await article(id);
    await saveArticle(db, chief, id, version, input('发布后修改测试', '总编改过的新正文。'));
    expect(await article(id)).toMatchObject({ status: 'SUBMITTED', reviewLevel: 2 });
    const reader = await readArticle(db, slug, new Date());
    expect(reader.kind === 'visible' && reader.article.bodyHtml).not.toContain('总编改过');
    await expect(approveArticle(db, editorA, id)).rejects.toThrow('终审（签发）需要总编签字');
    await approveArticle(db, chief, id);
    await expect(publishArticle(db, editorA, id, new Date(Date.now() + 60_000))).rejects.toThrow(
      '已公开稿件的修改只能立即发布',
    );
    await publishArticle(db, editorA, id, null);
    const updated = await readArticle(db, slug, new Date());
    expect(updated.kind === 'visible' && updated.article.bodyHtml).toContain('总编改过');
  });
});

describe('after publishing', () => {
  it('appends corrections for readers and retracts with a notice, out of search', async () => {
    const id = await signedOff('更正撤稿测试稿件');
    await expect(correctArticle(db, editorA, id, '人名有误')).rejects.toThrow('稿件还没有公开');
    await publishArticle(db, editorA, id, null);
    await expect(correctArticle(db, editorA, id, '')).rejects.toThrow('请写明更正内容');
    await correctArticle(db, editorA, id, '第一段“口袋公园”数量应为 12 个');
    const { slug } = await article(id);
    const corrected = await readArticle(db, slug, new Date());
    expect(corrected.kind === 'visible' && corrected.article.corrections.map((c) => c.note)).toEqual([
      '第一段“口袋公园”数量应为 12 个',
    ]);
    await expect(retractArticle(db, editorA, id, '')).rejects.toThrow('撤稿声明');
    await retractArticle(db, editorA, id, '本文数据有误，已撤稿。');
    expect(await readArticle(db, slug, new Date())).toMatchObject({
      kind: 'retracted',
      note: '本文数据有误，已撤稿。',
    });
    expect((await searchPublished(db, { q: '更正撤稿测试', page: 1, pageSize: 10 })).total).toBe(0);
    await expect(saveArticle(db, editorA, id, (await article(id)).version, input('改', '改'))).rejects.toThrow(
      '已撤稿的稿件不能修改',
    );
    expect(await audits(id, 'article.retract')).toBe(1);
    expect(await audits(id, 'article.correct')).toBe(1);
  });

  it('keeps editorial comments for those who can see the story', async () => {
    const id = await draft('意见测试');
    await addComment(db, editorA, id, '导语再短一些');
    await addComment(db, reporter, id, '已改');
    await expect(addComment(db, await makeActor(db, 'REPORTER'), id, '旁观')).rejects.toThrow();
    await expect(addComment(db, editorA, id, '  ')).rejects.toThrow('意见不能为空');
    const comments = await db.comment.findMany({ where: { articleId: id }, orderBy: { createdAt: 'asc' } });
    expect(comments.map((c) => c.body)).toEqual(['导语再短一些', '已改']);
  });
});
