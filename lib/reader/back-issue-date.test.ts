// An imported back issue (第1600期 of 2020, imported and published "today", 2026-12-06): its readers see
// the issue's date on its stories (article page, JSON-LD, feed, search results and the search's date
// range), not the day it was put online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { doc, paragraph } from '../content/builders';
import { formatReaderDate } from '../dates/reader-date';
import { saveImportedIssue } from '../importer/import-service';
import { publishIssue } from '../issues/planner-service';
import { dateRange } from '../search/date-range';
import { searchPublished } from '../search/search';
import { approveArticle, submitArticle } from '../workflow/service';
import { readArticle } from './article';
import { readFeedItems } from './feeds';
import { newsArticleJsonLd } from './json-ld';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
const TODAY = new Date('2026-12-06T02:15:00Z');

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
});
afterAll(() => db.$disconnect());

describe('an imported back issue published today', () => {
  it('shows its stories with the issue’s date', async () => {
    const { reporter, editorA, editorB, chief } = newsroom;
    const imported = await saveImportedIssue(
      db,
      {
        publication: {
          name: '今日柯城',
          publisher: '柯城区融媒体中心编印',
          hotline: '',
          address: null,
          postcode: null,
        },
        number: 1600,
        date: '2020-03-02',
        pageCount: 1,
        pages: [{ number: 1, name: '要闻' }],
        stories: [
          {
            page: 1,
            continuedOn: [],
            kicker: null,
            headline: '柯城复工复产按下快进键',
            subheadline: null,
            dateline: '本报讯',
            byline: null,
            authors: [],
            body: doc(paragraph('全区规上工业企业复工率达到百分之九十八。')),
          },
        ],
      },
      { actorId: reporter.id, replace: false },
    );
    if (!imported.ok) throw new Error(imported.error);
    const articleId = (await db.article.findFirstOrThrow({ where: { headline: '柯城复工复产按下快进键' } })).id;
    await submitArticle(db, reporter, articleId, TODAY);
    for (const reviewer of [editorA, editorB, chief]) await approveArticle(db, reviewer, articleId, '', TODAY);
    await publishIssue(db, chief, imported.issueId, null, TODAY);

    const { slug } = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const lookup = await readArticle(db, slug, TODAY);
    if (lookup.kind !== 'visible') throw new Error(lookup.kind);
    expect(formatReaderDate(lookup.article.published)).toBe('2020-03-02');
    expect(newsArticleJsonLd(lookup.article).datePublished).toBe('2020-03-01T16:00:00.000Z');
    const item = (await readFeedItems(db, TODAY)).find((feedItem) => feedItem.slug === slug);
    expect(item?.publishedAt).toBe('2020-03-01T16:00:00.000Z');
    const hit = (await searchPublished(db, { q: '复工复产' }, TODAY)).hits.find((found) => found.slug === slug);
    expect(hit?.published && formatReaderDate(hit.published)).toBe('2020-03-02');
    // The search's date range asks for the date readers see: the issue's day finds it, the import's does not.
    const inRange = async (from: string, to: string) => {
      const range = dateRange(from, to);
      const result = await searchPublished(db, { q: '复工复产', from: range.from, to: range.to }, TODAY);
      return result.hits.map((found) => found.slug);
    };
    expect(await inRange('2020-03-02', '2020-03-02')).toEqual([slug]);
    expect(await inRange('2020-03-01', '2020-03-31')).toEqual([slug]);
    expect(await inRange('2026-12-01', '2026-12-06')).toEqual([]);
  });

  it('shows the sample issue, put online at 00:00 on its date, with its date alone (no "00:00")', async () => {
    const lookup = await readArticle(db, 'ke-cheng-duo-xia-da-yu-ding', TODAY);
    if (lookup.kind !== 'visible') throw new Error(lookup.kind);
    expect(formatReaderDate(lookup.article.published)).toBe('2020-08-17');
  });
});
