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
});
