// bench:stats's newsroom (issue 34, deliverable 5), written straight into a migrated SQLite database
// with prepared statements in one transaction (the Prisma client would take an hour for this):
//   - a county paper's archive: ARCHIVE_PER_DAY (30) published stories a day from ARCHIVE_FROM to the day
//     before the measured month (~9 years, ~97,700 stories), each credited, signed off at three levels
//     after a submission (audit `article.submit`, chained as recordAudit chains), most printed in that
//     day's 4-page issue;
//   - the measured month (MONTH): PEOPLE (200) accounts in 8 部门, 100 stories a day (3,000) with 1–3
//     credits (colleagues, a 通讯员 or 摄影 without an account), 0–3 photos, 40 % in that day's 8-page issue
//     (头版/头条 included), some online the day before their issue, a few printed again; channel sends;
//   - READ_ROWS (20 million) ArticleRead rows: every story read each day for ~170 days after it went
//     online, up to the day before "today" — built by one INSERT … SELECT over a recursive day series.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

import { chainNext, GENESIS_HASH, type ChainLink } from '../../../lib/audit/chain';
import { instantAt } from '../../../lib/dates/time-zone';
import { refreshPlannerStatistics } from '../../../lib/db-statistics';
import type { Role } from '../../../lib/generated/prisma/enums';
import { articleParagraphs, headline, seededRandom } from '../../../test/support/chinese-text';

export const MONTH = '2026-11';
const ARCHIVE_FROM = '2017-12-01';
const ARCHIVE_PER_DAY = 30;
const MONTH_PER_DAY = 100;
export const PEOPLE = 200;
const DEPARTMENTS = ['采访部', '编辑部', '摄影部', '新媒体部', '专题部', '通联部', '经济部', '政法部'];
/** Reads stop the day before the bench's "today" (2026-12-06). */
const LAST_READ_DAY = '2026-12-05';
export const READ_ROWS = 20_000_000;

export type StatsArchiveSummary = {
  articles: number;
  monthArticles: number;
  issues: number;
  people: number;
  readRows: number;
  seconds: { articles: number; reads: number; indexes: number; statistics: number };
  editorId: string;
  reporterId: string;
};

/** A cuid-length id (25 characters), as Prisma writes them. */
const newId = () => `c${randomBytes(12).toString('hex')}`;
const iso = (date: Date) => date.toISOString().replace('Z', '+00:00');

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const textDoc = (paragraphs: readonly string[], figures: number) =>
  JSON.stringify({
    type: 'doc',
    content: [
      ...paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
      ...Array.from({ length: figures }, (_, index) => ({
        type: 'figure',
        attrs: { src: `/media/bench-${index}.webp`, alt: '现场图片', caption: '记者 摄', mediaId: null },
      })),
    ],
  });

