// Fills both search indexes of a generated archive in one SQLite transaction, with the same row
// builders as indexArticle (the per-story path would take minutes for 100,000 stories), in the order
// rebuildSearchIndex writes them (publication time, then id), so both databases break ties alike.
import Database from 'better-sqlite3';

import { bodyTokens, titleTokens } from '../../../lib/search/search-index';

const titleOf = (content: Parameters<typeof titleTokens>[0]) => titleTokens(content).join(' ');
const bodyOf = (content: Parameters<typeof bodyTokens>[0]) => bodyTokens(content).join(' ');

/** Bulk build with the same row builders as indexArticle, in one SQLite transaction. */
export function buildIndex(sqlitePath: string): number {
  const sqlite = new Database(sqlitePath);
  // Read through a second connection: one connection cannot write while it iterates.
  const reader = new Database(sqlitePath, { readonly: true });
  const rows = reader.prepare(
    `SELECT a.id, a.status, a."publishAt", coalesce(a."createdById", '') AS owners, a."retractedAt", a.kicker, a.headline, a.subheadline, a.byline, a.summary, a."bodyText",
            r.kicker AS rKicker, r.headline AS rHeadline, r.subheadline AS rSubheadline, r.byline AS rByline, r.summary AS rSummary, r."bodyText" AS rBodyText
     FROM "Article" a LEFT JOIN "Revision" r ON r.id = a."liveRevisionId" WHERE a."deletedAt" IS NULL ORDER BY a."publishAt", a.id`,
  );
  const insertNewsroom = sqlite.prepare(
    'INSERT INTO search_newsroom (article_id, owners, title, body) VALUES (?, ?, ?, ?)',
  );
  const insertPublic = sqlite.prepare(
    'INSERT INTO search_public (article_id, publish_at, dated_at, title, body) VALUES (?, ?, ?, ?, ?)',
  );
  let count = 0;
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM search_newsroom; DELETE FROM search_public;');
    for (const row of rows.iterate() as Iterable<Record<string, string | null>>) {
      const working = {
        kicker: row.kicker!,
        headline: row.headline!,
        subheadline: row.subheadline!,
        byline: row.byline!,
        summary: row.summary!,
        bodyText: row.bodyText!,
      };
      insertNewsroom.run(row.id, row.owners, titleOf(working), bodyOf(working));
      if (row.status === 'PUBLISHED' && !row.retractedAt && row.rHeadline && row.publishAt) {
        const live = {
          kicker: row.rKicker!,
          headline: row.rHeadline,
          subheadline: row.rSubheadline!,
          byline: row.rByline!,
          summary: row.rSummary!,
          bodyText: row.rBodyText!,
        };
        // A generated story goes online at 00:00 on its issue's day, so the date readers see (dated_at,
        // indexedDate) is its publishAt.
        insertPublic.run(row.id, row.publishAt, row.publishAt, titleOf(live), bodyOf(live));
      }
      count += 1;
    }
  })();
  sqlite.exec(
    "INSERT INTO search_public(search_public) VALUES('optimize'); INSERT INTO search_newsroom(search_newsroom) VALUES('optimize');",
  );
  sqlite.close();
  reader.close();
  return count;
}
