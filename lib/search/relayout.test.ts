// An index of the older layout (owners unindexed) is carried into the new one as it is, rowids and
// all, rather than dropped and rebuilt from every story.
import { describe, expect, it } from 'vitest';

import { openTestDatabase } from '@/test/support/database';

import { ensureSearchIndex } from './search-index';

const db = openTestDatabase();

describe('ensureSearchIndex on an older layout', () => {
  it('keeps the rows and their rowids, and makes owners searchable', async () => {
    await db.$executeRawUnsafe(
      "CREATE VIRTUAL TABLE search_newsroom USING fts5(article_id UNINDEXED, owners UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')",
    );
    await db.$executeRawUnsafe(
      "INSERT INTO search_newsroom (rowid, article_id, owners, title, body) VALUES (7, 'a', 'alice bob', '柯城 城区', '正文'), (9, 'b', 'carol', '柯城', '正文')",
    );
    // Unindexed, owners cannot be matched.
    expect(
      await db.$queryRawUnsafe(`SELECT article_id FROM search_newsroom WHERE search_newsroom MATCH 'owners : "bob"'`),
    ).toEqual([]);
    await ensureSearchIndex(db);
    expect(await db.$queryRawUnsafe('SELECT rowid AS r, article_id AS id FROM search_newsroom ORDER BY rowid')).toEqual(
      [
        { r: 7, id: 'a' },
        { r: 9, id: 'b' },
      ],
    );
    expect(
      await db.$queryRawUnsafe(
        `SELECT article_id AS id FROM search_newsroom WHERE search_newsroom MATCH '{title body} : ("柯城") AND owners : "bob"'`,
      ),
    ).toEqual([{ id: 'a' }]);
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE name LIKE 'search_newsroom_relayout%'",
    );
    expect(tables).toEqual([]);
  });

  it('drops both tables when the readers’ table lacks a column (dated_at), so the start-up rebuilds them', async () => {
    await db.$executeRawUnsafe('DROP TABLE IF EXISTS search_public');
    await db.$executeRawUnsafe(
      "CREATE VIRTUAL TABLE search_public USING fts5(article_id UNINDEXED, publish_at UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')",
    );
    await db.$executeRawUnsafe(
      "INSERT INTO search_public (article_id, publish_at, title, body) VALUES ('a', '2020-08-17T00:00:00.000+00:00', '柯城', '正文')",
    );
    await ensureSearchIndex(db);
    const columns = await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM pragma_table_info('search_public')");
    expect(columns.map((column) => column.name)).toContain('dated_at');
    // Empty on both sides: syncSearchIndex counts search_newsroom against the stories and rebuilds.
    expect(await db.$queryRawUnsafe('SELECT article_id FROM search_public')).toEqual([]);
    expect(await db.$queryRawUnsafe('SELECT article_id FROM search_newsroom')).toEqual([]);
  });
});
