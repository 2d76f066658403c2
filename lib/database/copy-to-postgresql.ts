// `npm run db:copy -- --to postgresql://…`: a SQLite newsroom into an empty PostgreSQL database, in
// one PostgreSQL transaction: the migrations, every table's rows, then a check of each table (row
// count and a SHA-256 over its rows in key order, computed from both databases). Anything amiss
// rolls the whole transaction back, so the target stays empty. Media files are not touched (they
// stay in DATA_DIR/media); the search index is rebuilt on the target afterwards.
import { createHash } from 'node:crypto';
import pg from 'pg';

import { ConfigError } from '../config/database';
import type { Db } from '../db-client';
import { COPY_ORDER, hasNumericKey, keyColumns, LIVE_REVISION, type TableName } from './copy-tables';
import { migrationsDir, readMigrations } from './migration-files';
import { connectionFailure } from './postgresql/connect';

const BATCH = 1000;
const TIMESTAMP_OID = 1114;

export type TableReport = { table: TableName; rows: number; sha256: string };

type Row = Record<string, unknown>;
type Column = { name: string; cast: string };

/** The same value from either database, as one canonical string. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}

class TableHash {
  private hash = createHash('sha256');
  rows = 0;
  constructor(private readonly columns: readonly string[]) {}
  add(row: Row): void {
    this.hash.update(`${JSON.stringify(this.columns.map((column) => canonical(row[column])))}\n`);
    this.rows += 1;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

function delegate(source: Db, table: TableName): { findMany(args: object): Promise<Row[]> } {
  const name = table[0]!.toLowerCase() + table.slice(1);
  return (source as unknown as Record<string, { findMany(args: object): Promise<Row[]> }>)[name]!;
}

/** Every row of a SQLite table through Prisma, in key order, a batch at a time. */
async function* sourceRows(source: Db, table: TableName): AsyncGenerator<Row[]> {
  const keys = keyColumns(table);
  const orderBy = keys.map((key) => ({ [key]: 'asc' }));
  for (let skip = 0; ; skip += BATCH) {
    // Offset paging is plain and fine at these sizes; a cursor needs a single-column key.
    const rows = await delegate(source, table).findMany({ orderBy, skip, take: BATCH });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
  }
}

async function targetColumns(client: pg.Client, table: TableName): Promise<Column[]> {
  const result = await client.query<{ column_name: string; data_type: string; udt_name: string }>(
    `SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return result.rows.map((row) => ({
    name: row.column_name,
    cast: row.data_type === 'USER-DEFINED' ? `"${row.udt_name}"` : row.data_type,
  }));
}

/** PostgreSQL's `timestamp(3)` holds UTC wall time (Prisma's convention): written and read as UTC. */
function forTarget(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('Z', '') : value;
}

async function insertBatch(client: pg.Client, table: TableName, columns: Column[], rows: Row[]): Promise<void> {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const arrays = columns.map((column) =>
    rows.map((row) =>
      table === LIVE_REVISION.table && column.name === LIVE_REVISION.column ? null : forTarget(row[column.name]),
    ),
  );
  const unnest = columns.map((column, index) => `$${index + 1}::${column.cast}[]`).join(', ');
  await client.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`, arrays);
}

async function targetHash(client: pg.Client, table: TableName, columns: Column[]): Promise<TableHash> {
  const hash = new TableHash(columns.map((column) => column.name));
  const order = keyColumns(table)
    .map((key) => (hasNumericKey(table) ? `"${key}"` : `"${key}" COLLATE "C"`))
    .join(', ');
  const cursor = `copy_check_${table.toLowerCase()}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT * FROM "${table}" ORDER BY ${order}`);
  for (;;) {
    const batch = await client.query<Row>(`FETCH ${BATCH} FROM ${cursor}`);
    for (const row of batch.rows) hash.add(row);
    if (batch.rows.length < BATCH) break;
  }
  await client.query(`CLOSE ${cursor}`);
  return hash;
}

async function assertEmpty(client: pg.Client): Promise<void> {
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'`,
  );
  if ((result.rows[0]?.n ?? 0) > 0)
    throw new ConfigError(
      '目标数据库不是空的：请复制到一个新建的空数据库（createdb …），以免覆盖现有数据；没有写入任何内容',
    );
}

export async function copyToPostgres(
  source: Db,
  targetUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<TableReport[]> {
  const client = new pg.Client({
    connectionString: targetUrl,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: (oid, format) =>
        oid === TIMESTAMP_OID
          ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
          : pg.types.getTypeParser(oid, format),
    },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(targetUrl, error);
  }
  try {
    await assertEmpty(client);
    await client.query('BEGIN');
    await client.query(
      `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
    );
    for (const migration of readMigrations(migrationsDir('postgresql'))) {
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
    }
    const expected = new Map<TableName, TableHash>();
    // Stories' live revisions, set once the revisions are written.
    const live: [string, string][] = [];
    for (const table of COPY_ORDER) {
      const columns = await targetColumns(client, table);
      const hash = new TableHash(columns.map((column) => column.name));
      for await (const rows of sourceRows(source, table)) {
        await insertBatch(client, table, columns, rows);
        for (const row of rows) {
          hash.add(row);
          if (table === LIVE_REVISION.table && row[LIVE_REVISION.column])
            live.push([row.id as string, row[LIVE_REVISION.column] as string]);
        }
      }
      expected.set(table, hash);
      if (table === 'Revision') await setLiveRevisions(client, live);
      log(`${table}: ${hash.rows} 行`);
    }
    const reports: TableReport[] = [];
    for (const table of COPY_ORDER) {
      const want = expected.get(table)!;
      const got = await targetHash(client, table, await targetColumns(client, table));
      const wantSha = want.digest();
      const gotSha = got.digest();
      if (got.rows !== want.rows || gotSha !== wantSha) {
        throw new ConfigError(
          `校验失败：${table} 源 ${want.rows} 行，目标 ${got.rows} 行${got.rows === want.rows ? '，内容校验和不符' : ''}；已全部撤销，目标数据库保持为空`,
        );
      }
      reports.push({ table, rows: got.rows, sha256: gotSha });
    }
    await client.query('COMMIT');
    return reports;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function setLiveRevisions(client: pg.Client, pairs: [string, string][]): Promise<void> {
  for (let start = 0; start < pairs.length; start += BATCH) {
    const batch = pairs.slice(start, start + BATCH);
    await client.query(
      `UPDATE "Article" a SET "${LIVE_REVISION.column}" = v.live FROM unnest($1::text[], $2::text[]) AS v(id, live) WHERE a.id = v.id`,
      [batch.map(([id]) => id), batch.map(([, live]) => live)],
    );
  }
}
