// Creates the data directory and proves it is writable before anything is put in it.
import fs from 'node:fs';
import path from 'node:path';

import { ConfigError, resolveDataDir, type Env } from './database';

export function ensureDataDir(env: Env): string {
  return ensureWritableDir(resolveDataDir(env), 'DATA_DIR', '当前用户可写的目录');
}

/** Creates `dir` and writes a probe file in it; a failure names the setting and what it should point at. */
export function ensureWritableDir(dir: string, setting: string, wanted: string): string {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ConfigError(`${setting} ${dir} 不可写（${reason}）：请把 ${setting} 指向${wanted}`);
  }
  return dir;
}
