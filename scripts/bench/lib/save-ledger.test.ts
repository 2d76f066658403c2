// The benchmarks' rule for "told saved" over co-editing (bench:soak, bench:crash): never earlier than
// a store that began after the server had the keystroke.
import { describe, expect, it } from 'vitest';

import { SaveLedger } from './save-ledger';

describe('SaveLedger', () => {
  it('acknowledges nothing the server has not received, whatever it says', () => {
    const ledger = new SaveLedger<string>();
    ledger.typed('a', 1);
    expect(ledger.saved()).toEqual([]);
    expect(ledger.saved()).toEqual([]);
    expect(ledger.counts).toEqual({ typed: 1, acknowledged: 0, unacknowledged: 1 });
  });

  it('acknowledges a received keystroke at the second saved message after it was received, not the first', () => {
    const ledger = new SaveLedger<string>();
    ledger.typed('a', 1);
    ledger.typed('b', 2);
    ledger.serverHas(1);
    // The store that ends first may have begun before 'a' arrived.
    expect(ledger.saved()).toEqual([]);
    ledger.serverHas(2);
    expect(ledger.saved()).toEqual(['a']);
    expect(ledger.saved()).toEqual(['b']);
    expect(ledger.counts).toEqual({ typed: 2, acknowledged: 2, unacknowledged: 0 });
  });

  it('asks a restarted server to receive again what it had not yet stored', () => {
    const ledger = new SaveLedger<string>();
    ledger.typed('a', 1);
    ledger.typed('b', 2);
    ledger.serverHas(2);
    ledger.saved();
    ledger.lostConnection();
    // Saved messages from the new process count only once it has the keystrokes again.
    expect(ledger.saved()).toEqual([]);
    expect(ledger.saved()).toEqual([]);
    ledger.serverHas(2);
    expect(ledger.saved()).toEqual([]);
    expect(ledger.saved()).toEqual(['a', 'b']);
  });

  it('keeps what was acknowledged before the connection dropped', () => {
    const ledger = new SaveLedger<string>();
    ledger.typed('a', 1);
    ledger.serverHas(1);
    ledger.saved();
    expect(ledger.saved()).toEqual(['a']);
    ledger.lostConnection();
    expect(ledger.counts).toEqual({ typed: 1, acknowledged: 1, unacknowledged: 0 });
  });
});
