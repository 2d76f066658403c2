// Text pieces of a PDF page (as pdfjs gives them: string, position, size) → segments: pieces on one
// baseline that touch (a visible gap between them is a space), never across a gutter.
// page-analysis.ts builds the page's blocks and reading order from them.
// Touching alone (pdfminer's char_margin) joins columns whose gutter is narrower than the type
// beside it: a 20 pt headline 12 pt from the body text of the next column, or 9.5 pt text with a
// 12 pt gutter whose lines stop a character short. So a gap between two pieces of a baseline is a
// gutter, and parts them, when a ruling line runs through it, or when it is the mouth of a stripe of
// whitespace running up or down the page past lines that have text on both sides of it (the way
// whitespace-cover analysers find column separators, Breuel 2002), found from the whole page's
// lines, not the one line.
import { NORMAL_WEIGHT } from './font-weight';
import { isVertical, type Rule } from './page-graphics';

/** `weight`: the font's (font-weight.ts, CSS scale); a piece without one is regular. */
export type Piece = { text: string; x: number; y: number; width: number; size: number; weight?: number };
/** `weight`: the one most of its characters are set in. */
export type Segment = {
  text: string;
  cells: string[];
  left: number;
  right: number;
  y: number;
  size: number;
  weight: number;
};

const SAME_LINE = 0.35;
const TOUCHING = 1.2;
/** A gap narrower than this (× the smaller type beside it) is never a gutter: word spaces, autospace. */
const GUTTER_MOUTH = 0.5;
/** A stripe stays a stripe while this much (× body size) of it is free of text. */
const STRIPE_WIDTH = 0.3;
/** Lines with text beside a stripe, on each side, besides the gap's own, that make it a gutter. */
const STRIPE_LINES = 2;
/** Text this far (× body size) from a stripe counts as beside it. */
const BESIDE = 4;

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

/**
 * Where a text's ink starts and ends: a CJK closing mark (，。、”）…) fills only the left half of its
 * em box and an opening one (“（《) the right half, and layout systems hang them past the column's
 * edge (行末标点悬挂: LibreOffice's lines ending in 、 reach 5 pt into a 14 pt gutter), so the box
 * pdf.js reports overstates the text by half a character there.
 */
export function inkSpan(text: string, left: number, right: number, size: number): { left: number; right: number } {
  const trimmed = text.trim();
  return {
    left: /^[“‘（《〈【「『〔]/u.test(trimmed) ? left + 0.5 * size : left,
    right: /[，。、；：！？”’）》〉】」』〕]$/u.test(trimmed) ? right - 0.5 * size : right,
  };
}

/** The size most characters are set in (pieces, segments or units alike). */
export function bodySizeOf(units: readonly { text: string; size: number }[]): number {
  const sizes = new Map<number, number>();
  for (const unit of units) countCharacters(sizes, Math.round(unit.size * 2) / 2, unit.text);
  return mostCounted(sizes, 10);
}

/** Adds `text`'s characters to what is counted under `key` (a size, a weight). */
export function countCharacters<K>(counts: Map<K, number>, key: K, text: string): void {
  counts.set(key, (counts.get(key) ?? 0) + [...text].length);
}

/** The key most characters were counted under (the first counted of equals); `fallback` when none were. */
export function mostCounted<K>(counts: ReadonlyMap<K, number>, fallback: K): K {
  let most: [K, number] | null = null;
  for (const entry of counts) if (!most || entry[1] > most[1]) most = entry;
  return most ? most[0] : fallback;
}

type Span = { left: number; right: number };

/**
 * Follows the whitespace between `gap.left` and `gap.right` from line `at` through the lines above and
 * below (each narrows it to its widest free part) and says whether it is a gutter: text beside it,
 * left and right, on STRIPE_LINES lines each besides the gap's own. Beside, not on the same line:
 * columns set in frames of their own (LibreOffice) keep baselines of their own.
 */
function isStripe(lines: readonly Piece[][], at: number, gap: Span, body: number): boolean {
  let left = 0;
  let right = 0;
  for (const step of [-1, 1]) {
    let free: Span = gap;
    let previousY = lines[at]![0]!.y;
    for (let index = at + step; index >= 0 && index < lines.length; index += step) {
      const line = lines[index]!;
      // A stripe ends where the text it runs between ends (a blank band is no evidence).
      if (Math.abs(line[0]!.y - previousY) > 3 * body) break;
      previousY = line[0]!.y;
      const inks = line.map((piece) => inkSpan(piece.text, piece.x, piece.x + piece.width, piece.size));
      const inside = inks.filter((ink) => ink.left < free.right && ink.right > free.left);
      const parts: Span[] = [];
      let from = free.left;
      for (const ink of inside.sort((a, b) => a.left - b.left)) {
        if (ink.left > from) parts.push({ left: from, right: ink.left });
        from = Math.max(from, ink.right);
      }
      if (from < free.right) parts.push({ left: from, right: free.right });
      const widest = parts.sort((a, b) => b.right - b.left - (a.right - a.left))[0];
      if (!widest || widest.right - widest.left < STRIPE_WIDTH * body) break;
      free = widest;
      const near = (ink: Span) => ink.right > free.left - BESIDE * body && ink.left < free.right + BESIDE * body;
      if (inks.some((ink) => ink.right <= free.left && near(ink))) left += 1;
      if (inks.some((ink) => ink.left >= free.right && near(ink))) right += 1;
      if (left >= STRIPE_LINES && right >= STRIPE_LINES) return true;
    }
  }
  return false;
}

