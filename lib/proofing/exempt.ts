// 引语 ranges (lib/content/quotation-mark.ts): where in a block's text the person marked a quotation,
// and whether a hit lies inside one. A hit wholly inside is skipped; a hit that runs over the edge of a
// quotation is the reporter's own words too, so it stays. Pure, shared by the server and the editor.
export type TextRange = readonly [start: number, end: number];

/** Touching or overlapping ranges joined (a quotation split by bold is still one quotation). */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The `exempt` test ProofingLists.check takes: is [start, end) inside one of the ranges? */
export function insideRanges(ranges: readonly TextRange[]): (start: number, end: number) => boolean {
  const merged = mergeRanges(ranges);
  if (!merged.length) return () => false;
  return (start, end) => merged.some(([from, to]) => from <= start && end <= to);
}
