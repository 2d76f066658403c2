// Planner statistics for SQLite (ANALYZE), kept fresh at start-up (server/prepare.ts).
//
// Almost every newsroom query says `deletedAt IS NULL`, true of nearly every story. sqlite_stat1 alone
// counts NULL as one value among the thousands of deletion times, so it tells the planner that
// `deletedAt IS NULL` picks about 50 rows of 100,000; and an ANALYZE under an analysis limit (what
// `PRAGMA optimize` runs) guesses every index column at ~1,000 rows a value. Both send the planner down
// the wrong index. A full ANALYZE also samples each index into sqlite_stat4 (better-sqlite3's SQLite
// is built with SQLITE_ENABLE_STAT4), which knows that NULL is most of the table. It reads every
// index of a table once (a few seconds for the stories of a 100,000-story archive), so it runs only for
// a table whose statistics are missing (a new table or index) or that has grown or shrunk by more than
// a quarter since they were taken.
import type Database from 'better-sqlite3';

const DRIFT = 1.25;

type IndexRow = { tbl: string; name: string };
type StatRow = { tbl: string; idx: string | null; stat: string };

/** Tables (not SQLite's own, not the FTS shadow tables) whose statistics are missing or out of date. */
export function staleStatistics(sqlite: Database.Database): string[] {
  const exists = (table: string) =>
    Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));
  const stats: StatRow[] = exists('sqlite_stat1')
    ? (sqlite.prepare('SELECT tbl, idx, stat FROM sqlite_stat1').all() as StatRow[])
    : [];
  const analyzed = new Map(stats.map((row) => [row.idx ?? row.tbl, Number(row.stat.split(' ')[0])]));
  // Samples are taken only by a full ANALYZE: an index without them was analyzed under a limit.
  const sampled = new Set(
    exists('sqlite_stat4')
      ? (sqlite.prepare('SELECT DISTINCT idx FROM sqlite_stat4').all() as { idx: string }[]).map((row) => row.idx)
      : [],
  );
  const indexes = sqlite
    .prepare(
      "SELECT tbl_name AS tbl, name FROM sqlite_master WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'search_%'",
    )
    .all() as IndexRow[];
  const stale = new Set<string>();
  const sizes = new Map<string, number>();
  for (const index of indexes) {
    if (!sizes.has(index.tbl))
      sizes.set(index.tbl, (sqlite.prepare(`SELECT count(*) AS n FROM "${index.tbl}"`).get() as { n: number }).n);
    const rows = sizes.get(index.tbl)!;
    // ANALYZE writes nothing for an empty table; there is nothing to plan for either.
    if (rows === 0) continue;
    const then = analyzed.get(index.name);
    if (then === undefined || !sampled.has(index.name) || rows > then * DRIFT || rows * DRIFT < then)
      stale.add(index.tbl);
  }
  return [...stale];
}

/** Runs a full ANALYZE of each table whose statistics are stale; returns those tables. */
export function refreshPlannerStatistics(sqlite: Database.Database): string[] {
  const stale = staleStatistics(sqlite);
  sqlite.pragma('analysis_limit = 0');
  for (const table of stale) sqlite.exec(`ANALYZE "${table}"`);
  return stale;
}
