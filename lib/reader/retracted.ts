// A retracted story's notice, for the proxy: it answers the article URL itself with 410 Gone (a page
// component cannot set its status), without a request to the app. A read-only SQLite handle and one
// indexed lookup; the article page renders the same notice from the same data if this lookup fails.
import Database from 'better-sqlite3';
import { resolveDatabase } from '../config/database';

export type RetractedArticle = { headline: string; note: string | null; retractedAt: Date };

type Row = { status: string; retractedAt: string | number | null; retractionNote: string | null; headline: string | null };

let statement: Database.Statement<[string], Row> | null = null;

function lookup(): Database.Statement<[string], Row> {
  if (!statement) {
    const sqlite = new Database(resolveDatabase(process.env).sqlitePath, { readonly: true, fileMustExist: true });
    statement = sqlite.prepare<[string], Row>(
      `SELECT a.status, a.retractedAt, a.retractionNote, r.headline
         FROM "Article" a LEFT JOIN "Revision" r ON r.id = a.liveRevisionId
        WHERE a.slug = ? AND a.deletedAt IS NULL`,
    );
  }
  return statement;
}

/** The notice of a retracted, published story; null for every other slug (and when the lookup fails). */
export function retractedArticle(slug: string): RetractedArticle | null {
  try {
    const row = lookup().get(slug);
    if (row?.status !== 'RETRACTED' || row.retractedAt === null || row.headline === null) return null;
    return { headline: row.headline, note: row.retractionNote, retractedAt: new Date(row.retractedAt) };
  } catch {
    // The page still shows the notice; only the status code would be 200 instead of 410.
    return null;
  }
}
