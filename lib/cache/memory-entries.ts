// This instance's cached reader data: entries kept in memory, least recently used dropped first
// once their rough size passes a budget. Each instance has its own; what keeps them right across
// instances is the tag check in reader-cache-handler.ts, not this store.

export type Entry<V> = { value: V; lastModified: number; tags: readonly string[]; size: number };

export class MemoryEntries<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Entry<V>): void {
    this.delete(key);
    if (entry.size > this.budgetBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }
}
