// Text pieces of a PDF page (as pdfjs gives them: string, position, size) → segments: pieces on one
// baseline that touch (a visible gap between them is a space). page-analysis.ts builds the page's
// blocks and reading order from them.
export type Piece = { text: string; x: number; y: number; width: number; size: number };
export type Segment = {
  text: string;
  cells: string[];
  left: number;
  right: number;
  y: number;
  size: number;
};

const SAME_LINE = 0.35;
const TOUCHING = 1.2;

/**
 * A visible gap between touching pieces is a space, except the quarter-em LibreOffice and InDesign
 * put between Han characters and digits or Latin letters (工坊 56 家 is 工坊56家).
 */
function spaced(before: string, piece: Piece, gap: number): boolean {
  if (gap <= 0.12 * piece.size) return false;
  const hanLatin = /\p{Script=Han}$/u.test(before) !== /^\p{Script=Han}/u.test(piece.text);
  const digitOrLatin = /[A-Za-z0-9]$/u.test(before) || /^[A-Za-z0-9]/u.test(piece.text);
  return !(hanLatin && digitOrLatin && gap < 0.5 * piece.size);
}

/** The same quarter-em written as a space inside one piece (LibreOffice's text layer: 工坊 56 家). */
function closeAutospace(text: string): string {
  return text.replace(/(?<=\p{Script=Han}) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=\p{Script=Han})/gu, '');
}

export function segmentsOf(pieces: Piece[]): Segment[] {
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
        current.text += spaced(current.text, piece, piece.x - current.right) ? ` ${piece.text}` : piece.text;
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
    .map((segment) => ({ ...segment, text: closeAutospace(segment.text.trim()) }))
    .filter((segment) => segment.text !== '');
}
