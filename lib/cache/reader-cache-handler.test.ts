// Two app instances in one test process: each has its own memory (its own handler state), both share
// the tag expiries file, as two `next start` processes on one machine do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';
import type { CachedFetchValue, IncrementalCacheValue } from 'next/dist/server/response-cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryEntries } from './memory-entries';
import ReaderCacheHandler, {
  MAX_READ_MS,
  putSharedState,
  READ_WINDOW_MS,
  readerTagsExpiredAt,
} from './reader-cache-handler';
import { SqliteTagInvalidations } from './sqlite-tag-invalidations';

let dir: string;
let clock = 10_000_000;
const now = () => clock;
const opened: SqliteTagInvalidations[] = [];

function instance() {
  const invalidations = new SqliteTagInvalidations(path.join(dir, 'cache-tags.db'), now);
  opened.push(invalidations);
  const state = { entries: new MemoryEntries<CachedFetchValue>(1024 * 1024), invalidations, now };
  const ctx = { revalidatedTags: [], _requestHeaders: {} } as CacheHandlerContext;
  // Each call runs with this instance's state, as each process has its own module state.
  const on = <T>(run: (handler: ReaderCacheHandler) => Promise<T>): Promise<T> => {
    putSharedState(state);
    return run(new ReaderCacheHandler(ctx));
  };
  return { on, state };
}

const value = (body: string): IncrementalCacheValue =>
  ({
    kind: 'FETCH',
    data: { headers: {}, body, status: 200, url: '' },
    revalidate: 3600,
  }) as unknown as IncrementalCacheValue;
const fetchGet = (tags: string[]) =>
  ({ kind: 'FETCH', tags, softTags: [] }) as unknown as Parameters<ReaderCacheHandler['get']>[1];
const fetchSet = (tags: string[]) => ({ fetchCache: true, tags }) as Parameters<ReaderCacheHandler['set']>[2];
const bodyOf = (hit: Awaited<ReturnType<ReaderCacheHandler['get']>>) =>
  (hit?.value as CachedFetchValue | undefined)?.data.body;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-cache-'));
  clock = 10_000_000;
});
afterEach(async () => {
  putSharedState(null);
  for (const made of opened.splice(0)) await made.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the reader cache across instances', () => {
  it('a tag expired through instance A makes instance B read again; other entries stay cached', async () => {
    const a = instance();
    const b = instance();
    await b.on((h) => h.set('article-x', value('old text'), fetchSet(['public', 'article:x'])));
    await b.on((h) => h.set('article-y', value('other'), fetchSet(['public', 'article:y'])));
    clock += READ_WINDOW_MS + 1000;
    expect(bodyOf(await b.on((h) => h.get('article-x', fetchGet(['public', 'article:x']))))).toBe('old text');

    await a.on((h) => h.revalidateTag(['article:x', 'lists']));
    expect(await b.on((h) => h.get('article-x', fetchGet(['public', 'article:x'])))).toBeNull();
    expect(bodyOf(await b.on((h) => h.get('article-y', fetchGet(['public', 'article:y']))))).toBe('other');
    // A's own memory never held the entry; B's is gone, so its next reader reads the database.
    expect(b.state.entries.size).toBe(1);
  });

  it('an entry stored just after an expiry it may have raced with is not served', async () => {
    const a = instance();
    const b = instance();
    await a.on((h) => h.revalidateTag('public'));
    clock += READ_WINDOW_MS - 1;
    await b.on((h) => h.set('latest', value('read before the change committed'), fetchSet(['public'])));
    expect(await b.on((h) => h.get('latest', fetchGet(['public'])))).toBeNull();
    clock += 2;
    await b.on((h) => h.set('latest', value('read after'), fetchSet(['public'])));
    expect(bodyOf(await b.on((h) => h.get('latest', fetchGet(['public']))))).toBe('read after');
  });

  it('a read that began before an expiry and is stored long after it is not served, however long it took', async () => {
    const a = instance();
    const b = instance();
    // B's render misses and starts reading; A publishes; B's read, slow on a busy machine, is stored 5 s later.
    expect(await b.on((h) => h.get('latest', fetchGet(['public'])))).toBeNull();
    clock += 100;
    await a.on((h) => h.revalidateTag('public'));
    clock += READ_WINDOW_MS + 5000;
    await b.on((h) => h.set('latest', value('read before the change committed'), fetchSet(['public'])));
    expect(await b.on((h) => h.get('latest', fetchGet(['public'])))).toBeNull();
    // The miss just above began a new read, after the change: that one is kept.
    clock += 50;
    await b.on((h) => h.set('latest', value('read after'), fetchSet(['public'])));
    clock += 1;
    expect(bodyOf(await b.on((h) => h.get('latest', fetchGet(['public']))))).toBe('read after');
  });

  it('two reads of one key stored in either order both count from the earlier one; a read that never stored is forgotten', async () => {
    const a = instance();
    expect(await a.on((h) => h.get('page', fetchGet(['public'])))).toBeNull();
    const first = clock;
    clock += 3000;
    expect(await a.on((h) => h.get('page', fetchGet(['public'])))).toBeNull();
    clock += 3000;
    await a.on((h) => h.set('page', value('second read'), fetchSet(['public'])));
    expect(a.state.entries.get('page')?.lastModified).toBe(first);
    await a.on((h) => h.set('page', value('first read'), fetchSet(['public'])));
    expect(a.state.entries.get('page')?.lastModified).toBe(first);
    // A miss whose read failed (no store) does not date later entries once it is older than a minute.
    expect(await a.on((h) => h.get('other', fetchGet(['public'])))).toBeNull();
    clock += MAX_READ_MS + 1;
    await a.on((h) => h.set('other', value('v'), fetchSet(['public'])));
    expect(a.state.entries.get('other')?.lastModified).toBe(clock - READ_WINDOW_MS);
  });

  it('checks the tags the lookup carries as well as those stored, and forgets entries older than a day', async () => {
    const a = instance();
    const b = instance();
    await b.on((h) => h.set('page', value('v1'), fetchSet([])));
    clock += READ_WINDOW_MS + 1;
    await a.on((h) => h.revalidateTag(['_N_T_/issues/1705/pages/1']));
    expect(
      await b.on((h) =>
        h.get('page', { kind: 'FETCH', tags: [], softTags: ['_N_T_/issues/1705/pages/1'] } as unknown as Parameters<
          ReaderCacheHandler['get']
        >[1]),
      ),
    ).toBeNull();

    await b.on((h) => h.set('old', value('v1'), fetchSet(['lists'])));
    clock += 25 * 3600_000;
    expect(await b.on((h) => h.get('old', fetchGet(['lists'])))).toBeNull();
  });

  it('leaves kinds other than reader data to Next when it has a build to read, and misses otherwise', async () => {
    const a = instance();
    const page = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false } as unknown as Parameters<
      ReaderCacheHandler['get']
    >[1];
    expect(await a.on((h) => h.get('/robots.txt', page))).toBeNull();
  });
});

describe("readerTagsExpiredAt (what the app's micro-cache asks)", () => {
  it('tells instance B when a change through instance A expired a tag', async () => {
    const a = instance();
    const b = instance();
    putSharedState(b.state);
    expect(readerTagsExpiredAt(['public', 'lists'])).toBe(0);
    clock += 5000;
    await a.on((h) => h.revalidateTag('lists'));
    putSharedState(b.state);
    expect(readerTagsExpiredAt(['public', 'lists'])).toBe(clock);
    expect(readerTagsExpiredAt(['public'])).toBe(0);
  });
});
