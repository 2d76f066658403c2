import { describe, expect, it } from 'vitest';

import { MemoryEntries } from './memory-entries';

const entry = (value: string, size: number) => ({ value, lastModified: 0, tags: [], size });

describe('memory entries', () => {
  it('drops the least recently used entries once over budget', () => {
    const entries = new MemoryEntries<string>(100);
    entries.set('a', entry('a', 40));
    entries.set('b', entry('b', 40));
    expect(entries.get('a')?.value).toBe('a');
    entries.set('c', entry('c', 40));
    expect(entries.get('b')).toBeUndefined();
    expect(entries.get('a')?.value).toBe('a');
    expect(entries.get('c')?.value).toBe('c');
    expect(entries.usedBytes).toBe(80);
  });

  it('replaces an entry without counting it twice, and never keeps one larger than the budget', () => {
    const entries = new MemoryEntries<string>(100);
    entries.set('a', entry('a1', 60));
    entries.set('a', entry('a2', 60));
    expect(entries.usedBytes).toBe(60);
    entries.set('huge', entry('x', 101));
    expect(entries.get('huge')).toBeUndefined();
    expect(entries.get('a')?.value).toBe('a2');
    entries.delete('a');
    expect(entries.size).toBe(0);
    expect(entries.usedBytes).toBe(0);
  });
});
