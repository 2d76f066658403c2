// The web server's read counter (issue 34): reads go into a tally in memory, and a batch is written
// every FLUSH_EVERY_MS or as soon as FLUSH_AT_READS are waiting, one write at a time; a failed write
// puts its batch back for the next one, and stop() writes what is left (the server calls it on
// SIGTERM/SIGINT). A crash loses at most the last few seconds' reads, never a page view.
import type { ReadChannel } from './beacon';
import { ReadTally, type ReadEntry } from './tally';

/** Two seconds: a day's figure is late by at most that, and a spike is one write per story every 2 s. */
export const FLUSH_EVERY_MS = 2_000;
/** A burst writes early rather than holding many reads in memory. */
export const FLUSH_AT_READS = 5_000;

export type ReadCounterOptions = {
  write: (entries: ReadEntry[]) => Promise<void>;
  flushEveryMs?: number;
  flushAtReads?: number;
  onError?: (error: unknown) => void;
};

export class ReadCounter {
  private readonly tally = new ReadTally();
  private readonly write: ReadCounterOptions['write'];
  private readonly flushAtReads: number;
  private readonly onError: (error: unknown) => void;
  private readonly timer: ReturnType<typeof setInterval>;
  private writing: Promise<void> | null = null;
  private written = 0;

  constructor(options: ReadCounterOptions) {
    this.write = options.write;
    this.flushAtReads = options.flushAtReads ?? FLUSH_AT_READS;
    this.onError = options.onError ?? ((error) => console.error('阅读数写入失败，稍后重试：', error));
    this.timer = setInterval(() => void this.flush(), options.flushEveryMs ?? FLUSH_EVERY_MS);
    // The timer alone never keeps the process alive.
    this.timer.unref();
  }

  /** Reads waiting in memory. */
  get pending(): number {
    return this.tally.size;
  }

  /** Reads written since start. */
  get total(): number {
    return this.written;
  }

  count(slug: string, day: string, channel: ReadChannel = 'web'): void {
    this.tally.add(slug, day, channel);
    if (this.tally.size >= this.flushAtReads && !this.writing) void this.flush();
  }

  /** Writes what is pending (after the write under way, if any). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    const entries = this.tally.take();
    if (entries.length === 0) return;
    this.writing = this.write(entries)
      .then(() => {
        this.written += entries.reduce((sum, entry) => sum + entry.count, 0);
      })
      .catch((error: unknown) => {
        this.tally.restore(entries);
        this.onError(error);
      })
      .finally(() => {
        this.writing = null;
      });
    await this.writing;
  }

  /** No more timed writes; what is pending is written (one attempt). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
