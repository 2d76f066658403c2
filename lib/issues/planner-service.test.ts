import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, signedOffArticle, submittedArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import type { Actor } from '../access/actor';
import { readArticle } from '../reader/article';
import { readIssuePage } from '../reader/issue-page';
import { ensureSearchIndex } from '../search/search-index';
import { issueBlockers } from './blockers';
import {
  createIssue,
  placeArticle,
  publishIssue,
  removeFromIssue,
  setContinuation,
  unscheduleIssue,
} from './planner-service';

const db = openTestDatabase();
let reporter: Actor;
let editorA: Actor;
let publicationId: string;
let newsroom: SampleNewsroom;

/** A submitted story with `headline`, signed off through 三审 when `signed`. */
const story = (headline: string, signed: boolean) =>
  (signed ? signedOffArticle : submittedArticle)(
    db,
    newsroom,
    articleInput(reporter, `${headline}的正文。`, { headline }),
  );

const order = async (issueId: string, page: number) =>
  (
    await db.articlePlacement.findMany({
      where: { page: { issueId, number: page } },
      orderBy: { position: 'asc' },
      include: { article: { select: { headline: true } } },
    })
  ).map((p) => `${p.article.headline}${p.isContinuation ? '（续）' : ''}`);

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  ({ publicationId, reporter, editorA } = newsroom);
  await ensureSearchIndex(db);
});
afterAll(() => db.$disconnect());

describe('the issue planner', () => {
  it('creates an issue with named pages and refuses a number in use or bad input', async () => {
    const issue = await createIssue(db, editorA, publicationId, {
      number: 1801,
      date: '2026-11-30',
      pageNames: ['要闻', '综合', '', '副刊'],
    });
    const pages = await db.issuePage.findMany({ where: { issueId: issue.id }, orderBy: { number: 'asc' } });
    expect(pages.map((p) => p.name)).toEqual(['要闻', '综合', null, '副刊']);
    await expect(
      createIssue(db, editorA, publicationId, { number: 1801, date: '2026-11-30', pageNames: ['要闻'] }),
    ).rejects.toThrow('第1801期已经存在');
    await expect(
      createIssue(db, editorA, publicationId, { number: 1802, date: '2026-13-01', pageNames: ['要闻'] }),
    ).rejects.toThrow('出版日期无效');
    await expect(
      createIssue(db, editorA, publicationId, { number: 1802, date: '2026-12-01', pageNames: [] }),
    ).rejects.toThrow('版数应在 1 到 32 之间');
    expect(await db.issue.count({ where: { number: 1802 } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'issue.create', subjectId: issue.id } })).toBe(1);
  });

  it('places, orders, moves and removes stories, and records a continuation', async () => {
    const issue = await createIssue(db, editorA, publicationId, {
      number: 1803,
      date: '2026-12-07',
      pageNames: ['要闻', '综合'],
    });
    const [a, b, c] = [await story('甲稿', true), await story('乙稿', true), await story('丙稿', false)];
    await placeArticle(db, editorA, issue.id, a, 1);
    await placeArticle(db, editorA, issue.id, b, 1);
    await placeArticle(db, editorA, issue.id, c, 1, 0);
    expect(await order(issue.id, 1)).toEqual(['丙稿', '甲稿', '乙稿']);
    await placeArticle(db, editorA, issue.id, b, 1, 0);
    expect(await order(issue.id, 1)).toEqual(['乙稿', '丙稿', '甲稿']);
    await placeArticle(db, editorA, issue.id, c, 2);
    expect(await order(issue.id, 1)).toEqual(['乙稿', '甲稿']);
    expect(await order(issue.id, 2)).toEqual(['丙稿']);
    await setContinuation(db, editorA, issue.id, a, 2);
    expect(await order(issue.id, 2)).toEqual(['丙稿', '甲稿（续）']);
    await expect(setContinuation(db, editorA, issue.id, a, 1)).rejects.toThrow('转版的版面不能是稿件所在的版面');
    await expect(placeArticle(db, editorA, issue.id, a, 3)).rejects.toThrow('第1803期没有第3版');
    const other = await createIssue(db, editorA, publicationId, {
      number: 1804,
      date: '2026-12-14',
      pageNames: ['要闻'],
    });
    await expect(placeArticle(db, editorA, other.id, a, 1)).rejects.toThrow('这篇稿件已排在第1803期');

    expect((await issueBlockers(db, issue.id)).map((b) => `${b.headline}：${b.reason}`)).toEqual([
      '丙稿：审核中（待初审），还没有终审（签发）',
    ]);
    await expect(publishIssue(db, editorA, issue.id, null)).rejects.toThrow(
      '第1803期还不能发布：《丙稿》审核中（待初审），还没有终审（签发）',
    );
    await removeFromIssue(db, editorA, issue.id, c);
    expect(await order(issue.id, 2)).toEqual(['甲稿（续）']);
    expect(await issueBlockers(db, other.id)).toEqual([{ articleId: null, headline: '', reason: '这一期还没有排稿' }]);
  });

  it('schedules an issue: its pages and stories appear at the time with nothing run, and can be moved or taken back before it', async () => {
    const issue = await createIssue(db, editorA, publicationId, {
      number: 1805,
      date: '2026-12-21',
      pageNames: ['要闻', '综合'],
    });
    const id = await story('定时期次稿件', true);
    await placeArticle(db, editorA, issue.id, id, 2);
    const now = new Date();
    const at = new Date(now.getTime() + 10_000);
    await publishIssue(db, editorA, issue.id, at, now);
    const { slug } = await db.article.findUniqueOrThrow({ where: { id } });
    expect(await readIssuePage(db, 1805, 2, now)).toBeNull();
    expect((await readArticle(db, slug, now)).kind).toBe('missing');
    const after = new Date(at.getTime() + 1);
    expect((await readIssuePage(db, 1805, 2, after))?.stories.map((s) => s.headline)).toEqual(['定时期次稿件']);
    expect((await readArticle(db, slug, after)).kind).toBe('visible');
    await expect(placeArticle(db, editorA, issue.id, id, 1)).rejects.toThrow('不能再调整版面');

    const later = new Date(now.getTime() + 60_000);
    await publishIssue(db, editorA, issue.id, later, now);
    expect(await readIssuePage(db, 1805, 2, after)).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).publishAt).toEqual(later);

    await unscheduleIssue(db, editorA, issue.id, now);
    expect(await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({
      status: 'PLANNING',
      publishAt: null,
    });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'APPROVED',
      liveRevisionId: null,
    });
    await publishIssue(db, editorA, issue.id, null);
    expect((await readIssuePage(db, 1805, 2, new Date()))?.stories).toHaveLength(1);
    await expect(unscheduleIssue(db, editorA, issue.id)).rejects.toThrow('已经发布');
    expect(
      await db.auditEvent.count({
        where: { subjectId: issue.id, action: { in: ['issue.schedule', 'issue.unschedule', 'issue.publish'] } },
      }),
    ).toBe(4);
  });
});
