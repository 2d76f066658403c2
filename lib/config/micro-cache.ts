// APP_MICROCACHE and APP_MICROCACHE_MB: the app's own micro-cache of reader pages (server/micro-cache.ts).
// On by default, because `npm start` alone is how many deployments run (behind a proxy that does not
// cache); off (`APP_MICROCACHE=0`) where a cache of their own sits in front, such as the shipped nginx front.
import { ConfigError, type Env } from './database';

export const DEFAULT_MICROCACHE_MB = 64;

/** The memory budget in bytes, or null when the micro-cache is off. */
export function resolveMicroCacheBytes(env: Env): number | null {
  const onOff = env.APP_MICROCACHE?.trim();
  if (onOff === '0') return null;
  if (onOff && onOff !== '1') throw new ConfigError(`APP_MICROCACHE "${onOff}" 无效：请设为 1（开启）或 0（关闭）`);
  const raw = env.APP_MICROCACHE_MB?.trim();
  if (!raw) return DEFAULT_MICROCACHE_MB * 1024 * 1024;
  const megabytes = Number(raw);
  if (!/^\d+$/.test(raw) || megabytes < 1 || megabytes > 65536)
    throw new ConfigError(`APP_MICROCACHE_MB "${raw}" 无效：请设为 1 到 65536 之间的整数（兆字节）`);
  return megabytes * 1024 * 1024;
}

/**
 * APP_NEWSROOM_FIRST: while a newsroom request is being answered, reader answers wait their turn
 * (server/newsroom-first.ts). On by default; 0 turns it off (bench:newsroom compares the two).
 */
export function resolveNewsroomFirst(env: Env): boolean {
  const value = env.APP_NEWSROOM_FIRST?.trim();
  if (!value || value === '1') return true;
  if (value === '0') return false;
  throw new ConfigError(`APP_NEWSROOM_FIRST "${value}" 无效：请设为 1（开启）或 0（关闭）`);
}
