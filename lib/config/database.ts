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

export type DatabaseConfig = {
  kind: 'sqlite';
  /** Absolute path of the SQLite file. */
  sqlitePath: string;
};

export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_DB_FILE = 'newsroom.db';

export function resolveDataDir(env: Env, cwd = process.cwd()): string {
  const raw = env.DATA_DIR?.trim();
  return path.resolve(cwd, raw ? raw : DEFAULT_DATA_DIR);
}

/**
 * DATABASE_URL unset: SQLite at DATA_DIR/newsroom.db. `file:PATH`: SQLite at PATH (relative to the
 * working directory). Anything else is refused with a sentence that says what to write instead.
 */
export function resolveDatabase(env: Env, cwd = process.cwd()): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    return { kind: 'sqlite', sqlitePath: path.join(resolveDataDir(env, cwd), DEFAULT_DB_FILE) };
  }
  if (raw.startsWith('file:')) {
    const file = raw.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0];
    if (!file || file.endsWith('/')) {
      throw new ConfigError(`DATABASE_URL "${raw}" 没有指明数据库文件：请写成 file:./.data/newsroom.db 这样的形式`);
    }
    return { kind: 'sqlite', sqlitePath: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError(
      'DATABASE_URL 指向 PostgreSQL，本版本暂不支持：请删除 DATABASE_URL 以使用内置的 SQLite，或写成 file: 地址',
    );
  }
  throw new ConfigError(
    `DATABASE_URL "${raw}" 不是可用的数据库地址：请删除它（使用 DATA_DIR 下的内置 SQLite），或写成 file:./path/to/newsroom.db`,
  );
}
