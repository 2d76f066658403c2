import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { readArchiveMonth, readArchiveMonths } from './archive';
import { readArticle } from './article';
import { readFeedItems, readSitemapArticles, readSitemapIssues, readSitemapYears } from './feeds';
import { latestIssueNumber, readIssuePage } from './issue-page';
import { newsArticleJsonLd } from './json-ld';
import { scheduleEpoch, upcomingPublishTimes } from './schedule';

const db = openTestDatabase();
const now = new Date('2026-11-25T00:00:00Z');
const DAYU = 'ke-cheng-duo-xia-da-yu-ding';

beforeAll(async () => {
  await loadSampleIssue(db);
});
afterAll(() => db.$disconnect());

describe('issue pages', () => {
  it('shows page 1 of the latest issue with its four stories in order, with openings', async () => {
    expect(await latestIssueNumber(db, now)).toBe(1705);
    const view = (await readIssuePage(db, 1705, 1, now))!;
    expect(view.issue).toMatchObject({ number: 1705, date: '2020-08-17', pageCount: 4 });
    expect(view.pages.map((p) => [p.number, p.articleCount])).toEqual([
      [1, 4],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
    expect(view.stories.map((s) => s.headline)).toEqual([
      '现场会在柯城召开',
      '柯城区人民医院干部职工大会召开',
      '柯城区八届区委第十二轮巡察全部进驻！',
      '柯城夺下“大禹鼎”',
    ]);
    expect(view.stories[0]!.kicker).toBe('市域社会治理现代化·红色物业联盟治理篇');
    expect(view.stories[0]!.teaser).toMatch(/^8月14日上午/);
    expect(view.stories[3]!.continuesOn).toEqual([2]);
    expect(view.previousIssue).toBeNull();
    expect(view.nextIssue).toBeNull();
  });

  it('shows a continued story on the page it jumps to as 上接', async () => {
    const view = (await readIssuePage(db, 1705, 2, now))!;
    expect(view.stories).toHaveLength(1);
    expect(view.stories[0]).toMatchObject({ slug: DAYU, continuedFrom: 1, continuesOn: [] });
  });

  it('has an empty page 3, and no page 5 or issue 1706', async () => {
    expect((await readIssuePage(db, 1705, 3, now))!.stories).toEqual([]);
    expect(await readIssuePage(db, 1705, 5, now)).toBeNull();
    expect(await readIssuePage(db, 1706, 1, now)).toBeNull();
  });

  it('hides an issue before its publish time', async () => {
    const before = new Date('2020-08-16T15:59:59Z'); // 23:59:59 on the 16th in Shanghai
    expect(await latestIssueNumber(db, before)).toBeNull();
    expect(await readIssuePage(db, 1705, 1, before)).toBeNull();
  });
});

describe('articles', () => {
  it('reads a story from its live revision with print placement and neighbours', async () => {
    const lookup = await readArticle(db, DAYU, now);
    expect(lookup.kind).toBe('visible');
    if (lookup.kind !== 'visible') return;
    const { article } = lookup;
    expect(article.print).toEqual({ issue: { number: 1705, date: '2020-08-17' }, pages: [1, 2] });
    expect(article.bodyHtml).toContain('<h2>治水治出美丽河湖</h2>');
    expect(article.previousOnPage?.headline).toBe('柯城区八届区委第十二轮巡察全部进驻！');
    expect(article.nextOnPage).toBeNull();
    expect(article.authors.map((a) => a.name)).toEqual(['黄淑妍', '闻凌世']);
  });

  it('reads the 巡察 table with header cells', async () => {
    const slug = (await db.article.findFirstOrThrow({ where: { headline: { contains: '巡察' } } })).slug;
    const lookup = await readArticle(db, slug, now);
    expect(lookup.kind === 'visible' && lookup.article.bodyHtml).toContain('<div class="table-scroll"><table');
    expect(lookup.kind === 'visible' && lookup.article.bodyHtml).toContain('<th scope="col">');
  });

  it('does not show a scheduled story before its time, then shows it', async () => {
    const story = await db.article.findFirstOrThrow({ where: { headline: '现场会在柯城召开' } });
    const at = new Date(now.getTime() + 60_000);
    await db.article.update({ where: { id: story.id }, data: { publishAt: at } });
    expect((await readArticle(db, story.slug, now)).kind).toBe('missing');
    expect((await readIssuePage(db, 1705, 1, now))!.stories).toHaveLength(3);
    expect(await upcomingPublishTimes(db, now)).toEqual([at.getTime()]);
    expect(scheduleEpoch([at.getTime()], now)).toBe(0);
    expect(scheduleEpoch([at.getTime()], at)).toBe(1);
    expect((await readArticle(db, story.slug, at)).kind).toBe('visible');
    await db.article.update({ where: { id: story.id }, data: { publishAt: story.publishAt } });
  });

  it('replaces a retracted story with a notice and drops it from lists', async () => {
    const story = await db.article.findFirstOrThrow({ where: { headline: '柯城区人民医院干部职工大会召开' } });
    await db.article.update({
      where: { id: story.id },
      data: { status: 'RETRACTED', retractedAt: now, retractionNote: '数据有误' },
    });
    expect(await readArticle(db, story.slug, now)).toEqual({
      kind: 'retracted',
      headline: story.headline,
      note: '数据有误',
      retractedAt: now.toISOString(),
    });
    expect((await readIssuePage(db, 1705, 1, now))!.stories.map((s) => s.slug)).not.toContain(story.slug);
    expect((await readFeedItems(db, now)).map((i) => i.slug)).not.toContain(story.slug);
    expect((await readSitemapArticles(db, 2020, now)).map((i) => i.slug)).not.toContain(story.slug);
    await db.article.update({
      where: { id: story.id },
      data: { status: 'PUBLISHED', retractedAt: null, retractionNote: null },
    });
  });

  it('shows corrections with their dates', async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: DAYU } });
    await db.correction.create({ data: { articleId: story.id, note: '原文“2015年”应为“2014年”。', createdAt: now } });
    const lookup = await readArticle(db, DAYU, now);
    expect(lookup.kind === 'visible' && lookup.article.corrections).toEqual([
      { note: '原文“2015年”应为“2014年”。', createdAt: now.toISOString() },
    ]);
  });

  it('treats deleted and unknown slugs as missing', async () => {
    expect((await readArticle(db, 'no-such-story', now)).kind).toBe('missing');
  });
});

