// Prisma's better-sqlite3 adapter opens every transaction with a plain (deferred) BEGIN. With one
// server process that is fine: the adapter runs one transaction at a time. With several processes on
// one SQLite file (two app instances, or a script while the server runs), a transaction that reads
// and then writes fails at once with SQLITE_BUSY ("Operation has timed out", P1008) whenever another
// process committed in between: SQLite cannot upgrade a read snapshot that is out of date, and its
// busy timeout does not apply to that case. Opening with BEGIN IMMEDIATE takes the write lock first,
// so the second process waits (up to the busy timeout) instead of failing.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';

export class ImmediateTransactionsSqlite extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client?: Database.Database }).client;
    if (!client || typeof client.prepare !== 'function')
      throw new Error('@prisma/adapter-better-sqlite3 changed: its connection is no longer at adapter.client');
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) =>
      prepare(source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as typeof client.prepare;
    return adapter;
  }
}
