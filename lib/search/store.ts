// The search index's storage, one implementation per database (sqlite-index.ts: FTS5;
// postgresql-index.ts: tsvector + GIN). Both hold the same pre-computed tokens (tokenizer.ts), so a
// query matches the same stories on either; lib/search/search-index.ts and search.ts pick the store
// from the client they are given.
import type { Db } from '../db-client';
import type { QueryTerm } from './tokenizer';

type Raw = Pick<Db, '$executeRaw' | '$executeRawUnsafe' | '$queryRaw' | '$queryRawUnsafe'>;
/** Searching may need a short transaction of its own (planner settings for one query, PostgreSQL). */
type Reader = Raw & Pick<Db, '$transaction'>;

/**
 * One story as the index holds it: tokens of its working copy, and of its live text when readers may find
 * it, with its publishAt (the time rule: findable from then on) and `datedAt`, the date readers see on it
 * (lib/dates/reader-date.ts: its issue's day for a back issue put online later), which date ranges filter on.
 */
export type IndexedArticle = {
  articleId: string;
  owners: string[];
  title: string[];
  body: string[];
  live: { publishAt: Date; datedAt: Date; title: string[]; body: string[] } | null;
};

/** One page of matches, ranked, and how many there are (counted up to the rank window). */
export type Ranked = { ids: string[]; total: number };

/** `now` applies the time rule (publishAt); `from`/`to` bound the date readers see (datedAt). */
export type PublicWindow = { now: Date; from?: Date; to?: Date };

/**
 * Relevance is computed for at most this many of the newest matches, and totals are counted up to it
 * ("1000 篇以上"). A word found in most of a 100,000-story archive (柯城) would otherwise have every
 * match scored on every query; a news reader wants the relevant recent stories, and rarer words
 * (fewer matches) are ranked exactly.
 */
export const RANK_WINDOW = 1000;
/** Title hits weigh this many times a body hit. */
export const TITLE_WEIGHT = 8;

export interface SearchStore {
  /** Creates the index if missing (and brings an older layout up to date). */
  ensure(db: Raw): Promise<void>;
  write(tx: Raw, story: IndexedArticle): Promise<void>;
  /** Many stories at once (a rebuild), in the given order. */
  writeMany(tx: Raw, stories: readonly IndexedArticle[]): Promise<void>;
  remove(tx: Raw, articleId: string): Promise<void>;
  clear(db: Raw): Promise<void>;
  /** Stories in the newsroom table. */
  count(db: Raw): Promise<number>;
  /** After a rebuild: whatever the database needs to plan queries on the new rows. */
  settle(db: Raw): Promise<void>;
  rankPublished(
    db: Reader,
    terms: readonly QueryTerm[],
    window: PublicWindow,
    limit: number,
    offset: number,
  ): Promise<Ranked>;
  rankNewsroom(
    db: Reader,
    terms: readonly QueryTerm[],
    ownerId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<Ranked>;
}
