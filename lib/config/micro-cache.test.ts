import { describe, expect, it } from 'vitest';

import { resolveMicroCacheBytes } from './micro-cache';

describe('resolveMicroCacheBytes', () => {
  it('on with 64 MB unless told otherwise', () => {
    expect(resolveMicroCacheBytes({})).toBe(64 * 1024 * 1024);
    expect(resolveMicroCacheBytes({ APP_MICROCACHE: '1', APP_MICROCACHE_MB: '8' })).toBe(8 * 1024 * 1024);
  });

  it('APP_MICROCACHE=0 turns it off', () => {
    expect(resolveMicroCacheBytes({ APP_MICROCACHE: '0', APP_MICROCACHE_MB: '8' })).toBeNull();
  });

  it('refuses other values in Chinese', () => {
    expect(() => resolveMicroCacheBytes({ APP_MICROCACHE: 'off' })).toThrow('APP_MICROCACHE "off" 无效');
    expect(() => resolveMicroCacheBytes({ APP_MICROCACHE_MB: '0' })).toThrow('APP_MICROCACHE_MB "0" 无效');
    expect(() => resolveMicroCacheBytes({ APP_MICROCACHE_MB: '1.5' })).toThrow('1 到 65536');
  });
});
