import { afterEach, describe, expect, it, vi } from 'vitest';

import { ReadCounter } from './counter';
import type { ReadEntry } from './tally';

afterEach(() => vi.useRealTimers());

function sum(batches: ReadEntry[][]): number {
  return batches.flat().reduce((total, entry) => total + entry.count, 0);
}

describe('ReadCounter', () => {
  it('writes one entry per story and day, every interval', async () => {
    vi.useFakeTimers();
    const batches: ReadEntry[][] = [];
    const counter = new ReadCounter({ write: async (entries) => void batches.push(entries), flushEveryMs: 2000 });
    for (let i = 0; i < 300; i += 1) counter.count(i % 3 === 0 ? 'a' : 'b', '2026-12-06');
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(batches).toEqual([
      [
        { slug: 'a', day: '2026-12-06', channel: 'web', count: 100 },
        { slug: 'b', day: '2026-12-06', channel: 'web', count: 200 },
      ],
    ]);
    await counter.stop();
  });

  it('keeps the website’s and the app’s reads of a story apart', async () => {
    const batches: ReadEntry[][] = [];
    const counter = new ReadCounter({ write: async (entries) => void batches.push(entries) });
    counter.count('a', '2026-12-06');
    counter.count('a', '2026-12-06', 'app');
    counter.count('a', '2026-12-06', 'app');
    await counter.stop();
    expect(batches).toEqual([
      [
        { slug: 'a', day: '2026-12-06', channel: 'web', count: 1 },
        { slug: 'a', day: '2026-12-06', channel: 'app', count: 2 },
      ],
    ]);
  });

  it('writes early once enough reads wait, and never two writes at once', async () => {
    let running = 0;
    let overlapped = false;
    const batches: ReadEntry[][] = [];
    const counter = new ReadCounter({
      flushAtReads: 100,
      flushEveryMs: 60_000,
      write: async (entries) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        batches.push(entries);
        running -= 1;
      },
    });
    for (let i = 0; i < 1050; i += 1) counter.count(`s${i % 7}`, '2026-12-06');
    await counter.stop();
    expect(overlapped).toBe(false);
    expect(sum(batches)).toBe(1050);
    expect(counter.total).toBe(1050);
  });

  it('puts a failed batch back and writes it with the next one: nothing is lost', async () => {
    let fail = true;
    const batches: ReadEntry[][] = [];
    const errors: unknown[] = [];
    const counter = new ReadCounter({
      flushEveryMs: 60_000,
      write: async (entries) => {
        if (fail) throw new Error('database is locked');
        batches.push(entries);
      },
      onError: (error) => errors.push(error),
    });
    counter.count('a', '2026-12-06');
    counter.count('a', '2026-12-06');
    await counter.flush();
    expect(errors).toHaveLength(1);
    expect(counter.pending).toBe(2);
    counter.count('a', '2026-12-06');
    fail = false;
    await counter.stop();
    expect(batches).toEqual([[{ slug: 'a', day: '2026-12-06', channel: 'web', count: 3 }]]);
  });
});
