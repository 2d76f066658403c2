// "One client within 30 minutes is one read" without keeping who the client is (issue 34; the privacy
// note in docs/guide.md and docs/architecture.md, "Reads"). A client is its address and User-Agent;
// what is kept is a keyed hash of them with the story, under a secret made at random in memory, never
// written anywhere and replaced every day: after a restart or a day the hashes cannot be matched to
// anyone, not even by this server. The previous day's secret is kept one more day so that a read at
// 23:50 and its reload at 00:05 stay one read. Entries live 30 minutes; the table is capped (the
// oldest go first, so a flood can only make a read count again, never stop one being counted).
import { createHmac, randomBytes } from 'node:crypto';

export const REPEAT_WINDOW_MS = 30 * 60_000;
/** About 80 bytes each (a 12-byte key and a number in a Map): 300,000 keep under 30 MB. */
export const REPEAT_MAX_ENTRIES = 300_000;

export type RepeatFilterOptions = {
  windowMs?: number;
  maxEntries?: number;
  /** The day a moment falls on (the secret changes with it); by default the UTC date. */
  dayOf?: (ms: number) => string;
  /** A new secret (tests give fixed ones). */
  newSecret?: () => Buffer;
};

export class RepeatFilter {
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly dayOf: (ms: number) => string;
  private readonly newSecret: () => Buffer;
  /** Key → when its first read was counted; Map order is insertion order, so the oldest come first. */
  private readonly counted = new Map<string, number>();
  private day = '';
  private secret: Buffer | null = null;
  private previous: Buffer | null = null;

  constructor(options: RepeatFilterOptions = {}) {
    this.windowMs = options.windowMs ?? REPEAT_WINDOW_MS;
    this.maxEntries = options.maxEntries ?? REPEAT_MAX_ENTRIES;
    this.dayOf = options.dayOf ?? ((ms) => new Date(ms).toISOString().slice(0, 10));
    this.newSecret = options.newSecret ?? (() => randomBytes(32));
  }

  get size(): number {
    return this.counted.size;
  }

  private keyUnder(secret: Buffer, client: string, slug: string): string {
    return createHmac('sha256', secret)
      .update(client)
      .update('\n')
      .update(slug)
      .digest()
      .subarray(0, 12)
      .toString('latin1');
  }

  private rotate(now: number): Buffer {
    const day = this.dayOf(now);
    if (day !== this.day || !this.secret) {
      this.previous = this.secret;
      this.secret = this.newSecret();
      this.day = day;
    }
    return this.secret;
  }

  private sweep(now: number): void {
    for (const [key, at] of this.counted) {
      if (now - at < this.windowMs && this.counted.size <= this.maxEntries) break;
      this.counted.delete(key);
    }
  }

  /**
   * Whether this read repeats one counted for the same client and story within the window; when it
   * does not, it is remembered as counted. `client` is the address and User-Agent, joined.
   */
  isRepeat(client: string, slug: string, now: number): boolean {
    const secret = this.rotate(now);
    this.sweep(now);
    const key = this.keyUnder(secret, client, slug);
    const at = this.counted.get(key) ?? (this.previous && this.counted.get(this.keyUnder(this.previous, client, slug)));
    if (typeof at === 'number' && now - at < this.windowMs) return true;
    // Deleted first so that the Map's order stays the order of counting (sweep() relies on it).
    this.counted.delete(key);
    this.counted.set(key, now);
    if (this.counted.size > this.maxEntries) this.sweep(now);
    return false;
  }
}
