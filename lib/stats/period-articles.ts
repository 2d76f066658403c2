// The stories a 考核 period counts, read for contributorFigures (issue 34). A story belongs to the period of
// its first printed issue's date (a published issue), else of the day it went online; it is read as
// published (the live revision's length, photos and frozen credits), with its placements in published
// issues, the channels it was sent to, its reads within the period and its review records. No access
// check here: the page's service decides who may see whose figures.
//
// At scale (bench:stats: a 100,000-story archive, 20 million read rows) this is plain SQL, portable to
// PostgreSQL. The period's candidates are found once (`candidates` below: the stories online within the
// period by Article.publishedAt's index, and those placed in the period's published issues) and handed
// to three queries as one parameter, each answered from covering indexes: the stories with their live
// revisions' figures (the photos are the count kept on the revision, Revision.figureCount, never a parse
// of the bodies); their reads, from the monthly rows (ArticleReadMonth) for whole months and the daily
// ones for part-months; and their placements, channels and review records as one row per story with
// JSON lists. Prisma's client was the slow part: an OR over a relation scanned every story, ids bound
// one by one cost about 0.1 ms each through the driver adapter, and every row returned costs the adapter
// more than the database (bench:stats: the month's stories 900 ms at first, 147 ms now).
import { idTable } from '../database/id-table';
import { jsonArray, jsonList, utcIso } from '../database/json-lists';
import { isoDateIn } from '../dates/time-zone';
import type { Db } from '../db-client';
import { Prisma } from '../generated/prisma/client';
import type { Credit } from '../revisions/published-copy';
import type { StatsArticle } from './figures';
import type { StatsPeriod } from './period';
import { readSpans } from './read-spans';
import { reviewDurations } from './review-time';

/** The period's candidate stories (not deleted, live): online within it, or printed in its published issues. */
function candidates(period: StatsPeriod): Prisma.Sql {
  return Prisma.sql`WITH period_ids AS (
    SELECT a.id FROM "Article" a
    WHERE a."publishedAt" >= ${period.start} AND a."publishedAt" < ${period.end}
      AND a."deletedAt" IS NULL AND a."liveRevisionId" IS NOT NULL
    UNION
    SELECT a.id FROM "Issue" i
    JOIN "IssuePage" pg ON pg."issueId" = i.id
    JOIN "ArticlePlacement" pl ON pl."pageId" = pg.id
    JOIN "Article" a ON a.id = pl."articleId"
    WHERE i.status = 'PUBLISHED' AND i.date >= ${period.firstDay} AND i.date <= ${period.lastDay}
      AND a."deletedAt" IS NULL AND a."liveRevisionId" IS NOT NULL
  )`;
}

type ArticleRow = {
  id: string;
  publishedAt: Date | null;
  retractedAt: Date | null;
  wordCount: number;
  figureCount: number;
  credits: string | null;
  coverMediaId: string | null;
};
type AuthorRow = Credit & { articleId: string };
type CountRow = { articleId: string; n: number | bigint | null };
type DetailRow = {
  articleId: string;
  placements: string;
  channels: number | bigint | null;
  signoffs: string;
  submitted: string;
};

/** Rows by story, in the order read. */
function byArticle<T extends { articleId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.articleId);
    if (list) list.push(row);
    else map.set(row.articleId, [row]);
  }
  return map;
}

/** Each story's reads in the period: whole months from their monthly rows, part-months by day (read-spans.ts). */
function readsQuery(ids: Prisma.Sql, period: StatsPeriod): Prisma.Sql {
  const { months, days } = readSpans(period);
  const parts = [
    ...(months
      ? [
          Prisma.sql`SELECT m."articleId", m.count AS n FROM period_ids p JOIN "ArticleReadMonth" m ON m."articleId" = p.id
            WHERE m.month >= ${months[0]} AND m.month <= ${months[1]}`,
        ]
      : []),
    ...days.map(
      ([from, to]) =>
        Prisma.sql`SELECT rd."articleId", rd.count AS n FROM period_ids p JOIN "ArticleRead" rd ON rd."articleId" = p.id
          WHERE rd.day >= ${from} AND rd.day <= ${to}`,
    ),
  ];
  return Prisma.sql`${ids} SELECT "articleId", sum(n) AS n FROM (${Prisma.join(parts, ' UNION ALL ')}) counted GROUP BY "articleId"`;
}

