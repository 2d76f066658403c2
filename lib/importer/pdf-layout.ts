// Text pieces of a PDF page (as pdfjs gives them: string, position, size) → lines of text in reading
// order. Pieces on one baseline that touch make a segment. Text columns are found from the left edges
// of long body-size segments; a segment in larger type (a headline) or one that crosses into the next
// column splits the page into bands, read top to bottom, each band column by column. Segments of one
// column on one baseline are table cells (joined by a tab). A paragraph ends where the next line is
// indented, set in another size, or further down than the line spacing.
import { STRONG_END } from './patterns';

export type Piece = { text: string; x: number; y: number; width: number; size: number };
type Segment = { text: string; cells: string[]; left: number; right: number; y: number; size: number };

const SAME_LINE = 0.35;
const TOUCHING = 1.2;

function segmentsOf(pieces: Piece[]): Segment[] {
  // Spaces are not trusted as pieces (Chromium puts one between table cells); a visible gap between touching pieces is a space.
  const sorted = [...pieces].filter((piece) => piece.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - piece.y) <= SAME_LINE * piece.size) line.push(piece);
    else lines.push([piece]);
  }
  const segments: Segment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    for (const piece of line) {
      if (current && piece.x - current.right <= TOUCHING * piece.size) {
        current.text += piece.x - current.right > 0.12 * piece.size ? ` ${piece.text}` : piece.text;
        current.right = Math.max(current.right, piece.x + piece.width);
        current.size = Math.max(current.size, piece.size);
      } else {
        current = {
          text: piece.text,
          cells: [],
          left: piece.x,
          right: piece.x + piece.width,
          y: line[0]!.y,
          size: piece.size,
        };
        segments.push(current);
      }
    }
  }
  return segments
    .map((segment) => ({ ...segment, text: segment.text.trim() }))
    .filter((segment) => segment.text !== '');
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Left edges of the text columns: where long body-size lines start (an indent of a few characters counts as the same column). */
function columnLefts(segments: Segment[], bodySize: number): number[] {
  const long = segments.filter(
    (segment) => Math.abs(segment.size - bodySize) < 0.5 && segment.right - segment.left >= 10 * bodySize,
  );
  const lefts = long.map((segment) => segment.left).sort((a, b) => a - b);
  const columns: number[] = [];
  for (const left of lefts) if (columns.length === 0 || left - columns.at(-1)! > 4 * bodySize) columns.push(left);
  return columns;
}

function columnOf(segment: Segment, columns: number[], bodySize: number): number {
  let index = 0;
  columns.forEach((left, position) => {
    if (segment.left >= left - 2 * bodySize) index = position;
  });
  return index;
}

function linesOfColumn(segments: Segment[]): Segment[] {
  const lines: Segment[] = [];
  for (const segment of [...segments].sort((a, b) => b.y - a.y || a.left - b.left)) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - segment.y) <= SAME_LINE * segment.size) {
      line.cells.push(segment.text);
      line.right = segment.right;
    } else lines.push({ ...segment, cells: [segment.text] });
  }
  return lines;
}

/** Lines of one column → blocks: each paragraph one block, consecutive table rows one block (cells split by tabs). */
function paragraphs(lines: Segment[], columnLeft: number, bodySize: number): string[] {
  const blocks: { table: boolean; text: string }[] = [];
  let previous: Segment | null = null;
  for (const line of lines) {
    const table = line.cells.length > 1;
    const last = blocks.at(-1);
    if (table) {
      if (last?.table) last.text += `\n${line.cells.join('\t')}`;
      else blocks.push({ table: true, text: line.cells.join('\t') });
    } else {
      const startsNew =
        !previous ||
        !last ||
        last.table ||
        Math.abs(line.size - previous.size) > 0.5 ||
        line.left - columnLeft > 1.2 * bodySize ||
        previous.y - line.y > 1.9 * line.size;
      if (startsNew) blocks.push({ table: false, text: line.cells[0]! });
      else last.text += line.cells[0]!;
    }
    previous = line;
  }
  return blocks.map((block) => block.text);
}

export function readingOrder(pieces: Piece[]): string {
  const segments = segmentsOf(pieces);
  if (!segments.length) return '';
  const bodySize = mostCommon(segments.map((segment) => segment.size));
  const columns = columnLefts(segments, bodySize);
  // Bands: split at headlines (larger type) and at segments that cross into the next column.
  const splitter = (segment: Segment) =>
    segment.size > bodySize * 1.3 ||
    (columns.length > 1 &&
      columns.some((left, index) => index > 0 && segment.left < left - bodySize && segment.right > left + bodySize));
  const bands: { splitter: Segment | null; segments: Segment[] }[] = [{ splitter: null, segments: [] }];
  for (const segment of [...segments].sort((a, b) => b.y - a.y || a.left - b.left)) {
    if (splitter(segment)) {
      const last = bands.at(-1)!;
      // A headline set in two lines of large type is one splitter.
      if (
        last.splitter &&
        last.segments.length === 0 &&
        Math.abs(last.splitter.size - segment.size) < 0.5 &&
        last.splitter.y - segment.y < 2 * segment.size
      ) {
        last.splitter = { ...last.splitter, text: `${last.splitter.text}${segment.text}`, y: segment.y };
      } else bands.push({ splitter: segment, segments: [] });
    } else bands.at(-1)!.segments.push(segment);
  }
  const blocks: string[] = [];
  for (const band of bands) {
    if (band.splitter) blocks.push(band.splitter.text);
    const bandColumns = columnLefts(band.segments, bodySize);
    const lefts = bandColumns.length ? bandColumns : [Math.min(...band.segments.map((segment) => segment.left))];
    lefts.forEach((left, index) => {
      const lines = linesOfColumn(band.segments.filter((segment) => columnOf(segment, lefts, bodySize) === index));
      const [first, ...rest] = paragraphs(lines, left, bodySize);
      if (first === undefined) return;
      // A paragraph cut at the foot of a column goes on at the head of the next, not indented.
      const previous = blocks.at(-1);
      const goesOn =
        index > 0 &&
        previous !== undefined &&
        !previous.includes('\t') &&
        !STRONG_END.test(previous) &&
        lines[0]!.cells.length === 1 &&
        lines[0]!.left - left <= 1.2 * bodySize;
      if (goesOn) blocks[blocks.length - 1] = previous + first;
      else blocks.push(first);
      blocks.push(...rest);
    });
  }
  return blocks.join('\n\n');
}
