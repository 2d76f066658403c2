// Whether a story slug has been retracted, for the proxy: it turns the article page's response
// into 410 Gone (a page component cannot set its status). A read-only SQLite handle and one indexed
// lookup; the page itself renders the notice from the same data.
import Database from 'better-sqlite3';
import { resolveDatabase } from '../config/database';

let statement: Database.Statement<[string], { status: string }> | null = null;

function lookup(): Database.Statement<[string], { status: string }> {
  if (!statement) {
    const sqlite = new Database(resolveDatabase(process.env).sqlitePath, { readonly: true, fileMustExist: true });
    statement = sqlite.prepare<[string], { status: string }>('SELECT status FROM "Article" WHERE slug = ? AND deletedAt IS NULL');
  }
  return statement;
}

export function isRetractedSlug(slug: string): boolean {
  try {
    return lookup().get(slug)?.status === 'RETRACTED';
  } catch {
    // The page still shows the notice; only the status code would be 200 instead of 410.
    return false;
  }
}
