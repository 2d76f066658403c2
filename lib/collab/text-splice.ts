// A form field bound to shared text: when the person's input changes the value, only the part that
// changed is sent, so two people typing in one headline keep each other's characters. The change is
// found by the longest common start and end (what an input event changes is one contiguous stretch).
export type Splice = { index: number; remove: number; insert: string };

export function spliceBetween(before: string, after: string): Splice | null {
  if (before === after) return null;
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  // Yjs indexes text in UTF-16 code units; the comparison above works in code points so a surrogate
  // pair (an emoji, a rare CJK extension character) is never split.
  const index = a.slice(0, start).join('').length;
  const removed = a.slice(start, a.length - end).join('');
  return { index, remove: removed.length, insert: b.slice(start, b.length - end).join('') };
}

/** One Yjs text delta step, as a Y.Text event describes another person's change. */
export type DeltaStep = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where a caret at `position` (UTF-16 index) moves when someone else's change `delta` is applied:
 * text inserted before it pushes it on, text deleted before it pulls it back, so the person keeps
 * typing where they were.
 */
export function shiftCaret(position: number, delta: readonly DeltaStep[]): number {
  let index = 0;
  let caret = position;
  for (const step of delta) {
    if (step.retain) index += step.retain;
    else if (typeof step.insert === 'string') {
      if (index < caret) caret += step.insert.length;
      index += step.insert.length;
    } else if (step.delete) {
      if (index < caret) caret -= Math.min(step.delete, caret - index);
    }
  }
  return caret;
}