/** The period's stories, ordered by id. */
export async function periodArticles(db: Db, period: StatsPeriod): Promise<StatsArticle[]> {
  // Found once, then handed to each query as one parameter (lib/database/id-table.ts).
  const found = await db.$queryRaw<{ id: string }[]>`${candidates(period)} SELECT id FROM period_ids`;
  if (found.length === 0) return [];
  const ids = Prisma.sql`WITH period_ids AS (${idTable(
    db,
    found.map((row) => row.id),
  )})`;
  const at = (column: string) => utcIso(db, Prisma.raw(column));
  const [rows, reads, details] = await Promise.all([
    db.$queryRaw<ArticleRow[]>`${ids}
      SELECT a.id, a."publishedAt", a."retractedAt", r."wordCount", r."figureCount", r.credits, r."coverMediaId"
      FROM period_ids p JOIN "Article" a ON a.id = p.id JOIN "Revision" r ON r.id = a."liveRevisionId"
      ORDER BY a.id`,
    db.$queryRaw<CountRow[]>(readsQuery(ids, period)),
    // A story's placements, channels and review records in one row: one row per item was 17,000 rows a
    // month (bench:stats), each costing the driver adapter more than the database.
    db.$queryRaw<DetailRow[]>`${ids}
      SELECT p.id AS "articleId",
        ${jsonList(
          db,
          jsonArray(db, [Prisma.sql`pg.number`, Prisma.sql`pl.position`, Prisma.sql`i.date`]),
          Prisma.sql`FROM "ArticlePlacement" pl JOIN "IssuePage" pg ON pg.id = pl."pageId" JOIN "Issue" i ON i.id = pg."issueId"
            WHERE pl."articleId" = p.id AND i.status = 'PUBLISHED'`,
        )} AS placements,
        (SELECT count(DISTINCT cs.channel) FROM "ChannelSend" cs WHERE cs."articleId" = p.id AND cs.status = 'SENT') AS channels,
        ${jsonList(
          db,
          jsonArray(db, [Prisma.sql`s.level`, at('s."createdAt"'), Prisma.sql`s."reviewerId"`]),
          Prisma.sql`FROM "Signoff" s WHERE s."articleId" = p.id AND s.decision = 'APPROVE' AND s."clearedAt" IS NULL`,
        )} AS signoffs,
        ${jsonList(
          db,
          at('e."createdAt"'),
          Prisma.sql`FROM "AuditEvent" e WHERE e."subjectId" = p.id AND e.action = 'article.submit'`,
        )} AS submitted
      FROM period_ids p`,
  ]);
  // The story's own authors, only for a live revision published before credits were frozen with it
  // (an archive from before; bench:stats: 65 ms spent finding none).
  const authors = rows.some((row) => row.credits === null)
    ? await db.$queryRaw<AuthorRow[]>`${ids}
      SELECT au."articleId", au."userId", au.name, au.label
      FROM period_ids p JOIN "Article" a ON a.id = p.id JOIN "Revision" r ON r.id = a."liveRevisionId"
      JOIN "ArticleAuthor" au ON au."articleId" = a.id
      WHERE r.credits IS NULL ORDER BY au."articleId", au.position`
    : [];
  const authorsOf = byArticle(authors);
  const detailsOf = new Map(details.map((row) => [row.articleId, row]));
  const readsOf = new Map(reads.map((row) => [row.articleId, Number(row.n ?? 0)]));

  const articles: StatsArticle[] = [];
  for (const row of rows) {
    const detail = detailsOf.get(row.id);
    // Lists as JSON text (lib/database/json-lists.ts): placements [page, position, date], sign-offs
    // [level, at, reviewer], submissions [at], instants as UTC ISO text.
    const printed = detail ? (JSON.parse(detail.placements) as [number, number, string][]) : [];
    const standing = detail ? (JSON.parse(detail.signoffs) as [number, string, string][]) : [];
    const submitted = detail ? (JSON.parse(detail.submitted) as string[]) : [];
    const printedOn = printed.map(([, , date]) => date).sort()[0];
    const day = printedOn ?? (row.publishedAt ? isoDateIn(new Date(row.publishedAt)) : null);
    if (!day || day < period.firstDay || day > period.lastDay) continue;
    const credits: readonly Credit[] = row.credits
      ? (JSON.parse(row.credits) as Credit[])
      : (authorsOf.get(row.id) ?? []).map(({ userId, name, label }) => ({ userId, name, label }));
    articles.push({
      id: row.id,
      characters: Number(row.wordCount),
      photos: Number(row.figureCount) + (row.coverMediaId ? 1 : 0),
      credits,
      placements: printed.map(([page, position]) => ({ page: Number(page), position: Number(position) })),
      channels: Number(detail?.channels ?? 0),
      reads: readsOf.get(row.id) ?? 0,
      retracted: row.retractedAt !== null,
      editors: [...new Set(standing.map(([, , reviewerId]) => reviewerId))],
      reviews: reviewDurations({
        submittedAt: submitted.map((when) => new Date(when)),
        signoffs: standing.map(([level, when]) => ({ level: Number(level), at: new Date(when) })),
      }),
    });
  }
  return articles;
}
