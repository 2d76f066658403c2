import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, draftArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { approveArticle, publishArticle, retractArticle, submitArticle } from '../workflow/service';
import { contributorFigures } from './figures';
import { monthPeriod, rangePeriod } from './period';
import { periodArticles } from './period-articles';
import { DEFAULT_POINT_RULES } from './points';
import { statsView } from './service';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
const HOUR = 3_600_000;
const nov = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));

/** A story of the reporter's, submitted and signed off at the given hours of 2026-11-`day`, published after. */
async function publishedOn(day: number, text: string, credits = 1): Promise<string> {
  const reporter = { id: newsroom.reporter.id, name: '记者甲' };
  const input = articleInput(reporter, text, {
    authors: [
      { userId: reporter.id, name: '记者甲', label: '记者' },
      ...(credits > 1 ? [{ userId: null, name: '通讯员乙', label: '通讯员' }] : []),
    ],
  });
  const id = await draftArticle(db, newsroom, input);
  await submitArticle(db, newsroom.reporter, id, nov(day, 1));
  // The audit log stamps the clock's time, not the step's `now`: put the submission at its hour.
  await db.auditEvent.updateMany({
    where: { subjectId: id, action: 'article.submit' },
    data: { createdAt: nov(day, 1) },
  });
  await approveArticle(db, newsroom.editorA, id, '', nov(day, 3));
  await approveArticle(db, newsroom.editorB, id, '', nov(day, 4));
  await approveArticle(db, newsroom.chief, id, '', nov(day, 6));
  await publishArticle(db, newsroom.chief, id, null, nov(day, 7));
  return id;
}

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
});
afterAll(() => db.$disconnect());

describe('a hand-built November: its stories, figures and who sees them', () => {
  it('reads a hand-built month: two stories, one shared with a 通讯员, a retraction, reads, review times', async () => {
    const first = await publishedOn(3, '一'.repeat(600), 2);
    await publishedOn(10, '二'.repeat(300));
    const retracted = await publishedOn(20, '三'.repeat(900));
    await retractArticle(db, newsroom.chief, retracted, '事实有误', nov(21, 1));
    // October's story is not November's.
    await publishedOn(3, '四'.repeat(100)).then((id) =>
      db.article.update({ where: { id }, data: { publishedAt: new Date(Date.UTC(2026, 9, 30)) } }),
    );
    await db.articleRead.createMany({
      data: [
        { articleId: first, day: '2026-11-03', count: 700 },
        { articleId: first, day: '2026-11-04', count: 400 },
        // Outside the month: not counted.
        { articleId: first, day: '2026-12-01', count: 5000 },
      ],
    });

    const period = monthPeriod('2026-11');
    if (!period.ok) throw new Error(period.error);
    const articles = await periodArticles(db, period.period);
    expect(articles).toHaveLength(3);
    const shared = articles.find((article) => article.id === first)!;
    expect(shared).toMatchObject({ characters: 600, photos: 0, placements: [], channels: 0, reads: 1100 });
    expect([...shared.reviews]).toEqual([
      [1, 2 * HOUR],
      [2, 1 * HOUR],
      [3, 2 * HOUR],
    ]);
    expect(articles.find((article) => article.id === retracted)?.retracted).toBe(true);

    const people = contributorFigures(articles, DEFAULT_POINT_RULES, new Map());
    // By hand: 600 characters on the web only (band 500+: 1) + reach 1000+ (1) = 2, halved with the 通讯员;
    // 300 characters on the web (band 0–499: 0.5). The retracted story counts for no one.
    expect(people.find((person) => person.name === '记者甲')).toMatchObject({
      byRole: { 记者: 2 },
      articles: 2,
      characters: 900,
      reads: 1100,
      points: 1.5,
    });
    expect(people.find((person) => person.name === '通讯员乙')).toMatchObject({ byRole: { 通讯员: 1 }, points: 1 });
  });

  it('shows editors everyone with the totals per 部门, a reporter only their own row', async () => {
    const period = monthPeriod('2026-11');
    if (!period.ok) throw new Error(period.error);
    await db.user.update({ where: { id: newsroom.reporter.id }, data: { department: '采访部' } });
    const editor = await statsView(db, newsroom.editorA, period.period, DEFAULT_POINT_RULES);
    expect(editor.everyone).toBe(true);
    // The three who signed the stories off count them as 编辑 (the retracted one for no one).
    expect(editor.people.map((person) => [person.name, person.edited])).toEqual([
      ['记者甲', 0],
      ['通讯员乙', 0],
      ['编辑丙', 2],
      ['编辑乙', 2],
      ['总编丁', 2],
    ]);
    expect(editor.departments).toMatchObject([
      { department: '采访部', people: 1, points: 1.5 },
      { department: '未设部门', people: 4, points: 1 },
    ]);
    const reporter = await statsView(db, newsroom.reporter, period.period, DEFAULT_POINT_RULES);
    expect(reporter.people.map((person) => person.name)).toEqual(['记者甲']);
    expect(reporter.departments).toEqual([]);
    // Seen as a reporter would (no 'stats:read-all'), an editor credited on nothing sees their own row (their
    // sign-offs) alone, never another's figures.
    const chiefAsReporter = await statsView(
      db,
      { ...newsroom.chief, role: 'REPORTER' },
      period.period,
      DEFAULT_POINT_RULES,
    );
    expect(chiefAsReporter.people.map((person) => [person.name, person.edited, person.points])).toEqual([
      ['总编丁', 2, 0],
    ]);
    expect(chiefAsReporter.departments).toEqual([]);
  });

  it('credits a story published before credits were kept with its revision by its authors', async () => {
    const period = monthPeriod('2026-11');
    if (!period.ok) throw new Error(period.error);
    const older = await publishedOn(12, '五'.repeat(200), 2);
    const { liveRevisionId } = await db.article.findUniqueOrThrow({ where: { id: older } });
    await db.revision.update({ where: { id: liveRevisionId! }, data: { credits: null } });
    const articles = await periodArticles(db, period.period);
    expect(articles.find((article) => article.id === older)?.credits).toEqual([
      { userId: newsroom.reporter.id, name: '记者甲', label: '记者' },
      { userId: null, name: '通讯员乙', label: '通讯员' },
    ]);
    // The others keep the credits their revisions hold.
    expect(articles.filter((article) => article.credits.length > 0)).toHaveLength(articles.length);
  });

  it('sums a range’s reads: its whole month from the monthly rows, the days of the part-months around it', async () => {
    const id = await publishedOn(14, '六'.repeat(100));
    await db.articleRead.createMany({
      data: [
        { articleId: id, day: '2026-10-24', count: 1 },
        { articleId: id, day: '2026-10-25', count: 20 },
        { articleId: id, day: '2026-11-14', count: 300, channel: 'web' },
        { articleId: id, day: '2026-11-14', count: 4_000, channel: 'app' },
        { articleId: id, day: '2026-12-05', count: 50_000 },
        { articleId: id, day: '2026-12-06', count: 600_000 },
      ],
    });
    const range = rangePeriod('2026-10-25', '2026-12-05');
    if (!range.ok) throw new Error(range.error);
    const articles = await periodArticles(db, range.period);
    expect(articles.find((article) => article.id === id)?.reads).toBe(54_320);
    const month = monthPeriod('2026-11');
    if (!month.ok) throw new Error(month.error);
    expect((await periodArticles(db, month.period)).find((article) => article.id === id)?.reads).toBe(4_300);
  });
});
