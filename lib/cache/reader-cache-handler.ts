// Next.js's cache handler (next.config.js `cacheHandler`, Next 16's incremental cache API: get, set,
// revalidateTag, resetRequestCache) for an app that runs as several instances. Next's own handler
// keeps tag expiries in a Map of the process, so a publish through instance A leaves instance B
// serving its cached reader data for up to an hour. Here:
//  - the reader data (`unstable_cache`, kind FETCH) is kept in this instance's memory
//    (memory-entries.ts), and every lookup checks the entry's tags against the expiries all
//    instances share (TagInvalidations: a shared SQLite file on one machine, LISTEN/NOTIFY on
//    PostgreSQL); an entry made before one of its tags expired is a miss, read again from the database;
//  - revalidateTag records the expiry for every instance, and also tells Next's own file-system
//    handler, which still keeps everything else (the build's prerendered routes) as before.
// Next builds a handler object per request, so the shared state lives at module level.
import { createRequire } from 'node:module';
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import type FileSystemCacheType from 'next/dist/server/lib/incremental-cache/file-system-cache';
import type { CachedFetchValue, IncrementalCacheValue } from 'next/dist/server/response-cache';

import { invalidationsFor } from './invalidations-for-env';
import { MemoryEntries } from './memory-entries';
import type { TagInvalidations } from './tag-invalidations';

type GetContext = Parameters<CacheHandler['get']>[1];
type SetContext = Parameters<CacheHandler['set']>[2];

/**
 * An entry counts as made when the read behind it began, not when it was stored: a change committed
 * during that read (its expiry heard before the entry was stored) must still expire it. The handler
 * knows when a read began from the lookup that missed just before it (Next asks `get` for the key,
 * then reads, then calls `set`); an entry counts as made at the earliest such miss still open for its
 * key, and never later than this long before it was stored (for a `set` with no miss seen).
 * The price: for two seconds after a change the entries it touched are read again on every lookup.
 * Reads usually take milliseconds, but on a loaded machine a render's read can take seconds: with only
 * the two-second margin, such a read begun before a change and stored more than two seconds after it
 * was kept as fresh until the next change or the hourly refresh.
 */
export const READ_WINDOW_MS = 2000;
/** A miss older than this is taken for a read that failed (nothing was stored after it) and forgotten. */
export const MAX_READ_MS = 60_000;
/** No entry is kept longer than this (the reader data refreshes hourly anyway); bounds the shared expiries. */
export const MAX_ENTRY_AGE_MS = 24 * 3600_000;
const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;

type Shared = {
  entries: MemoryEntries<CachedFetchValue>;
  invalidations: TagInvalidations;
  now: () => number;
  /** Per key, the times of lookups that missed and whose read has not been stored yet, oldest first. */
  openReads?: ReadStarts;
};
const SHARED = Symbol.for('kecheng.readerCache');
const globalState = globalThis as unknown as { [SHARED]?: Shared };

function shared(): Shared & { openReads: ReadStarts } {
  globalState[SHARED] ??= {
    entries: new MemoryEntries(MEMORY_BUDGET_BYTES),
    invalidations: invalidationsFor(process.env),
    now: Date.now,
  };
  const state = globalState[SHARED];
  state.openReads ??= new ReadStarts();
  return state as Shared & { openReads: ReadStarts };
}

/**
 * When the reads of each key began. Several renders may read one key at once and store in any order;
 * a store cannot tell which read it ends, so it counts from the earliest open one (never later than
 * its own read began) and closes the latest (the earliest stays open for the reads still running).
 */
export class ReadStarts {
  private readonly open = new Map<string, number[]>();

  began(key: string, at: number): void {
    const times = this.open.get(key);
    if (times) times.push(at);
    else this.open.set(key, [at]);
  }

  /** The earliest open read of `key` at `now` (null when none), closing one. */
  ended(key: string, now: number): number | null {
    const times = this.open.get(key)?.filter((at) => now - at <= MAX_READ_MS);
    if (!times?.length) {
      this.open.delete(key);
      return null;
    }
    const earliest = times[0]!;
    times.pop();
    if (times.length) this.open.set(key, times);
    else this.open.delete(key);
    return earliest;
  }
}

