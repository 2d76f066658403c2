// Creates the data directory and proves it is writable before anything is put in it.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, resolveDataDir, type Env } from './database';

export function ensureDataDir(env: Env): string {
  const dir = resolveDataDir(env);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ConfigError(`DATA_DIR ${dir} 不可写（${reason}）：请把 DATA_DIR 指向当前用户可写的目录`);
  }
  return dir;
}
