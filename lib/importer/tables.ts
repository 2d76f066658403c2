// Tab-separated lines → a table. Trailing rows that are really contact lines ("来信地址：… 邮编：…",
// mostly empty cells) become a paragraph after the table.
import type { Line } from './blocks';
import { charLength, CONTACT_LINE } from './patterns';

export type ParsedTable = { rows: string[][]; headerRow: boolean; after: string[] };

export function isTableBlock(lines: Line[]): boolean {
  return lines.filter((line) => line.text.includes('\t')).length >= Math.max(1, Math.ceil(lines.length / 2));
}

export function readTable(lines: Line[]): ParsedTable {
  const split = lines.map((line) => line.text.split('\t').map((cell) => cell.trim()));
  const width = Math.max(...split.map((cells) => cells.length));
  const rows: string[][] = [];
  const after: string[] = [];
  for (const cells of split) {
    const filled = cells.filter(Boolean);
    const contact =
      CONTACT_LINE.test(cells[0] ?? '') ||
      (filled.length > 0 && filled.length <= width / 2 && rows.length > 1 && filled.length < cells.length);
    if (rows.length > 0 && contact && filled.length < width) {
      after.push(filled.join(' '));
      continue;
    }
    rows.push(Array.from({ length: width }, (_, index) => cells[index] ?? ''));
  }
  const header = rows[0] ?? [];
  // A header row holds short labels (no digits, no sentences).
  const headerRow = rows.length > 1 && header.every((cell) => charLength(cell) <= 10 && !/\d|[。，,]/u.test(cell));
  return { rows, headerRow, after };
}
