import { describe, expect, it } from 'vitest';

import { REPEAT_WINDOW_MS, RepeatFilter } from './repeat-filter';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 6, 10, 0);
const A = '203.0.113.7\nMozilla/5.0 (iPhone) Safari';
const B = '203.0.113.8\nMozilla/5.0 (iPhone) Safari';

describe('RepeatFilter', () => {
  it('counts a client once per story within 30 minutes, and again after', () => {
    const filter = new RepeatFilter();
    expect(filter.isRepeat(A, 'kou-dai-gong-yuan', T0)).toBe(false);
    expect(filter.isRepeat(A, 'kou-dai-gong-yuan', T0 + 29 * MIN)).toBe(true);
    expect(filter.isRepeat(A, 'kou-dai-gong-yuan', T0 + REPEAT_WINDOW_MS)).toBe(false);
    expect(filter.isRepeat(A, 'kou-dai-gong-yuan', T0 + REPEAT_WINDOW_MS + MIN)).toBe(true);
  });

  it('tells clients and stories apart', () => {
    const filter = new RepeatFilter();
    expect(filter.isRepeat(A, 'one', T0)).toBe(false);
    expect(filter.isRepeat(B, 'one', T0)).toBe(false);
    expect(filter.isRepeat(A, 'two', T0)).toBe(false);
    expect(filter.isRepeat(`${A}x`, 'one', T0)).toBe(false);
  });

  it('keeps a reload across midnight one read (the previous secret still matches), but not two days on', () => {
    const days = ['2026-12-06', '2026-12-07', '2026-12-08'];
    let now = T0;
    const filter = new RepeatFilter({
      dayOf: (ms) => days[Math.floor((ms - T0) / (24 * 60 * MIN))] ?? 'later',
      windowMs: 3 * 24 * 60 * MIN,
    });
    expect(filter.isRepeat(A, 'one', now)).toBe(false);
    now += 24 * 60 * MIN + MIN;
    expect(filter.isRepeat(A, 'one', now)).toBe(true);
    now += 24 * 60 * MIN;
    // Two rotations later the first key is under a secret no longer kept: it cannot be matched.
    expect(filter.isRepeat(A, 'one', now)).toBe(false);
  });

  it('keeps nothing past the window and at most maxEntries, the oldest going first', () => {
    const filter = new RepeatFilter({ maxEntries: 3 });
    for (const [index, slug] of ['a', 'b', 'c', 'd'].entries()) filter.isRepeat(A, slug, T0 + index);
    expect(filter.size).toBe(3);
    // 'a' was evicted: it counts again; 'd' is still remembered.
    expect(filter.isRepeat(A, 'd', T0 + 10)).toBe(true);
    expect(filter.isRepeat(A, 'a', T0 + 10)).toBe(false);
    filter.isRepeat(B, 'z', T0 + REPEAT_WINDOW_MS + 20);
    expect(filter.size).toBe(1);
  });

  it('holds no address or User-Agent, only short keyed hashes', () => {
    const filter = new RepeatFilter();
    filter.isRepeat(A, 'one', T0);
    const kept = JSON.stringify([...(filter as unknown as { counted: Map<string, number> }).counted.keys()]);
    expect(kept).not.toContain('203.0.113.7');
    expect(kept).not.toContain('Safari');
  });
});
