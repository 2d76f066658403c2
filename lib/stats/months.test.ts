import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, draftArticle, signOff } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { AccessDenied } from '../access/denied';
import { publishArticle, submitArticle } from '../workflow/service';
import { closeMonth, LISTED_MONTHS, periodView, readPointRules, recentMonths, savePointRules } from './months';
import { monthPeriod, type StatsPeriod } from './period';
import { DEFAULT_POINT_RULES } from './points';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
let admin: Actor;
const AFTER = new Date(Date.UTC(2026, 11, 6));

function month(value: string): StatsPeriod {
  const result = monthPeriod(value);
  if (!result.ok) throw new Error(result.error);
  return result.period;
}

async function publishedIn(monthIndex: number): Promise<void> {
  const id = await draftArticle(
    db,
    newsroom,
    articleInput({ id: newsroom.reporter.id, name: '记者甲' }, '字'.repeat(600)),
  );
  await submitArticle(db, newsroom.reporter, id);
  await signOff(db, newsroom, id);
  await publishArticle(db, newsroom.chief, id, null);
  await db.article.update({ where: { id }, data: { publishedAt: new Date(Date.UTC(2026, monthIndex, 10)) } });
}

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  admin = await makeActor(db, 'ADMIN', { name: '管理员' });
  await publishedIn(9);
  await publishedIn(10);
});
afterAll(() => db.$disconnect());

describe('point rules and closed months', () => {
  it('refuses negative points with a message and changes nothing; only 考核设置’s keepers save rules', async () => {
    await expect(savePointRules(db, admin, { ...DEFAULT_POINT_RULES, perPhoto: -2 })).rejects.toThrow('分值不能为负数');
    await expect(savePointRules(db, newsroom.editorA, DEFAULT_POINT_RULES)).rejects.toBeInstanceOf(AccessDenied);
    await expect(savePointRules(db, newsroom.reporter, DEFAULT_POINT_RULES)).rejects.toBeInstanceOf(AccessDenied);
    // The rules in force, saved again: nothing written, nothing audited.
    expect(await savePointRules(db, newsroom.chief, DEFAULT_POINT_RULES)).toBe(false);
    expect(await readPointRules(db)).toEqual(DEFAULT_POINT_RULES);
    expect(await db.auditEvent.count({ where: { action: 'stats.rules' } })).toBe(0);
  });

  it('freezes a closed month; a later rule change applies to open months only, and is audited', async () => {
    // 600 characters on the web only: band 500+ gives 1 point by default.
    expect((await periodView(db, newsroom.editorA, month('2026-10'))).people[0]?.points).toBe(1);
    // The admin closes it: the snapshot holds everyone's figures though the admin may read none of them.
    await closeMonth(db, admin, '2026-10', AFTER);
    await savePointRules(db, newsroom.chief, {
      ...DEFAULT_POINT_RULES,
      bands: [
        { minChars: 0, print: 1, web: 0.5 },
        { minChars: 500, print: 4, web: 2 },
      ],
    });
    const october = await periodView(db, newsroom.editorA, month('2026-10'));
    expect(october.closedAt).not.toBeNull();
    expect(october.people[0]).toMatchObject({ name: '记者甲', points: 1 });
    const november = await periodView(db, newsroom.editorA, month('2026-11'));
    expect(november.closedAt).toBeNull();
    expect(november.people[0]?.points).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'stats.rules' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'stats.close', subjectId: '2026-10' } })).toBe(1);
    // The reporter reads their own row of the snapshot; nobody else's.
    expect((await periodView(db, newsroom.reporter, month('2026-10'))).people.map((p) => p.name)).toEqual(['记者甲']);
  });

  it('keeps a closed month’s figures when its stories change later', async () => {
    await db.articleRead.deleteMany();
    const id = (await db.article.findFirstOrThrow({ where: { publishedAt: new Date(Date.UTC(2026, 9, 10)) } })).id;
    // 20,000 reads would add the 10,000+ reach bonus (3) to an open month.
    await db.articleRead.create({ data: { articleId: id, day: '2026-10-12', count: 20000 } });
    const october = await periodView(db, newsroom.editorA, month('2026-10'));
    expect(october.people[0]).toMatchObject({ points: 1, reads: 0 });
  });

  it('refuses closing twice, a month not over, and anyone without stats:manage, changing nothing', async () => {
    await expect(closeMonth(db, newsroom.chief, '2026-10', AFTER)).rejects.toThrow('2026年10月已经结账');
    await expect(closeMonth(db, newsroom.chief, '2026-12', AFTER)).rejects.toThrow('2026年12月还没有结束，不能结账');
    await expect(closeMonth(db, newsroom.chief, '2027-03', AFTER)).rejects.toThrow('2027年3月还没有结束，不能结账');
    await expect(closeMonth(db, newsroom.editorA, '2026-11', AFTER)).rejects.toBeInstanceOf(AccessDenied);
    await expect(closeMonth(db, newsroom.reporter, '2026-11', AFTER)).rejects.toBeInstanceOf(AccessDenied);
    await expect(closeMonth(db, newsroom.chief, '2026-13', AFTER)).rejects.toThrow('月份应写成');
    expect(await db.statsMonth.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'stats.close' } })).toBe(1);
  });

  it('lists this month and the eleven before it, newest first, each open or closed by whom', async () => {
    const months = await recentMonths(db, newsroom.chief, AFTER);
    expect(months).toHaveLength(LISTED_MONTHS);
    expect(months[0]).toMatchObject({ month: '2026-12', label: '2026年12月', over: false, closed: null });
    expect(months[1]).toMatchObject({ month: '2026-11', over: true, closed: null });
    expect(months[2]).toMatchObject({ month: '2026-10', over: true, closed: { by: '管理员' } });
    expect(months.at(-1)?.month).toBe('2026-01');
    await expect(recentMonths(db, newsroom.editorA, AFTER)).rejects.toBeInstanceOf(AccessDenied);
  });
});
