// What a benchmark's co-editing client was told about each keystroke, by a rule that never claims too
// much. A keystroke is *received* once the server's state vector (its SyncStep1, which it sends in
// answer to ours) covers it. It is *acknowledged* (told saved) by the second 'saved' message after
// that: the co-editing server writes a story's document one store at a time, and tells everyone in
// the story 'saved' at the end of each; the first 'saved' after the keystroke was received may end a
// store that began before it arrived, the second ends a store that began after the first ended, so
// after the keystroke was received. When the socket drops, what was received but not yet
// acknowledged must be received again (a restarted process has only what it stored).

export type LedgerEntry<K> = { key: K; clock: number };

export class SaveLedger<K> {
  private pending: LedgerEntry<K>[] = [];
  private received: (LedgerEntry<K> & { mark: number })[] = [];
  private savedMessages = 0;
  private acknowledgedCount = 0;
  private typedCount = 0;

  /** A keystroke whose change ends at `clock` (the document's own clock for this client after it). */
  typed(key: K, clock: number): void {
    this.pending.push({ key, clock });
    this.typedCount += 1;
  }

  /** The server's state vector holds this client's changes up to `clock` (exclusive, as Yjs counts). */
  serverHas(clock: number): void {
    const still: LedgerEntry<K>[] = [];
    for (const entry of this.pending) {
      if (entry.clock <= clock) this.received.push({ ...entry, mark: this.savedMessages });
      else still.push(entry);
    }
    this.pending = still;
  }

  /** A 'saved' message arrived; returns the keystrokes it acknowledges. */
  saved(): K[] {
    this.savedMessages += 1;
    const acknowledged: K[] = [];
    const still: (LedgerEntry<K> & { mark: number })[] = [];
    for (const entry of this.received) {
      if (this.savedMessages >= entry.mark + 2) acknowledged.push(entry.key);
      else still.push(entry);
    }
    this.received = still;
    this.acknowledgedCount += acknowledged.length;
    return acknowledged;
  }

  /** The socket closed: what the server had but had not yet been told saved must reach it again. */
  lostConnection(): void {
    this.pending = [...this.received.map(({ key, clock }) => ({ key, clock })), ...this.pending].sort(
      (a, b) => a.clock - b.clock,
    );
    this.received = [];
  }

  get counts(): { typed: number; acknowledged: number; unacknowledged: number } {
    return {
      typed: this.typedCount,
      acknowledged: this.acknowledgedCount,
      unacknowledged: this.pending.length + this.received.length,
    };
  }
}