describe('archive, feed and sitemap', () => {
  it('lists months and the issues of a month with their lead story', async () => {
    expect(await readArchiveMonths(db, now)).toEqual([{ year: 2020, month: 8, count: 1 }]);
    expect(await readArchiveMonth(db, 2020, 8, now)).toEqual([
      { number: 1705, date: '2020-08-17', pageCount: 4, lead: '现场会在柯城召开' },
    ]);
    expect(await readArchiveMonth(db, 2020, 9, now)).toEqual([]);
  });

  it('feeds the latest stories and maps only the years that have content', async () => {
    expect(await readFeedItems(db, now)).toHaveLength(4);
    // The sample is from 2020; 2021 to 2026 have nothing, so they get no (empty) sitemap.
    expect(await readSitemapYears(db, now)).toEqual([2020]);
    expect(await readSitemapIssues(db, 2020, now)).toEqual([expect.objectContaining({ number: 1705, pageCount: 4 })]);
    expect(await readSitemapArticles(db, 2020, now)).toHaveLength(4);
  });
});

/** A cover as publishing sets it: on the story and on the published revision readers get. */
async function publishCover(mediaId: string): Promise<void> {
  const story = await db.article.update({ where: { slug: DAYU }, data: { coverMediaId: mediaId } });
  await db.revision.update({ where: { id: story.liveRevisionId! }, data: { coverMediaId: mediaId } });
}

describe('cover images', () => {
  it('shows a story’s cover on its card, its page and in its JSON-LD, in web sizes never larger than the original', async () => {
    const media = await db.media.create({
      data: {
        storageKey: `ab/${'c'.repeat(32)}`,
        mime: 'image/jpeg',
        size: 3_400_000,
        width: 4000,
        height: 3000,
        sha256: 'd'.repeat(64),
        alt: '大禹鼎颁奖现场',
        caption: '柯城捧回大禹鼎',
      },
    });
    await publishCover(media.id);

    const lookup = await readArticle(db, DAYU, now);
    if (lookup.kind !== 'visible') throw new Error('expected a visible story');
    expect(lookup.article.cover).toEqual({
      src: `/media/ab/${'c'.repeat(32)}/800.webp`,
      large: `/media/ab/${'c'.repeat(32)}/1600.webp`,
      width: 800,
      height: 600,
      largeWidth: 1600,
      largeHeight: 1200,
      alt: '大禹鼎颁奖现场',
      caption: '柯城捧回大禹鼎',
    });
    expect(newsArticleJsonLd(lookup.article).image).toEqual([
      expect.stringMatching(new RegExp(`/media/ab/c{32}/1600\\.webp$`)),
    ]);

    const page1 = (await readIssuePage(db, 1705, 1, now))!;
    expect(page1.stories.find((story) => story.slug === DAYU)?.cover?.src).toBe(`/media/ab/${'c'.repeat(32)}/800.webp`);
    expect(page1.stories.filter((story) => story.slug !== DAYU).every((story) => story.cover === null)).toBe(true);
    // The continuation on page 2 has no second picture.
    expect((await readIssuePage(db, 1705, 2, now))!.stories[0]!.cover).toBeNull();
  });

  it('keeps a small original at its own size', async () => {
    const media = await db.media.create({
      data: {
        storageKey: `cd/${'e'.repeat(32)}`,
        mime: 'image/png',
        size: 9000,
        width: 640,
        height: 480,
        sha256: 'f'.repeat(64),
      },
    });
    await publishCover(media.id);
    const lookup = await readArticle(db, DAYU, now);
    if (lookup.kind !== 'visible') throw new Error('expected a visible story');
    expect(lookup.article.cover).toMatchObject({
      width: 640,
      height: 480,
      largeWidth: 640,
      largeHeight: 480,
      alt: '',
      caption: null,
    });
    expect(newsArticleJsonLd({ ...lookup.article, cover: null })).not.toHaveProperty('image');
  });
});
