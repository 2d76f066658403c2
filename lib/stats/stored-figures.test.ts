// 考核 at scale (issue 34, deliverable 5): the photos kept on each revision (Revision.figureCount, set
// when the text is written, backfilled by the stats_scale migration) and the indexed read path of
// periodArticles/dailyReads, which must give what the one-query path gave (kept below as the reference)
// on a hand-built month.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, draftArticle, signOff } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { addPublishedArticle, addPublishedIssue } from '../../test/support/stats-month';
import { saveArticle } from '../articles/editor-service';
import { doc, paragraph } from '../content/builders';
import { countFigures } from '../content/figures';
import { parseDoc } from '../content/types';
import { migrationsDir } from '../database/migration-files';
import { isoDateIn } from '../dates/time-zone';
import type { Db } from '../db-client';
import { kindOf } from '../db-kind';
import { loadStructuredIssue } from '../issues/load-structured';
import type { Credit } from '../revisions/published-copy';
import { publishArticle, submitArticle } from '../workflow/service';
import { dailyReads, fillDays } from './daily-reads';
import type { StatsArticle } from './figures';
import { monthPeriod, rangePeriod, type StatsPeriod } from './period';
import { periodArticles } from './period-articles';
import { reviewDurations } from './review-time';

const db = openTestDatabase();
let newsroom: SampleNewsroom;

const figure = (mediaId: string) => ({
  type: 'figure',
  attrs: { src: `/media/ab/${mediaId}/1600.webp`, alt: '公园', caption: '公园', mediaId },
});

function periodOf(result: ReturnType<typeof monthPeriod>): StatsPeriod {
  if (!result.ok) throw new Error(result.error);
  return result.period;
}

