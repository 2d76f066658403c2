// The print export as blocks: runs of non-blank lines separated by blank lines, with line numbers
// for the report. Line endings, BOM, non-breaking and ideographic spaces at the ends are normalised.
export type Line = { text: string; number: number };
export type Block = { lines: Line[] };

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  lines.forEach((raw, index) => {
    // Keep tabs (table cells); trim other white space at the ends.
    const line = raw.replace(/[ \u00a0\u3000]+$/u, '').replace(/^[ \u00a0\u3000]+/u, '');
    if (line.replace(/\t/g, '').trim() === '' && !line.includes('\t')) {
      if (current.length) blocks.push({ lines: current });
      current = [];
      return;
    }
    current.push({ text: line, number: index + 1 });
  });
  if (current.length) blocks.push({ lines: current });
  return blocks;
}

export function blockText(block: Block, separator = '\n'): string {
  return block.lines.map((line) => line.text).join(separator);
}
