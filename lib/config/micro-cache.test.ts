import { describe, expect, it } from 'vitest';

import { resolveMicroCacheBytes, resolveNewsroomFirst } from './micro-cache';

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

describe('resolveNewsroomFirst', () => {
  it('on unless APP_NEWSROOM_FIRST=0; other values refused in Chinese', () => {
    expect(resolveNewsroomFirst({})).toBe(true);
    expect(resolveNewsroomFirst({ APP_NEWSROOM_FIRST: '1' })).toBe(true);
    expect(resolveNewsroomFirst({ APP_NEWSROOM_FIRST: '0' })).toBe(false);
    expect(() => resolveNewsroomFirst({ APP_NEWSROOM_FIRST: 'yes' })).toThrow('APP_NEWSROOM_FIRST "yes" 无效');
  });
});