/** The path before deliverable 5: one query with an OR over placements, every live body parsed. */
async function onePassArticles(db: Db, period: StatsPeriod): Promise<StatsArticle[]> {
  const inPrint = {
    page: { issue: { status: 'PUBLISHED' as const, date: { gte: period.firstDay, lte: period.lastDay } } },
  };
  const rows = await db.article.findMany({
    where: {
      deletedAt: null,
      liveRevisionId: { not: null },
      OR: [{ publishedAt: { gte: period.start, lt: period.end } }, { placements: { some: inPrint } }],
    },
    include: {
      liveRevision: true,
      authors: { orderBy: { position: 'asc' } },
      placements: {
        where: { page: { issue: { status: 'PUBLISHED' } } },
        include: { page: { include: { issue: true } } },
      },
      channelSends: { where: { status: 'SENT' } },
      signoffs: { where: { decision: 'APPROVE', clearedAt: null } },
      reads: { where: { day: { gte: period.firstDay, lte: period.lastDay } } },
    },
  });
  const submissions = await db.auditEvent.findMany({
    where: { action: 'article.submit', subjectId: { in: rows.map((row) => row.id) } },
  });
  return rows
    .flatMap((row): StatsArticle[] => {
      const live = row.liveRevision!;
      const day = row.placements.map((placement) => placement.page.issue.date).sort()[0] ?? isoDateIn(row.publishedAt!);
      if (day < period.firstDay || day > period.lastDay) return [];
      return [
        {
          id: row.id,
          characters: live.wordCount,
          photos: countFigures(parseDoc(live.body)) + (live.coverMediaId ? 1 : 0),
          credits: live.credits
            ? (JSON.parse(live.credits) as Credit[])
            : row.authors.map(({ userId, name, label }) => ({ userId, name, label })),
          placements: row.placements.map((placement) => ({
            page: placement.page.number,
            position: placement.position,
          })),
          channels: new Set(row.channelSends.map((send) => send.channel)).size,
          reads: row.reads.reduce((sum, read) => sum + read.count, 0),
          retracted: row.retractedAt !== null,
          editors: [...new Set(row.signoffs.map((signoff) => signoff.reviewerId))],
          reviews: reviewDurations({
            submittedAt: submissions.filter((event) => event.subjectId === row.id).map((event) => event.createdAt),
            signoffs: row.signoffs.map((signoff) => ({ level: signoff.level, at: signoff.createdAt })),
          }),
        },
      ];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
});
afterAll(() => db.$disconnect());

describe('Revision.figureCount', () => {
  it('is set when the text is saved, kept on publishing, and follows a later edit', async () => {
    const media = await db.media.create({
      data: {
        storageKey: 'ab/stats-figures',
        mime: 'image/jpeg',
        size: 4,
        width: 8,
        height: 6,
        sha256: 'f'.repeat(64),
      },
    });
    const input = articleInput(newsroom.reporter, '正文。', {
      body: doc(paragraph('正文。'), figure(media.id), figure(media.id)),
    });
    const id = await draftArticle(db, newsroom, input);
    const latest = () => db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: 'desc' } });
    expect((await latest()).figureCount).toBe(2);
    await submitArticle(db, newsroom.reporter, id);
    await signOff(db, newsroom, id);
    await publishArticle(db, newsroom.chief, id, null);
    const live = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevision: true } });
    expect(live.liveRevision?.figureCount).toBe(2);
    // Every revision's count is its own body's.
    for (const revision of await db.revision.findMany({ where: { articleId: id } }))
      expect(revision.figureCount).toBe(countFigures(parseDoc(revision.body)));
    // An edit after publishing that drops a photo: the new text's revision has one; readers' has two.
    const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const edited = await saveArticle(db, newsroom.chief, id, version, {
      ...input,
      body: doc(paragraph('正文。'), figure(media.id)),
    });
    expect(edited.ok).toBe(true);
    expect((await latest()).figureCount).toBe(1);
    const still = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevision: true } });
    expect(still.liveRevision?.figureCount).toBe(2);
  });

  it('is set on a story an issue import publishes', async () => {
    const publication = await db.publication.findUniqueOrThrow({ where: { id: newsroom.publicationId } });
    const loaded = await loadStructuredIssue(
      db,
      {
        publication,
        number: 8_801,
        date: '2026-11-05',
        pageCount: 1,
        pages: [{ number: 1, name: '要闻' }],
        stories: [
          {
            page: 1,
            continuedOn: [],
            kicker: null,
            headline: '导入的图片新闻',
            subheadline: null,
            dateline: '本报讯',
            byline: '记者 甲',
            authors: [{ name: '甲', label: '记者' }],
            body: doc(paragraph('图片新闻。'), figure('m1'), figure('m2')),
          },
        ],
      },
      { publicationSlug: publication.slug, mode: { kind: 'published' }, auditAction: 'issue.import' },
    );
    if (!loaded.created) throw new Error('not imported');
    const article = await db.article.findUniqueOrThrow({
      where: { id: loaded.articleIds[0] },
      select: { liveRevision: { select: { figureCount: true } } },
    });
    expect(article.liveRevision?.figureCount).toBe(2);
  });

  it('is filled in by the stats_scale migration for revisions written before it', async () => {
    const dir = migrationsDir(kindOf(db));
    const folder = fs.readdirSync(dir).find((name) => name.endsWith('_stats_scale'))!;
    const sql = fs.readFileSync(path.join(dir, folder, 'migration.sql'), 'utf8');
    const backfill = /UPDATE "Revision"[\s\S]*?;\n/.exec(sql)?.[0];
    expect(backfill).toBeDefined();
    const id = await draftArticle(db, newsroom, articleInput(newsroom.reporter, '旧稿。'));
    const old = (body: object, version: number) =>
      db.revision.create({
        data: { articleId: id, version, headline: '旧稿', body: JSON.stringify(body), bodyText: '', figureCount: 0 },
      });
    // As a revision stood before the column: its figures anywhere in the body, nested ones too.
    const nested = await old(
      doc(
        paragraph('图'),
        figure('m1'),
        { type: 'blockquote', content: [figure('m2'), paragraph('引')] },
        figure('m3'),
      ),
      100,
    );
    // The word "figure" in the text is not a figure.
    const words = await old(doc(paragraph('a "figure" of speech')), 101);
    const none = await old(doc(paragraph('无图')), 102);
    await db.$executeRawUnsafe(backfill!);
    const counts = await db.revision.findMany({
      where: { id: { in: [nested.id, words.id, none.id] } },
      select: { id: true, figureCount: true },
    });
    expect(new Map(counts.map((row) => [row.id, row.figureCount]))).toEqual(
      new Map([
        [nested.id, 3],
        [words.id, 0],
        [none.id, 0],
      ]),
    );
  });
});

