import { describe, expect, it } from 'vitest';

import { CARET_PALETTE, caretColor, caretColorIndex, caretLabel } from './colors';

describe('caret colours and labels', () => {
  it('gives a person the same colour every time, and spreads people over the palette', () => {
    expect(caretColorIndex('clx0abc123def456ghi789jkl')).toBe(caretColorIndex('clx0abc123def456ghi789jkl'));
    const used = new Set(Array.from({ length: 200 }, (_, index) => caretColorIndex(`user-${index}`)));
    expect(used.size).toBe(CARET_PALETTE.length);
  });

  it('never turns what another browser announced into CSS', () => {
    expect(caretColor(2)).toBe(CARET_PALETTE[2]);
    for (const forged of ['red; background:url(//evil)', -1, 8, 1.5, null, undefined, '3'])
      expect(caretColor(forged)).toBe(CARET_PALETTE[0]);
  });

  it('keeps a label to one short line without direction overrides', () => {
    expect(caretLabel('黄淑妍')).toBe('黄淑妍');
    expect(caretLabel('\u202e妍淑黄\n')).toBe('妍淑黄');
    expect(caretLabel('长'.repeat(50))).toHaveLength(20);
    expect(caretLabel(42)).toBe('同事');
    expect(caretLabel('  ')).toBe('同事');
  });
});
