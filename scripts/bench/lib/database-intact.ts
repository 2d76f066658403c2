// bench:crash's last check, per database: is the database whole after an instance was killed with
// saves in flight? SQLite: `PRAGMA integrity_check` on the file. PostgreSQL: amcheck's
// `bt_index_check` on every B-tree index of the schema (each index agrees with its own ordering
// rules), when the amcheck extension can be created; otherwise it says it could not check.
import Database from 'better-sqlite3';

import type { DatabaseConfig } from '../../../lib/config/database';
import { withPostgres } from '../../../lib/database/postgresql/connect';

export type Intact = { label: string; ok: boolean; detail: string };

export async function checkDatabaseIntact(database: DatabaseConfig): Promise<Intact> {
  if (database.kind === 'sqlite') {
    const sqlite = new Database(database.sqlitePath, { readonly: true });
    try {
      const result = String(sqlite.pragma('integrity_check', { simple: true }));
      return { label: 'SQLite integrity_check', ok: result === 'ok', detail: result };
    } finally {
      sqlite.close();
    }
  }
  return withPostgres(database.url, async (client) => {
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    } catch (error) {
      return {
        label: 'PostgreSQL amcheck',
        ok: false,
        detail: `无法启用 amcheck（${error instanceof Error ? error.message : String(error)}）`,
      };
    }
    const { rows } = await client.query<{ index: string }>(
      `SELECT c.oid::regclass::text AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE a.amname = 'btree' AND n.nspname = 'public'`,
    );
    const failed: string[] = [];
    for (const { index } of rows) {
      try {
        await client.query('SELECT bt_index_check($1::regclass, true)', [index]);
      } catch (error) {
        failed.push(`${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const detail = failed.length ? failed.join('；') : `ok（${rows.length} 个 B-tree 索引，含堆表中的每一行）`;
    return { label: 'PostgreSQL amcheck bt_index_check', ok: failed.length === 0, detail };
  });
}