describe('the indexed read path on a hand-built month', () => {
  it('gives what the one-query path gave, for November, its neighbours and a range', async () => {
    const reporter = { userId: newsroom.reporter.id, name: '记者甲', label: '记者' };
    const other = { userId: newsroom.editorA.id, name: '编辑乙', label: '摄' };
    const october = await addPublishedIssue(db, newsroom.publicationId, 9_001, '2026-10-31', 2);
    const first = await addPublishedIssue(db, newsroom.publicationId, 9_002, '2026-11-01', 4);
    const mid = await addPublishedIssue(db, newsroom.publicationId, 9_003, '2026-11-15', 4);
    const december = await addPublishedIssue(db, newsroom.publicationId, 9_004, '2026-12-01', 2);
    const planning = await db.issue.create({
      data: { publicationId: newsroom.publicationId, number: 9_005, date: '2026-11-20', pageCount: 1 },
      select: { id: true },
    });
    const planningPage = await db.issuePage.create({ data: { issueId: planning.id, number: 1 } });
    const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    let slug = 0;
    const add = (seed: Partial<Parameters<typeof addPublishedArticle>[2]> & { publishedAt: Date }) =>
      addPublishedArticle(db, newsroom.publicationId, {
        slug: `stats-path-${(slug += 1)}`,
        headline: `考核路径 ${slug}`,
        characters: 400 + slug * 100,
        credits: [reporter],
        ...seed,
      });
    // Online the evening of 31 October, 头条 of 1 November's page 1: November's.
    const moved = await add({
      publishedAt: at('2026-10-31', 20),
      placement: { pageId: first[0]!, position: 0 },
      figures: 2,
      reads: [
        { day: '2026-10-31', count: 50 },
        { day: '2026-11-01', count: 900 },
      ],
    });
    // Online 30 November, printed 1 December: December's.
    await add({ publishedAt: at('2026-11-30'), placement: { pageId: december[1]!, position: 0 } });
    // Online in November, printed on 31 October (a preview): October's.
    await add({ publishedAt: at('2026-11-02'), placement: { pageId: october[1]!, position: 3 } });
    // Web only, two credits, photos.
    const web = await add({
      publishedAt: at('2026-11-10'),
      credits: [reporter, other],
      figures: 3,
      reads: [
        { day: '2026-11-10', count: 1200 },
        { day: '2026-12-02', count: 40 },
      ],
    });
    // Page 1 second, and also on a page of an issue still being planned (not counted).
    const twice = await add({ publishedAt: at('2026-11-15', 6), placement: { pageId: mid[0]!, position: 1 } });
    await db.articlePlacement.create({ data: { articleId: twice, pageId: planningPage.id, position: 0 } });
    await db.articlePlacement.create({ data: { articleId: twice, pageId: mid[2]!, position: 0 } });
    // Retracted, and deleted.
    const retracted = await add({ publishedAt: at('2026-11-18') });
    await db.article.update({ where: { id: retracted }, data: { retractedAt: at('2026-11-19') } });
    const deleted = await add({ publishedAt: at('2026-11-19'), figures: 1 });
    await db.article.update({ where: { id: deleted }, data: { deletedAt: at('2026-11-20') } });
    // Sent to channels (a failed send does not count), signed off after a submission.
    await db.channelSend.createMany({
      data: [
        { articleId: web, channel: 'WECHAT', status: 'SENT' },
        { articleId: web, channel: 'APP', status: 'SENT' },
        { articleId: moved, channel: 'WEIBO', status: 'FAILED' },
      ],
    });
    await db.signoff.createMany({
      data: [1, 2, 3].map((level) => ({
        articleId: moved,
        level,
        reviewerId: newsroom.editorB.id,
        decision: 'APPROVE' as const,
        articleVersion: 1,
        createdAt: at('2026-10-31', 12 + level),
      })),
    });

    for (const period of [
      periodOf(monthPeriod('2026-10')),
      periodOf(monthPeriod('2026-11')),
      periodOf(monthPeriod('2026-12')),
      periodOf(rangePeriod('2026-10-15', '2026-12-15')),
    ])
      expect(await periodArticles(db, period)).toEqual(await onePassArticles(db, period));

    // By hand, November: the moved 头条 (2 photos, 900 reads in November), the web story (3 photos),
    // the one on page 1 (its planned placement left out), the retracted one; not the deleted one.
    const november = await periodArticles(db, periodOf(monthPeriod('2026-11')));
    const mine = november.filter((article) => [moved, web, twice, retracted, deleted].includes(article.id));
    expect(mine.map((article) => article.id).sort()).toEqual([moved, web, twice, retracted].sort());
    expect(mine.find((article) => article.id === moved)).toMatchObject({
      photos: 2,
      reads: 900,
      placements: [{ page: 1, position: 0 }],
      editors: [newsroom.editorB.id],
    });
    expect(mine.find((article) => article.id === web)).toMatchObject({ photos: 3, reads: 1200, channels: 2 });
    expect(mine.find((article) => article.id === twice)?.placements).toHaveLength(2);
  });

  it('sums reads per day for everyone and for one person’s stories as the relation filter did', async () => {
    const period = periodOf(monthPeriod('2026-11'));
    for (const userId of [null, newsroom.reporter.id, newsroom.editorA.id, newsroom.chief.id]) {
      const rows = await db.articleRead.groupBy({
        by: ['day'],
        where: {
          day: { gte: period.firstDay, lte: period.lastDay },
          ...(userId ? { article: { authors: { some: { userId } } } } : {}),
        },
        _sum: { count: true },
      });
      expect(await dailyReads(db, period, userId)).toEqual(
        fillDays(
          period,
          rows.map((row) => ({ day: row.day, reads: row._sum.count ?? 0 })),
        ),
      );
    }
    const everyone = await dailyReads(db, period, null);
    expect(everyone.find((row) => row.day === '2026-11-01')?.reads).toBeGreaterThanOrEqual(900);
  });
});