/** A vertical rule between the two pieces, across the baseline's type. */
function ruled(rules: readonly Rule[], before: Span, piece: Piece): boolean {
  return rules.some(
    (rule) =>
      isVertical(rule) &&
      rule.x0 >= before.right - 0.2 * piece.size &&
      rule.x1 <= piece.x + 0.2 * piece.size &&
      rule.y0 <= piece.y + 0.4 * piece.size &&
      rule.y1 >= piece.y + 0.4 * piece.size,
  );
}

/** A CJK character: Han, or full-width punctuation (，。“” and the like). */
const CJK = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201c\u201d\u2018\u2019\u2014\u2026]`;
/** Three or more CJK characters each followed by one space: a letter-spaced run. */
const TRACKED = new RegExp(String.raw`(?:${CJK} ){2,}${CJK}`, 'gu');

/**
 * The space a justified line spreads between its characters (Chromium and LibreOffice distribute a
 * narrow column's slack over every CJK character, and pdf.js writes the gaps as spaces: "去 年 以 来 ，
 * 全 区") is not text. A run of three or more single characters each a space apart is tracking; a
 * space between words ("记者 徐敏", "通讯员 周杰 记者 严嘉慧") is kept.
 */
export function closeTracking(text: string): string {
  return text.replace(TRACKED, (run) => run.replaceAll(' ', ''));
}

/** Spaces narrower than this (× type size) on average inside one piece are tracking, not word spaces. */
const NARROW_SPACE = 0.2;
const BETWEEN_CJK = new RegExp(String.raw`(?<=${CJK}) (?=${CJK})`, 'gu');

/** Two Han characters side by side: a word, which tracking (a space after every character) never leaves. */
const HAN_PAIR = /\p{Script=Han}\p{Script=Han}/u;

/**
 * The same tracking inside one piece too short for a run ("第 三"): every character stands alone and
 * its spaces, measured from the piece's width less its characters' (CJK a full em, the rest half),
 * average under NARROW_SPACE. Words of two or more characters ("（通讯员 周杰 摄）", "记者 王芳") are not
 * tracking, however narrow the face sets its space.
 */
function closePieceTracking(piece: Piece): string {
  const spaces = (piece.text.match(BETWEEN_CJK) ?? []).length;
  if (!spaces || HAN_PAIR.test(piece.text)) return piece.text;
  const chars = [...piece.text.replaceAll(' ', '')];
  const full = new RegExp(`^${CJK}$`, 'u');
  const natural = chars.reduce((sum, char) => sum + (full.test(char) ? 1 : 0.5), 0) * piece.size;
  const slack = (piece.width - natural) / [...piece.text.matchAll(/ /gu)].length;
  return slack < NARROW_SPACE * piece.size ? piece.text.replace(BETWEEN_CJK, '') : piece.text;
}

export function segmentsOf(pieces: Piece[], rules: readonly Rule[] = []): Segment[] {
  // Spaces are not trusted as pieces (Chromium puts one between table cells); a visible gap between touching pieces is a space.
  const sorted = pieces
    .filter((piece) => piece.text.trim() !== '')
    .map((piece) => ({ ...piece, text: closePieceTracking(piece) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - piece.y) <= SAME_LINE * piece.size) line.push(piece);
    else lines.push([piece]);
  }
  const body = bodySizeOf(sorted);
  const gutter = (at: number, before: Segment, piece: Piece) => {
    const mouth = {
      left: inkSpan(before.text, before.left, before.right, before.size).right,
      right: inkSpan(piece.text, piece.x, piece.x + piece.width, piece.size).left,
    };
    if (mouth.right - mouth.left < GUTTER_MOUTH * Math.min(piece.size, before.size)) return false;
    return ruled(rules, before, piece) || isStripe(lines, at, mouth, body);
  };
  const segments: (Segment & { weights: Map<number, number> })[] = [];
  const count = (weights: Map<number, number>, piece: Piece) =>
    countCharacters(weights, piece.weight ?? NORMAL_WEIGHT, piece.text);
  for (const [at, line] of lines.entries()) {
    line.sort((a, b) => a.x - b.x);
    let current: (typeof segments)[number] | null = null;
    for (const piece of line) {
      if (current && piece.x - current.right <= TOUCHING * piece.size && !gutter(at, current, piece)) {
        current.text += spaced(current.text, piece, piece.x - current.right) ? ` ${piece.text}` : piece.text;
        current.right = Math.max(current.right, piece.x + piece.width);
        current.size = Math.max(current.size, piece.size);
        count(current.weights, piece);
      } else {
        current = {
          text: piece.text,
          cells: [],
          left: piece.x,
          right: piece.x + piece.width,
          y: line[0]!.y,
          size: piece.size,
          weight: NORMAL_WEIGHT,
          weights: new Map(),
        };
        count(current.weights, piece);
        segments.push(current);
      }
    }
  }
  return segments
    .map(({ weights, ...segment }) => ({
      ...segment,
      text: closeAutospace(closeTracking(segment.text.trim())),
      weight: mostCounted(weights, NORMAL_WEIGHT),
    }))
    .filter((segment) => segment.text !== '');
}