/**
 * When any of `tags` last expired (ms), as this instance knows it: the app's micro-cache
 * (server/micro-cache.ts) drops copies made before a change, whichever instance made it.
 */
export function readerTagsExpiredAt(tags: readonly string[]): number {
  return shared().invalidations.expiredAt(tags);
}

/** Tests: puts a handler state of their choosing in place (null: the next handler makes its own). */
export function putSharedState(state: Shared | null): void {
  if (state) globalState[SHARED] = state;
  else delete globalState[SHARED];
}

const requireCjs = createRequire(import.meta.url);
function fileSystemCache(ctx: CacheHandlerContext): FileSystemCacheType | null {
  if (!ctx.fs || !ctx.serverDistDir) return null;
  const { default: FileSystemCache } = requireCjs('next/dist/server/lib/incremental-cache/file-system-cache') as {
    default: typeof FileSystemCacheType;
  };
  return new FileSystemCache({ ...ctx, fs: ctx.fs, serverDistDir: ctx.serverDistDir });
}

function isFetchValue(data: IncrementalCacheValue | null): data is CachedFetchValue {
  return (data?.kind as string | undefined) === 'FETCH';
}

export default class ReaderCacheHandler implements CacheHandler {
  private readonly ctx: CacheHandlerContext;
  private fallback: FileSystemCacheType | null | undefined;

  constructor(ctx: CacheHandlerContext) {
    this.ctx = ctx;
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    if ((ctx.kind as string) !== 'FETCH') return (await this.files()?.get(key, ctx)) ?? null;
    const { entries, invalidations, now, openReads } = shared();
    const entry = entries.get(key);
    if (!entry) {
      openReads.began(key, now());
      return null;
    }
    const fetchCtx = ctx as { tags?: string[]; softTags?: string[] };
    const tags = [...entry.tags, ...(fetchCtx.tags ?? []), ...(fetchCtx.softTags ?? [])];
    if (now() - entry.lastModified > MAX_ENTRY_AGE_MS || invalidations.expiredAt(tags) >= entry.lastModified) {
      entries.delete(key);
      openReads.began(key, now());
      return null;
    }
    return { lastModified: entry.lastModified, value: entry.value };
  }

  async set(key: string, data: IncrementalCacheValue | null, ctx: SetContext): Promise<void> {
    const isFetch = isFetchValue(data) || (ctx as { fetchCache?: boolean }).fetchCache === true;
    if (!isFetch) return this.files()?.set(key, data, ctx);
    const { entries, now, openReads } = shared();
    const stored = now();
    const readBegan = openReads.ended(key, stored);
    if (!isFetchValue(data)) {
      entries.delete(key);
      return;
    }
    const tags = [...((ctx as { tags?: string[] }).tags ?? []), ...(data.tags ?? [])];
    const lastModified = Math.min(stored - READ_WINDOW_MS, readBegan ?? Infinity);
    entries.set(key, { value: data, lastModified, tags, size: approximateSize(data) });
  }

  async revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> {
    const list = typeof tags === 'string' ? [tags] : tags;
    await this.files()?.revalidateTag(list, durations);
    try {
      await shared().invalidations.expire(list);
    } catch (error) {
      // The change itself is committed; failing the person's action now would not undo it.
      console.error(
        `读者缓存：无法把失效通知给其他实例（${error instanceof Error ? error.message : String(error)}）；其他实例最迟一小时后刷新`,
      );
    }
  }

  resetRequestCache(): void {
    this.files()?.resetRequestCache();
  }

  private files(): FileSystemCacheType | null {
    if (this.fallback === undefined) this.fallback = fileSystemCache(this.ctx);
    return this.fallback;
  }
}

/** Rough bytes an entry holds in memory (strings are UTF-16 in V8). */
function approximateSize(value: CachedFetchValue): number {
  return JSON.stringify(value.data).length * 2 + 256;
}
