// The 410 lookup on SQLite: a read-only handle of its own and one prepared statement.
import Database from 'better-sqlite3';

import { noticeOf, type RetractedLookup, type RetractedRow } from './retracted-row';

export function sqliteRetractedLookup(sqlitePath: string): RetractedLookup {
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const statement = sqlite.prepare<[string], RetractedRow>(
    `SELECT a.status, a.retractedAt, a.retractionNote, r.headline
       FROM "Article" a LEFT JOIN "Revision" r ON r.id = a.liveRevisionId
      WHERE a.slug = ? AND a.deletedAt IS NULL`,
  );
  return async (slug) => noticeOf(statement.get(slug));
}
