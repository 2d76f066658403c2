// Where the data lives. Pure: reads only the environment object it is given, so start-up, the Prisma
// CLI config and the tests all resolve the same paths the same way.
import path from 'node:path';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export type DatabaseConfig =
  | {
      kind: 'sqlite';
      /** Absolute path of the SQLite file. */
      sqlitePath: string;
    }
  | {
      kind: 'postgresql';
      /** The connection URL as given (it may hold a password: never print it, see describeTarget). */
      url: string;
    };

export type DatabaseKind = DatabaseConfig['kind'];

export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_DB_FILE = 'newsroom.db';

export function resolveDataDir(env: Env, cwd = process.cwd()): string {
  const raw = env.DATA_DIR?.trim();
  return path.resolve(cwd, raw ? raw : DEFAULT_DATA_DIR);
}

function checkedPostgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL 不是有效的 PostgreSQL 地址：请写成 postgresql://用户:密码@主机:5432/数据库');
  }
  if (!url.hostname && !url.searchParams.get('host'))
    throw new ConfigError('DATABASE_URL 没有写 PostgreSQL 的主机：请写成 postgresql://用户:密码@主机:5432/数据库');
  if (url.pathname.replace(/^\//, '') === '')
    throw new ConfigError('DATABASE_URL 没有写数据库名：请写成 postgresql://用户:密码@主机:5432/数据库');
  return raw;
}

/** Where a PostgreSQL URL points, without its password: for messages and logs. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `主机 ${host}，端口 ${parsed.port || '5432'}，数据库 ${decodeURIComponent(parsed.pathname.slice(1))}，用户 ${decodeURIComponent(parsed.username) || '(未写)'}`;
  } catch {
    return '（地址无法解析）';
  }
}

/** The SQLite file, for the tools that only exist for SQLite (benchmarks on a generated archive). */
export function sqlitePathOf(config: DatabaseConfig): string {
  if (config.kind !== 'sqlite')
    throw new ConfigError('这个命令只适用于 SQLite：请去掉 DATABASE_URL 中的 PostgreSQL 地址');
  return config.sqlitePath;
}

/**
 * DATABASE_URL unset: SQLite at DATA_DIR/newsroom.db. `file:PATH`: SQLite at PATH (relative to the
 * working directory). `postgresql://…` (or `postgres://…`): PostgreSQL. Anything else is refused with a sentence that says what to write instead.
 */
export function resolveDatabase(env: Env, cwd = process.cwd()): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    return { kind: 'sqlite', sqlitePath: path.join(resolveDataDir(env, cwd), DEFAULT_DB_FILE) };
  }
  if (raw.startsWith('file:')) {
    const file = raw
      .slice('file:'.length)
      .replace(/^\/\/(?=\/)/, '')
      .split('?')[0];
    if (!file || file.endsWith('/')) {
      throw new ConfigError(`DATABASE_URL "${raw}" 没有指明数据库文件：请写成 file:./.data/newsroom.db 这样的形式`);
    }
    return { kind: 'sqlite', sqlitePath: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) return { kind: 'postgresql', url: checkedPostgresUrl(raw) };
  throw new ConfigError(
    `DATABASE_URL "${raw}" 不是可用的数据库地址：请删除它（使用 DATA_DIR 下的内置 SQLite），或写成 file:./path/to/newsroom.db`,
  );
}

/** Connections each app process keeps to PostgreSQL when DATABASE_POOL_SIZE is unset. */
export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 200;

/**
 * DATABASE_POOL_SIZE: connections each process (app instance, co-editing process, tool) may open to
 * PostgreSQL. Instances × this must stay under the server's max_connections (100 by default).
 */
export function resolvePoolSize(env: Env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!/^\d+$/.test(raw) || size < 1 || size > MAX_POOL_SIZE) {
    throw new ConfigError(
      `DATABASE_POOL_SIZE "${raw}" 不是有效的连接数：请设为 1 到 ${MAX_POOL_SIZE} 之间的整数（每个实例与 PostgreSQL 的连接数）`,
    );
  }
  return size;
}
