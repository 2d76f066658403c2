// Where uploaded images live: MEDIA_DIR when set, otherwise DATA_DIR/media. Several app instances
// must all point at the same directory (a shared disk or mount when they run on several machines):
// an image uploaded through one is served by any of them and by the nginx front.
import path from 'node:path';

import { ensureWritableDir } from './data-dir';
import { resolveDataDir, type Env } from './database';

export function resolveMediaDir(env: Env, cwd = process.cwd()): string {
  const raw = env.MEDIA_DIR?.trim();
  return raw ? path.resolve(cwd, raw) : path.join(resolveDataDir(env, cwd), 'media');
}

/** Creates the media directory and proves it is writable, with a sentence that says what to fix. */
export function ensureMediaDir(env: Env): string {
  return ensureWritableDir(resolveMediaDir(env), 'MEDIA_DIR', '当前用户可写、所有实例共用的目录');
}
