// A readable diff between two versions of a story, paragraph by paragraph (LCS), then word by word
// inside changed paragraphs would be the next step; paragraphs are what editors compare in print.
export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

export function diffParagraphs(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // LCS table; stories have at most a few hundred paragraphs.
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      lines.push({ op: 'del', text: a[i]! });
      i += 1;
    } else {
      lines.push({ op: 'add', text: b[j]! });
      j += 1;
    }
  }
  while (i < a.length) lines.push({ op: 'del', text: a[i++]! });
  while (j < b.length) lines.push({ op: 'add', text: b[j++]! });
  return lines.filter((line) => line.text !== '' || line.op === 'same');
}
