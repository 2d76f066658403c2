// The database part of a backup, one implementation per database: how it is dumped consistently
// while the server writes, checked, found empty and restored. The archive, manifest and checks
// around it are the same for both (backup.ts, manifest.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

import { DEFAULT_DB_FILE, type DatabaseConfig, type DatabaseKind } from '../config/database';

export class BackupError extends Error {}

export type DatabaseSnapshot = {
  kind: DatabaseKind;
  /** Its file's name inside the archive. */
  file: string;
  /** Asynchronous: the server (or a test's writer) in this process keeps going while it runs. */
  dumpTo(file: string): Promise<void>;
  /** Throws a BackupError when the dumped file is not a whole database. */
  check(file: string): void;
  /** Throws a BackupError when the target already holds data. */
  assertEmptyTarget(dataDir: string): void;
  restoreFrom(file: string, dataDir: string): void;
  /**
   * Deletes the restored stories' shared documents (docs/architecture.md, "Co-editing"): each is built
   * again from its restored working copy with a new generation, so a browser's stored copy of the
   * history before the restore is refused, never merged into the restored text.
   */
  forgetSharedDocuments(dataDir: string): void;
};

// A backup from before co-editing has no such table; the migrations at start create it empty.
const FORGET_SHARED_DOCUMENTS_SQLITE = `DELETE FROM "CollabDocument"`;
const FORGET_SHARED_DOCUMENTS_POSTGRESQL = `DO $$ BEGIN IF to_regclass('"CollabDocument"') IS NOT NULL THEN DELETE FROM "CollabDocument"; END IF; END $$`;

export const SNAPSHOT_FILES: Record<DatabaseKind, string> = { sqlite: 'newsroom.db', postgresql: 'newsroom.pgdump' };

export function sqliteSnapshot(sqlitePath: string): DatabaseSnapshot {
  return {
    kind: 'sqlite',
    file: SNAPSHOT_FILES.sqlite,
    async dumpTo(file) {
      const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
      try {
        // VACUUM INTO copies inside one read transaction: one consistent state of the database even
        // while the server writes. (The online backup API restarts on every write from another
        // connection, so a busy server could starve it for ever.)
        source.prepare('VACUUM INTO ?').run(file);
      } finally {
        source.close();
      }
    },
    check(file) {
      const check = new Database(file, { readonly: true });
      try {
        const result = check.pragma('integrity_check', { simple: true });
        if (result !== 'ok') throw new BackupError(`备份中的数据库不完整：${String(result)}`);
      } finally {
        check.close();
      }
    },
    assertEmptyTarget() {
      // The file goes into the data directory, which restore requires to be empty.
    },
    restoreFrom(file, dataDir) {
      fs.copyFileSync(file, path.join(dataDir, DEFAULT_DB_FILE));
    },
    forgetSharedDocuments(dataDir) {
      const restored = new Database(path.join(dataDir, DEFAULT_DB_FILE));
      try {
        const table = restored
          .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'CollabDocument'`)
          .get();
        if (table) restored.prepare(FORGET_SHARED_DOCUMENTS_SQLITE).run();
      } finally {
        restored.close();
      }
    },
  };
}

/** pg_dump and friends get the URL without its password (a command line is visible to every user); PGPASSWORD carries it. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function pgTool(tool: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.error)
    throw new BackupError(`无法运行 ${tool}（${result.error.message}）：请安装 Debian 的 postgresql-client`);
  if (result.status !== 0) throw new BackupError(`${tool} 失败：${result.stderr.trim().split('\n')[0]}`);
  return result.stdout;
}

function pgToolAsync(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(new BackupError(`无法运行 ${tool}（${error.message}）：请安装 Debian 的 postgresql-client`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${tool} 失败：${stderr.trim().split('\n')[0]}`)),
    );
  });
}

export function postgresSnapshot(url: string): DatabaseSnapshot {
  const { dbname, env } = connection(url);
  return {
    kind: 'postgresql',
    file: SNAPSHOT_FILES.postgresql,
    async dumpTo(file) {
      // pg_dump reads in one repeatable-read transaction: a consistent state while the server writes.
      await pgToolAsync(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`, `--dbname=${dbname}`],
        env,
      );
    },
    check(file) {
      // pg_restore reads the whole archive's table of contents; a damaged or foreign file fails here.
      const list = pgTool('pg_restore', ['--list', file], env);
      if (!/TABLE DATA public "?Article"?/.test(list)) throw new BackupError('备份中的数据库不完整：没有稿件表');
    },
    assertEmptyTarget() {
      const count = pgTool(
        'psql',
        [
          '--no-psqlrc',
          '--tuples-only',
          '--no-align',
          `--dbname=${dbname}`,
          '--command',
          "SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','S') AND s.nspname NOT IN ('pg_catalog','information_schema') AND s.nspname NOT LIKE 'pg_toast%'",
        ],
        env,
      );
      if (Number(count.trim()) > 0)
        throw new BackupError(
          '目标 PostgreSQL 数据库不是空的：请恢复到一个新建的空数据库（createdb …），以免覆盖现有数据',
        );
    },
    restoreFrom(file) {
      // One transaction: a restore that fails part-way leaves the database empty.
      pgTool(
        'pg_restore',
        ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
        env,
      );
    },
    forgetSharedDocuments() {
      pgTool(
        'psql',
        [
          '--no-psqlrc',
          '--quiet',
          '--set=ON_ERROR_STOP=1',
          `--dbname=${dbname}`,
          '--command',
          FORGET_SHARED_DOCUMENTS_POSTGRESQL,
        ],
        env,
      );
    },
  };
}

export function snapshotFor(config: DatabaseConfig): DatabaseSnapshot {
  return config.kind === 'postgresql' ? postgresSnapshot(config.url) : sqliteSnapshot(config.sqlitePath);
}
