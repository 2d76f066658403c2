// Reads counted in memory until the next batch is written (issue 34: counting survives a spike). One
// entry per story, day and channel (website or app), so 2,000 reads a second of a few hundred stories are a few hundred rows a
// batch, whatever the rate. Pure.

import type { ReadChannel } from './beacon';

/** Reads of one story (by its slug, as the beacon names it) on one day through one channel. */
export type ReadEntry = { slug: string; day: string; channel: ReadChannel; count: number };

export class ReadTally {
  private readonly pending = new Map<string, ReadEntry>();
  private reads = 0;

  /** Reads waiting to be written (not entries: one entry may hold many). */
  get size(): number {
    return this.reads;
  }

  add(slug: string, day: string, channel: ReadChannel = 'web', count = 1): void {
    const key = `${slug}\n${day}\n${channel}`;
    const entry = this.pending.get(key);
    if (entry) entry.count += count;
    else this.pending.set(key, { slug, day, channel, count });
    this.reads += count;
  }

  /** Everything pending, emptied out of the tally. */
  take(): ReadEntry[] {
    const entries = [...this.pending.values()];
    this.pending.clear();
    this.reads = 0;
    return entries;
  }

  /** A batch whose write failed goes back in, added to whatever came since. */
  restore(entries: readonly ReadEntry[]): void {
    for (const entry of entries) this.add(entry.slug, entry.day, entry.channel, entry.count);
  }
}
