// How the reader cache of one app instance learns that another instance changed what readers see.
// Every instance keeps its own cached reader data (lib/cache/reader-cache-handler.ts); a change
// expires tags (lib/reader/revalidate.ts), and the expiry has to reach every instance before a
// reader asks any of them. One interface, an implementation per way of sharing it:
//  - one machine (SQLite): a small shared SQLite file in DATA_DIR, read on every cache lookup;
//  - several machines (PostgreSQL): LISTEN/NOTIFY on the newsroom's own database.

export interface TagInvalidations {
  /** Marks the tags expired for every instance: entries made before now are out of date. */
  expire(tags: readonly string[]): Promise<void>;
  /**
   * The latest time (ms, this machine's clock) any of the tags expired, as this instance knows it
   * now; 0 when none has. An entry made before that time must not be served.
   */
  expiredAt(tags: readonly string[]): number;
  close(): Promise<void>;
}

/** Largest expiry time among `tags` in a map of tag → time, at least `floor`. */
export function latestExpiry(known: ReadonlyMap<string, number>, tags: readonly string[], floor = 0): number {
  let latest = floor;
  for (const tag of tags) {
    const at = known.get(tag);
    if (at !== undefined && at > latest) latest = at;
  }
  return latest;
}
