// Tag expiries shared by the instances of one machine through a small SQLite file next to the
// database (DATA_DIR/cache-tags.db). It is not the newsroom database: it holds nothing but cache
// bookkeeping, needs no migration, and deleting it is harmless (every instance starts with an empty
// cache). Each lookup asks SQLite's `PRAGMA data_version`, which changes only when another
// connection committed, and then reads just the rows changed since: an expiry written by one
// instance is seen by the next lookup on any other, with no polling delay.
import Database from 'better-sqlite3';

import { latestExpiry, type TagInvalidations } from './tag-invalidations';

/** Rows older than this are pruned on open: no cached entry lives that long (reader-cache-handler.ts). */
export const KEEP_EXPIRIES_MS = 2 * 24 * 3600_000;

export class SqliteTagInvalidations implements TagInvalidations {
  private readonly db: Database.Database;
  private readonly known = new Map<string, number>();
  private seenSeq = 0;
  private dataVersion = -1;
  private readonly now: () => number;

  constructor(file: string, now: () => number = Date.now) {
    this.now = now;
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS tag_expiry (
      tag TEXT PRIMARY KEY,
      expired_at INTEGER NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS tag_expiry_seq ON tag_expiry (seq);`);
    this.db.prepare('DELETE FROM tag_expiry WHERE expired_at < ?').run(this.now() - KEEP_EXPIRIES_MS);
    this.refresh();
  }

  async expire(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const at = this.now();
    const upsert = this.db.prepare(
      `INSERT INTO tag_expiry (tag, expired_at, seq) VALUES (?, ?, ?)
       ON CONFLICT (tag) DO UPDATE SET expired_at = max(expired_at, excluded.expired_at), seq = excluded.seq`,
    );
    const write = this.db.transaction(() => {
      const { next } = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM tag_expiry').get() as {
        next: number;
      };
      for (const tag of tags) upsert.run(tag, at, next);
    });
    write.immediate();
    for (const tag of tags) this.known.set(tag, Math.max(this.known.get(tag) ?? 0, at));
  }

  expiredAt(tags: readonly string[]): number {
    this.refresh();
    return latestExpiry(this.known, tags);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Reads the rows other connections changed since the last look (none when data_version is unchanged). */
  private refresh(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    const rows = this.db
      .prepare('SELECT tag, expired_at AS at, seq FROM tag_expiry WHERE seq > ?')
      .all(this.seenSeq) as { tag: string; at: number; seq: number }[];
    for (const row of rows) {
      this.known.set(row.tag, Math.max(this.known.get(row.tag) ?? 0, row.at));
      if (row.seq > this.seenSeq) this.seenSeq = row.seq;
    }
  }
}
