import { describe, expect, it } from 'vitest';

import { broadcastUrl } from './invalidations-for-env';

describe('where instances share reader cache expiries', () => {
  it('on SQLite: the shared file (no URL)', () => {
    expect(broadcastUrl({})).toBeNull();
    expect(broadcastUrl({ DATABASE_URL: 'file:./.data/newsroom.db' })).toBeNull();
    expect(broadcastUrl({ READER_CACHE_PG_URL: '  ' })).toBeNull();
  });

  it('on PostgreSQL: LISTEN/NOTIFY on the newsroom database, or on READER_CACHE_PG_URL when set', () => {
    expect(broadcastUrl({ DATABASE_URL: 'postgresql://u@db:5432/news' })).toBe('postgresql://u@db:5432/news');
    expect(broadcastUrl({ DATABASE_URL: 'postgres://u@db/news' })).toBe('postgres://u@db/news');
    expect(broadcastUrl({ DATABASE_URL: 'file:x.db', READER_CACHE_PG_URL: ' postgresql://u@bus/x ' })).toBe(
      'postgresql://u@bus/x',
    );
    expect(broadcastUrl({ READER_CACHE_PG_URL: 'mysql://u@x/y' })).toBeNull();
  });
});
