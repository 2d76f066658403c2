// Each person editing has a colour for their caret, selection and name tag, the same in every
// browser and every session, chosen from a fixed palette legible on the page's background. What
// other browsers announce is never used as CSS: only an index into this palette.
export const CARET_PALETTE = [
  '#b91c1c',
  '#1d4ed8',
  '#047857',
  '#7c3aed',
  '#c2410c',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
] as const;

/** A stable palette index for a person (FNV-1a of their id). */
export function caretColorIndex(userId: string): number {
  let hash = 0x811c9dc5;
  for (const char of userId) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % CARET_PALETTE.length;
}

/** The colour for an index announced by another browser, or the first colour for anything else. */
export function caretColor(index: unknown): string {
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < CARET_PALETTE.length
    ? CARET_PALETTE[index]!
    : CARET_PALETTE[0];
}

/** A name announced by another browser, as a caret label: one line, bounded. */
export function caretLabel(name: unknown): string {
  const text =
    typeof name === 'string' ? name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim() : '';
  return text ? Array.from(text).slice(0, 20).join('') : '同事';
}
