// Fills a migrated SQLite database with a large published archive, fast: one transaction with
// prepared statements (the Prisma client would take minutes for tens of thousands of stories).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

import { doc, paragraph as paragraphNode } from '../../lib/content/builders';
import { toPlainText } from '../../lib/content/plain-text';
import { countWords } from '../../lib/content/word-count';
import { instantAt, isoDateIn } from '../../lib/dates/time-zone';
import { refreshPlannerStatistics } from '../../lib/db-statistics';
import { articleParagraphs, headline, seededRandom } from './chinese-text';

export type ArchiveShape = {
  years: number;
  pagesPerIssue: number;
  articlesPerPage: number;
  firstNumber: number;
  charsPerArticle: number;
};

export type ArchiveSummary = {
  issues: number;
  stories: number;
  latestIssue: number;
  sampleSlug: string;
  seconds: number;
};

const DAY_MS = 86_400_000;

export function generateArchive(sqlitePath: string, shape: ArchiveShape, now = new Date()): ArchiveSummary {
  const started = Date.now();
  const sqlite = new Database(sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  const random = seededRandom(20200817);
  const publication = sqlite.prepare('SELECT id FROM "Publication" ORDER BY "createdAt" LIMIT 1').get() as
    { id: string } | undefined;
  if (!publication) throw new Error('no publication: load the sample issue first');

  const insertIssue = sqlite.prepare(
    `INSERT INTO "Issue" (id, "publicationId", number, date, status, "publishAt", "publishedAt", "pageCount", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?)`,
  );
  const insertPage = sqlite.prepare(`INSERT INTO "IssuePage" (id, "issueId", number, name) VALUES (?, ?, ?, ?)`);
  const insertArticle = sqlite.prepare(
    `INSERT INTO "Article" (id, "publicationId", slug, kicker, headline, subheadline, dateline, byline, body, "bodyText", "wordCount", status, "reviewLevel", "publishAt", "publishedAt", "liveRevisionId", version, "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, NULL, '本报讯', ?, ?, ?, ?, 'PUBLISHED', 3, ?, ?, ?, 1, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO "Revision" (id, "articleId", version, kicker, headline, dateline, byline, body, "bodyText", "wordCount", "createdAt") VALUES (?, ?, 1, ?, ?, '本报讯', ?, ?, ?, ?, ?)`,
  );
  const insertPlacement = sqlite.prepare(
    `INSERT INTO "ArticlePlacement" (id, "articleId", "pageId", position, "isContinuation") VALUES (?, ?, ?, ?, 0)`,
  );
  const insertAuthor = sqlite.prepare(
    `INSERT INTO "ArticleAuthor" (id, "articleId", position, name, label) VALUES (?, ?, 1, ?, '记者')`,
  );

  const PAGE_NAMES = ['要闻', '综合', '民生', '副刊'];
  const REPORTERS = ['徐敏', '严嘉慧', '黄淑妍', '闻凌世', '郑霞', '王一鸣', '刘畅', '陈思远'];
  const weeks = Math.floor((shape.years * 365) / 7);
  // Mondays going back from the latest one that has passed.
  const todayNoon = instantAt(isoDateIn(now), '12:00').getTime();
  const weekday = (new Date(todayNoon).getUTCDay() + 6) % 7;
  const lastMonday = todayNoon - weekday * DAY_MS;
  let stories = 0;
  let sampleSlug = '';

  const fill = sqlite.transaction(() => {
    // Article ↔ live revision point at each other; check the keys at commit.
    sqlite.pragma('defer_foreign_keys = ON');
    for (let week = weeks - 1; week >= 0; week -= 1) {
      const date = isoDateIn(new Date(lastMonday - week * 7 * DAY_MS));
      const publishAt = instantAt(date, '00:00').toISOString().replace('Z', '+00:00');
      const number = shape.firstNumber + (weeks - 1 - week);
      const issueId = randomUUID();
      insertIssue.run(
        issueId,
        publication.id,
        number,
        date,
        publishAt,
        publishAt,
        shape.pagesPerIssue,
        publishAt,
        publishAt,
      );
      for (let pageNumber = 1; pageNumber <= shape.pagesPerIssue; pageNumber += 1) {
        const pageId = randomUUID();
        insertPage.run(pageId, issueId, pageNumber, PAGE_NAMES[pageNumber - 1] ?? null);
        for (let position = 1; position <= shape.articlesPerPage; position += 1) {
          const articleId = randomUUID();
          const revisionId = randomUUID();
          const title = headline(random);
          const paragraphs = articleParagraphs(random, shape.charsPerArticle);
          const body = doc(...paragraphs.map((text) => paragraphNode(text)));
          const bodyJson = JSON.stringify(body);
          const bodyText = toPlainText(body);
          const reporter = REPORTERS[Math.floor(random() * REPORTERS.length)]!;
          const slug = `s${number}-${pageNumber}-${position}`;
          const byline = `记者 ${reporter}`;
          const words = countWords(bodyText);
          insertRevision.run(revisionId, articleId, null, title, byline, bodyJson, bodyText, words, publishAt);
          insertArticle.run(
            articleId,
            publication.id,
            slug,
            null,
            title,
            byline,
            bodyJson,
            bodyText,
            words,
            publishAt,
            publishAt,
            revisionId,
            publishAt,
            publishAt,
          );
          insertPlacement.run(randomUUID(), articleId, pageId, position);
          insertAuthor.run(randomUUID(), articleId, reporter);
          stories += 1;
          if (week === 0 && pageNumber === 1 && position === 1) sampleSlug = slug;
        }
      }
    }
  });
  fill();
  // What start-up does (server/prepare.ts): planner statistics for the new rows.
  refreshPlannerStatistics(sqlite);
  sqlite.close();
  return {
    issues: weeks,
    stories,
    latestIssue: shape.firstNumber + weeks - 1,
    sampleSlug,
    seconds: (Date.now() - started) / 1000,
  };
}
