// Where each story sits on a printed page, from the PDF's text layer (pure). The rule:
// 1. Text pieces on one baseline that touch make a line (pdfjs splits a line wherever the font
//    changes, e.g. around a Kangxi radical).
// 2. Text is compared folded: radicals to characters (⽇ → 日), NFKC, no spaces or punctuation.
// 3. A line belongs to a story when its text (at least MIN_LINE_CHARS characters) occurs in exactly
//    one story's headline + body. A short or shared line directly under a line of a story, in the
//    same column, belongs to that story when its text occurs in that story (a paragraph's last line).
// 4. A story is found when its lines hold at least min(MIN_FOUND_CHARS, its length) characters; its
//    lines are grouped by column (overlapping horizontally, no large vertical gap) and each group's bounding box,
//    padded a little, is one rectangle.
import { analysePage } from '../page-layout/page-analysis';
import type { Rule } from '../page-layout/page-graphics';
import { foldRadicals } from '../text/pdf';
import { clampRect, inReadingOrder, type ArticleArea, type Rect } from './areas';

/** A piece of text as pdfjs gives it, in PDF points, origin bottom left (y is the baseline). */
export type TextPiece = { text: string; x: number; y: number; width: number; size: number };
export type PageBox = { width: number; height: number };
export type PlacedArticle = { articleId: string; headline: string; body: string };
export type AreaMatch = { areas: ArticleArea[]; unmatched: string[] };

export const MIN_LINE_CHARS = 4;
export const MIN_FOUND_CHARS = 12;

type Line = { text: string; left: number; right: number; y: number; size: number; owner: string | null };

export function foldForMatching(text: string): string {
  return foldRadicals(text)
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function linesOf(pieces: readonly TextPiece[]): Line[] {
  const sorted = pieces
    .filter((piece) => piece.text.trim() !== '' && piece.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const piece of sorted) {
    const line = lines.findLast(
      (candidate) =>
        Math.abs(candidate.y - piece.y) <= 0.35 * piece.size &&
        piece.x >= candidate.left - 0.5 &&
        piece.x - candidate.right <= 0.6 * piece.size,
    );
    if (line) {
      line.text += piece.text;
      line.right = Math.max(line.right, piece.x + piece.width);
      line.size = Math.max(line.size, piece.size);
    } else {
      lines.push({
        text: piece.text,
        left: piece.x,
        right: piece.x + piece.width,
        y: piece.y,
        size: piece.size,
        owner: null,
      });
    }
  }
  return lines.map((line) => ({ ...line, text: foldForMatching(line.text) })).filter((line) => line.text !== '');
}

/** The line just above `line` in the same column, if it is close enough to be the same paragraph. */
function lineAbove(lines: readonly Line[], line: Line): Line | undefined {
  return lines
    .filter(
      (other) =>
        other !== line &&
        other.y > line.y &&
        other.y - line.y <= 2.2 * Math.max(other.size, line.size) &&
        sameColumn(other, line),
    )
    .sort((a, b) => a.y - b.y)[0];
}

/** Two lines share a column when they overlap horizontally by most of the narrower one (an indented first line included). */
function sameColumn(a: Line, b: Line): boolean {
  const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  return overlap >= 0.5 * Math.min(a.right - a.left, b.right - b.left);
}

function rectsOf(lines: readonly Line[], page: PageBox): Rect[] {
  const groups: Line[][] = [];
  for (const line of [...lines].sort((a, b) => a.left - b.left || b.y - a.y)) {
    const group = groups.find((candidate) =>
      candidate.some(
        (other) => sameColumn(other, line) && Math.abs(other.y - line.y) <= 3 * Math.max(other.size, line.size),
      ),
    );
    if (group) group.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const pad = Math.max(...group.map((line) => line.size)) * 0.3;
    const left = Math.min(...group.map((line) => line.left)) - pad;
    const right = Math.max(...group.map((line) => line.right)) + pad;
    const top = Math.max(...group.map((line) => line.y + line.size)) + pad;
    const bottom = Math.min(...group.map((line) => line.y - line.size * 0.25)) - pad;
    return clampRect({
      x: left / page.width,
      y: 1 - top / page.height,
      w: (right - left) / page.width,
      h: (top - bottom) / page.height,
    });
  });
}

/**
 * The import's page analysis (columns, column chains, paragraphs) run on the page: a paragraph whose
 * text occurs in exactly one story gives that story every line inside its boxes, a line at the head
 * of a column included (nothing above it in its column tells whose it is).
 */
function ownByParagraphs(
  pieces: readonly TextPiece[],
  rules: readonly Rule[],
  lines: readonly Line[],
  stories: readonly PlacedArticle[],
  texts: ReadonlyMap<string, string>,
): void {
  const { paragraphs } = analysePage(
    pieces.map((piece) => ({ ...piece, text: foldRadicals(piece.text) })),
    rules,
  );
  for (const paragraph of paragraphs) {
    const text = foldForMatching(paragraph.text);
    if (text.length < MIN_LINE_CHARS) continue;
    const owners = stories.filter((story) => texts.get(story.articleId)!.includes(text));
    if (owners.length !== 1) continue;
    for (const line of lines) {
      const x = (line.left + line.right) / 2;
      const y = line.y + 0.38 * line.size;
      if (!line.owner && paragraph.boxes.some((box) => x > box.left && x < box.right && y > box.bottom && y < box.top))
        line.owner = owners[0]!.articleId;
    }
  }
}

/** `rules`: the page's ruling lines (importer/page-graphics.ts), which part columns for the analysis. */
export function matchAreas(
  pieces: readonly TextPiece[],
  page: PageBox,
  stories: readonly PlacedArticle[],
  rules: readonly Rule[] = [],
): AreaMatch {
  const texts = new Map(stories.map((story) => [story.articleId, foldForMatching(`${story.headline}\n${story.body}`)]));
  const lines = linesOf(pieces);
  ownByParagraphs(pieces, rules, lines, stories, texts);
  for (const line of lines) {
    if (line.owner || line.text.length < MIN_LINE_CHARS) continue;
    const owners = stories.filter((story) => texts.get(story.articleId)!.includes(line.text));
    if (owners.length === 1) line.owner = owners[0]!.articleId;
  }
  // Top to bottom, so a run of short lines follows the first long line above it.
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    if (line.owner) continue;
    const above = lineAbove(lines, line);
    if (above?.owner && texts.get(above.owner)!.includes(line.text)) line.owner = above.owner;
  }
  const areas: ArticleArea[] = [];
  const unmatched: string[] = [];
  for (const story of stories) {
    const own = lines.filter((line) => line.owner === story.articleId);
    const found = own.reduce((sum, line) => sum + line.text.length, 0);
    const needed = Math.min(MIN_FOUND_CHARS, texts.get(story.articleId)!.length);
    if (own.length === 0 || found < needed) unmatched.push(story.articleId);
    else areas.push({ articleId: story.articleId, rects: rectsOf(own, page) });
  }
  return { areas: inReadingOrder(areas), unmatched };
}