export function buildStatsArchive(sqlitePath: string): StatsArchiveSummary {
  const sqlite = new Database(sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('cache_size = -1000000');
  const random = seededRandom(3434);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const publicationId = (
    sqlite.prepare('SELECT id FROM "Publication" ORDER BY "createdAt" LIMIT 1').get() as {
      id: string;
    }
  ).id;

  const insertUser = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, department, role, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertIssue = sqlite.prepare(
    `INSERT INTO "Issue" (id, "publicationId", number, date, status, "publishAt", "publishedAt", "pageCount", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?)`,
  );
  const insertPage = sqlite.prepare(`INSERT INTO "IssuePage" (id, "issueId", number) VALUES (?, ?, ?)`);
  const insertArticle = sqlite.prepare(
    `INSERT INTO "Article" (id, "publicationId", slug, headline, dateline, byline, body, "bodyText", "wordCount", status, "reviewLevel", "publishAt", "publishedAt", "retractedAt", "liveRevisionId", version, "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, '本报讯', ?, ?, ?, ?, 'PUBLISHED', 3, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO "Revision" (id, "articleId", version, headline, dateline, byline, body, "bodyText", "wordCount", "figureCount", credits, kind, "createdAt", "savedAt") VALUES (?, ?, 1, ?, '本报讯', ?, ?, ?, ?, ?, ?, 'PUBLISH', ?, ?)`,
  );
  const insertAuthor = sqlite.prepare(
    `INSERT INTO "ArticleAuthor" (id, "articleId", position, "userId", name, label) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertPlacement = sqlite.prepare(
    `INSERT INTO "ArticlePlacement" (id, "articleId", "pageId", position, "isContinuation") VALUES (?, ?, ?, ?, 0)`,
  );
  const insertSignoff = sqlite.prepare(
    `INSERT INTO "Signoff" (id, "articleId", level, "reviewerId", decision, "articleVersion", "createdAt") VALUES (?, ?, ?, ?, 'APPROVE', 1, ?)`,
  );
  const insertSend = sqlite.prepare(
    `INSERT INTO "ChannelSend" (id, "articleId", channel, status, at) VALUES (?, ?, ?, 'SENT', ?)`,
  );
  const insertAudit = sqlite.prepare(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "subjectType", "subjectId", details, ip, "createdAt", seq, "prevHash", hash)
     VALUES (@id, @actorId, @action, @subjectType, @subjectId, @details, @ip, @createdAt, @seq, @prevHash, @hash)`,
  );

  // A pool of texts to draw from: 100,000 different bodies would only make the build slower.
  const archiveTexts = Array.from({ length: 64 }, () => articleParagraphs(random, 300));
  const headlines = Array.from({ length: 256 }, () => headline(random));
  const started = performance.now();
  const people: { id: string; name: string; role: Role }[] = [];
  let articles = 0;
  let monthArticles = 0;
  let issues = 0;
  let head: ChainLink = (sqlite.prepare('SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1').get() as
    ChainLink | undefined) ?? { seq: 0, hash: GENESIS_HASH };
  const nextIssueNumber =
    ((sqlite.prepare('SELECT max(number) AS n FROM "Issue"').get() as { n: number | null }).n ?? 0) + 1;
  sqlite.exec(
    'CREATE TEMP TABLE bench_online (id TEXT PRIMARY KEY, day TEXT NOT NULL, span INTEGER NOT NULL) WITHOUT ROWID',
  );
  const insertOnline = sqlite.prepare('INSERT INTO bench_online (id, day, span) VALUES (?, ?, ?)');

  type Credit = { userId: string | null; name: string; label: string };
  type Seed = {
    day: string;
    publishedAt: Date;
    paragraphs: readonly string[];
    figures: number;
    credits: Credit[];
    retracted: boolean;
  };
  const addArticle = (seed: Seed): string => {
    const id = newId();
    const revisionId = newId();
    const bodyText = seed.paragraphs.join('\n');
    const body = textDoc(seed.paragraphs, seed.figures);
    const title = pick(headlines);
    const byline = seed.credits.map((credit) => `${credit.label} ${credit.name}`).join(' ');
    const at = iso(seed.publishedAt);
    const words = [...bodyText].length;
    insertRevision.run(
      revisionId,
      id,
      title,
      byline,
      body,
      bodyText,
      words,
      seed.figures,
      JSON.stringify(seed.credits),
      at,
      at,
    );
    insertArticle.run(
      id,
      publicationId,
      `stats-${articles}`,
      title,
      byline,
      body,
      bodyText,
      words,
      at,
      at,
      seed.retracted ? iso(new Date(seed.publishedAt.getTime() + 86_400_000)) : null,
      revisionId,
      at,
      at,
    );
    seed.credits.forEach((credit, position) =>
      insertAuthor.run(newId(), id, position, credit.userId, credit.name, credit.label),
    );
    // Submitted two hours before going online, then 初审, 复审, 终审 an hour apart.
    const submitted = seed.publishedAt.getTime() - 4 * 3_600_000;
    const event = chainNext(head, {
      createdAt: new Date(submitted),
      actorId: seed.credits[0]!.userId,
      action: 'article.submit',
      subjectType: 'Article',
      subjectId: id,
      details: '{}',
      ip: null,
    });
    insertAudit.run({ ...event, id: newId(), createdAt: iso(new Date(submitted)) });
    head = event;
    for (const level of [1, 2, 3])
      insertSignoff.run(newId(), id, level, pick(editors).id, iso(new Date(submitted + level * 3_600_000)));
    insertOnline.run(id, seed.day, 120 + Math.floor(random() * 100));
    articles += 1;
    return id;
  };
  const addIssue = (day: string, pages: number): string[] => {
    const id = newId();
    const at = iso(instantAt(day, '00:00'));
    insertIssue.run(id, publicationId, nextIssueNumber + issues, day, at, at, pages, at, at);
    issues += 1;
    return Array.from({ length: pages }, (_, index) => {
      const pageId = newId();
      insertPage.run(pageId, id, index + 1);
      return pageId;
    });
  };
  const creditsFor = (author: (typeof people)[number]): Credit[] => {
    const credits: Credit[] = [{ userId: author.id, name: author.name, label: '记者' }];
    const extra = random();
    if (extra < 0.2) credits.push({ userId: null, name: `通讯员${Math.floor(random() * 60)}`, label: '通讯员' });
    else if (extra < 0.3) credits.push({ userId: null, name: `摄影${Math.floor(random() * 10)}`, label: '摄影' });
    else if (extra < 0.45) {
      const colleague = pick(people);
      if (colleague.id !== author.id) credits.push({ userId: colleague.id, name: colleague.name, label: '记者' });
    } else if (extra < 0.55) {
      const colleague = pick(people);
      if (colleague.id !== author.id) credits.push({ userId: colleague.id, name: colleague.name, label: '摄' });
    }
    return credits;
  };
  let editors: typeof people = [];

  const fill = sqlite.transaction(() => {
    // Article ↔ live revision point at each other; check the keys at commit.
    sqlite.pragma('defer_foreign_keys = ON');
    const created = iso(instantAt(ARCHIVE_FROM, '08:00'));
    for (let index = 0; index < PEOPLE; index += 1) {
      const role: Role = index < 12 ? 'EDITOR' : index < 14 ? 'CHIEF_EDITOR' : 'REPORTER';
      const id = newId();
      const name = `考核${String(index + 1).padStart(3, '0')}`;
      insertUser.run(id, `stats-${index}@bench.example`, name, DEPARTMENTS[index % 8], role, created, created);
      people.push({ id, name, role });
    }
    editors = people.filter((person) => person.role !== 'REPORTER');

    for (const day of daysFrom(ARCHIVE_FROM, addDays(`${MONTH}-01`, -1))) {
      const pages = addIssue(day, 4);
      for (let n = 0; n < ARCHIVE_PER_DAY; n += 1) {
        const id = addArticle({
          day,
          publishedAt: instantAt(day, `0${Math.floor(random() * 10)}:${String(n).padStart(2, '0')}`),
          paragraphs: pick(archiveTexts),
          figures: random() < 0.3 ? 1 + Math.floor(random() * 2) : 0,
          credits: creditsFor(pick(people)),
          retracted: random() < 0.002,
        });
        // 24 of the day's 30 in print, 6 a page, the first 头条.
        if (n < 24) insertPlacement.run(newId(), id, pages[Math.floor(n / 6)]!, n % 6);
      }
    }

    const monthDays = daysFrom(`${MONTH}-01`, addDays(shiftToNextMonth(MONTH), -1));
    const monthPages = new Map(monthDays.map((day) => [day, addIssue(day, 8)]));
    for (const day of monthDays) {
      const pages = monthPages.get(day)!;
      const positions = new Map<string, number>();
      for (let n = 0; n < MONTH_PER_DAY; n += 1) {
        const printed = random() < 0.4;
        // Some printed stories went online the evening before their issue (the month's first: in October).
        const online = printed && random() < 0.1 ? addDays(day, -1) : day;
        const id = addArticle({
          day: online,
          publishedAt: instantAt(online, `${String(8 + Math.floor(random() * 12)).padStart(2, '0')}:00`),
          paragraphs: ['稿'.repeat(200 + Math.floor(random() * 2500))],
          figures: random() < 0.4 ? 1 + Math.floor(random() * 3) : 0,
          credits: creditsFor(pick(people)),
          retracted: random() < 0.005,
        });
        monthArticles += 1;
        if (printed) {
          const pageId = pick(pages);
          const position = positions.get(pageId) ?? 0;
          positions.set(pageId, position + 1);
          insertPlacement.run(newId(), id, pageId, position);
          // A few run again a few days later (a 回顾 page): the first issue decides their month.
          const again = monthPages.get(addDays(day, 3));
          if (again && random() < 0.02) insertPlacement.run(newId(), id, again[7]!, 100 + n);
        }
        const sent = random();
        if (sent < 0.3) insertSend.run(newId(), id, 'WECHAT', iso(instantAt(day, '20:00')));
        if (sent < 0.1 || sent > 0.8) insertSend.run(newId(), id, 'APP', iso(instantAt(day, '20:00')));
      }
    }
  });
  fill();
  const articlesDone = performance.now();

  // The reads: each story every day from the day it went online for `span` days (120–219, about 170),
  // until LAST_READ_DAY, on the web and (one day in four) the app. Written in the table's key order
  // (bench_online is scanned by id, the day series in order) with the secondary indexes dropped and
  // made again after: one sorted pass each instead of 20 million random inserts.
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ArticleRead' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  // The triggers that keep each story's monthly reads (migration stats_read_months) would make 20 million
  // upserts: off while the rows go in, the months summed once after, as the migration's backfill does.
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ArticleRead'`)
    .all() as { name: string; sql: string }[];
  const reads = sqlite.transaction(() => {
    for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
    sqlite
      .prepare(
        `WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 300)
         INSERT INTO "ArticleRead" ("articleId", day, channel, count)
         SELECT o.id, date(o.day, '+' || n.k || ' days'), c.channel,
                c.share * (1 + abs(random() % 40) + (CASE WHEN n.k < 3 THEN 400 / (n.k + 1) ELSE 0 END))
         FROM bench_online o
         CROSS JOIN n
         CROSS JOIN (SELECT 'app' AS channel, 1 AS share UNION ALL SELECT 'web', 3) c
         WHERE n.k < o.span AND date(o.day, '+' || n.k || ' days') <= ? AND (c.channel = 'web' OR n.k % 4 = 0)`,
      )
      .run(LAST_READ_DAY);
    sqlite.exec(
      `INSERT INTO "ArticleReadMonth" ("articleId", "month", "count")
       SELECT "articleId", substr("day", 1, 7), sum("count") FROM "ArticleRead" GROUP BY "articleId", substr("day", 1, 7)`,
    );
    for (const trigger of triggers) sqlite.exec(trigger.sql);
  });
  reads();
  const readsDone = performance.now();
  for (const index of indexes) sqlite.exec(index.sql);
  const indexesDone = performance.now();
  // What start-up does (server/prepare.ts): planner statistics for the new rows.
  refreshPlannerStatistics(sqlite);
  const readRows = (sqlite.prepare('SELECT count(*) AS n FROM "ArticleRead"').get() as { n: number }).n;
  sqlite.close();
  const done = performance.now();
  return {
    articles,
    monthArticles,
    issues,
    people: PEOPLE,
    readRows,
    seconds: {
      articles: (articlesDone - started) / 1000,
      reads: (readsDone - articlesDone) / 1000,
      indexes: (indexesDone - readsDone) / 1000,
      statistics: (done - indexesDone) / 1000,
    },
    editorId: people.find((person) => person.role === 'EDITOR')!.id,
    reporterId: people.find((person) => person.role === 'REPORTER')!.id,
  };
}

function shiftToNextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01-01` : `${year}-${String(number + 1).padStart(2, '0')}-01`;
}
