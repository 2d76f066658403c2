// The stories a 考核 period counts, read for contributorFigures (issue 34). A story belongs to the period of
// its first printed issue's date (a published issue), else of the day it went online; it is read as
// published (the live revision's text, photos and frozen credits), with its placements in published
// issues, the channels it was sent to, its reads within the period and its review records. No access
// check here: the page's service decides who may see whose figures.
import { countFigures } from '../content/figures';
import { parseDoc } from '../content/types';
import { isoDateIn } from '../dates/time-zone';
import type { Db } from '../db-client';
import type { Credit } from '../revisions/published-copy';
import type { StatsArticle } from './figures';
import type { StatsPeriod } from './period';
import { reviewDurations } from './review-time';

/** Ids per query: well under SQLite's bind-parameter limit with the query's other parameters. */
const ID_CHUNK = 500;

export async function periodArticles(db: Db, period: StatsPeriod): Promise<StatsArticle[]> {
  const inPrint = {
    page: { issue: { status: 'PUBLISHED' as const, date: { gte: period.firstDay, lte: period.lastDay } } },
  };
  const rows = await db.article.findMany({
    where: {
      deletedAt: null,
      liveRevisionId: { not: null },
      OR: [{ publishedAt: { gte: period.start, lt: period.end } }, { placements: { some: inPrint } }],
    },
    select: {
      id: true,
      publishedAt: true,
      retractedAt: true,
      coverMediaId: true,
      liveRevision: { select: { body: true, wordCount: true, credits: true, coverMediaId: true } },
      authors: { orderBy: { position: 'asc' }, select: { userId: true, name: true, label: true } },
      placements: {
        where: { page: { issue: { status: 'PUBLISHED' } } },
        select: { position: true, page: { select: { number: true, issue: { select: { date: true } } } } },
      },
      channelSends: { where: { status: 'SENT' }, select: { channel: true } },
      signoffs: {
        where: { decision: 'APPROVE', clearedAt: null },
        select: { level: true, createdAt: true, reviewerId: true },
      },
    },
  });
  const ids = rows.map((row) => row.id);
  // By chunks of ids: a month of 3,000 stories in one `IN` passes the bind-parameter limit Prisma keeps
  // to on SQLite (P2029, found by bench:stats).
  const chunks = Array.from({ length: Math.ceil(ids.length / ID_CHUNK) }, (_, index) =>
    ids.slice(index * ID_CHUNK, (index + 1) * ID_CHUNK),
  );
  const [reads, submissions] = await Promise.all([
    Promise.all(
      chunks.map((chunk) =>
        db.articleRead.groupBy({
          by: ['articleId'],
          where: { articleId: { in: chunk }, day: { gte: period.firstDay, lte: period.lastDay } },
          _sum: { count: true },
        }),
      ),
    ).then((parts) => parts.flat()),
    Promise.all(
      chunks.map((chunk) =>
        db.auditEvent.findMany({
          where: { action: 'article.submit', subjectId: { in: chunk } },
          select: { subjectId: true, createdAt: true },
        }),
      ),
    ).then((parts) => parts.flat()),
  ]);
  const readsOf = new Map(reads.map((row) => [row.articleId, row._sum.count ?? 0]));
  const submittedOf = new Map<string, Date[]>();
  for (const event of submissions)
    if (event.subjectId)
      submittedOf.set(event.subjectId, [...(submittedOf.get(event.subjectId) ?? []), event.createdAt]);

  const articles: StatsArticle[] = [];
  for (const row of rows) {
    const live = row.liveRevision;
    if (!live) continue;
    const printedOn = row.placements.map((placement) => placement.page.issue.date).sort()[0];
    const day = printedOn ?? (row.publishedAt ? isoDateIn(row.publishedAt) : null);
    if (!day || day < period.firstDay || day > period.lastDay) continue;
    const credits: readonly Credit[] = live.credits ? (JSON.parse(live.credits) as Credit[]) : row.authors;
    articles.push({
      id: row.id,
      characters: live.wordCount,
      photos: countFigures(parseDoc(live.body)) + (live.coverMediaId ? 1 : 0),
      credits,
      placements: row.placements.map((placement) => ({ page: placement.page.number, position: placement.position })),
      channels: new Set(row.channelSends.map((send) => send.channel)).size,
      reads: readsOf.get(row.id) ?? 0,
      retracted: row.retractedAt !== null,
      editors: [...new Set(row.signoffs.map((signoff) => signoff.reviewerId))],
      reviews: reviewDurations({
        submittedAt: submittedOf.get(row.id) ?? [],
        signoffs: row.signoffs.map((signoff) => ({ level: signoff.level, at: signoff.createdAt })),
      }),
    });
  }
  return articles;
}
