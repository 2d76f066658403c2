// One PDF page's text pieces (pdf.js: string, position, size) → its text in reading order, with the
// role of each title line found from type size. Pure. The method follows the layout analysers:
// 1. Lines, as pdfminer groups characters (LAParams char_margin / line_overlap): pieces on one
//    baseline that touch make a unit (pdf-segments.ts); cells of a table row stay units.
// 2. A vertical run of single characters in large type (a section banner set 竖排) is vertical
//    text: it is taken out of the flow and returned apart.
// 3. Blocks by recursive XY-cut (Nagy & Seth) on the units' boxes, with two rules a newspaper page
//    needs: a whitespace band across the whole region at least SEPARATION × body size high parts
//    stories first; then whitespace gutters running the whole height part columns, read left to
//    right (a story's column chain: the foot of one column goes on at the head of the next); when
//    neither exists (a headline spans the columns under it), the region is cut at the line gap that
//    leaves the most column gutters above and below, topmost first — the headline comes off its body.
// 4. Each block's lines → paragraphs (a new one where a line is indented, changes size or leaves a
//    gap), a title line in large type of its own, a headline wrapped over lines joined.
// 5. Title roles: in each run of title lines the largest type is the 主题, lines above it 引题,
//    lines below it 副题 (sizes relative to the page's body text, the size most characters are set in;
//    a short line at body size set bolder than the body is a title line too, or between two body
//    paragraphs a 小标题).
import { BOLDER, NORMAL_WEIGHT } from './font-weight';
import { joinLines } from './line-join';
import { EDITORS_NOTE, SIDEBAR_LABEL, STRONG_END } from './marks';
import { isHorizontal, ruledFrames, ruledTables, type Box, type Rule } from './page-graphics';
import {
  bodySizeOf,
  countCharacters,
  inkSpan,
  mostCounted,
  segmentsOf,
  type Piece,
  type Segment,
} from './pdf-segments';

/** 'subheading': a bold line at body size inside a story's text (a 小标题), never a headline. */
export type TitleRole = 'kicker' | 'headline' | 'subheadline' | 'subheading';
/** A paragraph of the page text (in the order `text` joins them) and the boxes of its lines, in page points. */
export type PlacedParagraph = { text: string; boxes: Box[] };
/**
 * A photo: which of the page's images (index into the images given), where, and the paragraph under
 * it that captions it (index into `paragraphs`), if any.
 */
export type PagePhoto = { image: number; box: Box; caption: number | null };
export type PageText = {
  text: string;
  titleRoles: Map<string, TitleRole>;
  vertical: string[];
  paragraphs: PlacedParagraph[];
  photos: PagePhoto[];
};

/** Whitespace across a region this many body sizes high separates stories (line gaps are ~0.5). */
export const SEPARATION = 1.2;
/** A gutter between columns is at least this many body sizes wide. */
const GUTTER = 0.8;
/** A horizontal rule across this share of a region's width parts it, whatever the whitespace. */
const RULED_BAND = 0.6;
/** Type this much larger than the body is a title. */
const TITLE = 1.15;

/** A bold line at body size longer than this is a bold run of text, not a title. */
const TITLE_CHARS = 30;

/**
 * `ink`: left and right where the text's ink is (hanging punctuation left out), for finding gutters;
 * `heavy`: a short line at body size set bolder than the body (font-weight.ts), a title where size
 * alone cannot tell (a 引题 or a boxed item's title in bold body type) or a 小标题 inside a story.
 */
type Unit = Segment & { top: number; bottom: number; ink: { left: number; right: number }; heavy: boolean };

/** The weight most characters of body size are set in. */
function bodyWeightOf(segments: readonly Segment[], body: number): number {
  const weights = new Map<number, number>();
  for (const segment of segments)
    if (Math.abs(segment.size - body) <= 0.5) countCharacters(weights, segment.weight, segment.text);
  return mostCounted(weights, NORMAL_WEIGHT);
}

function unitOf(segment: Segment, body: number, bodyWeight: number): Unit {
  // CJK faces: about 0.88 of the size above the baseline, 0.12 below.
  return {
    ...segment,
    top: segment.y + 0.88 * segment.size,
    bottom: segment.y - 0.12 * segment.size,
    ink: inkSpan(segment.text, segment.left, segment.right, segment.size),
    heavy:
      segment.size < TITLE * body &&
      segment.weight >= bodyWeight + BOLDER &&
      [...segment.text].length <= TITLE_CHARS &&
      !/[。；;]/u.test(segment.text),
  };
}

/** A title line: type clearly larger than the body's, or a short bold line at body size. */
const isTitle = (unit: Unit, body: number) => unit.size >= TITLE * body || unit.heavy;

/**
 * Vertical runs of lone large characters, one under another at the same x (竖排 banners). Taken
 * from the pieces, before lines are made: a banner's character shares a baseline with the title
 * beside it and would be joined to it.
 */
function takeVertical(pieces: Piece[]): { flow: Piece[]; vertical: string[] } {
  const body = bodySizeOf(pieces);
  // Alone on its baseline: a character of a wrapped title has neighbours left or right.
  const alone = (piece: Piece) =>
    !pieces.some(
      (other) =>
        other !== piece &&
        other.text.trim() !== '' &&
        Math.abs(other.y - piece.y) < 0.35 * piece.size &&
        other.x < piece.x + piece.width + 0.5 * piece.size &&
        other.x + other.width > piece.x - 0.5 * piece.size,
    );
  const lone = pieces
    .filter((piece) => [...piece.text.trim()].length === 1 && piece.size >= TITLE * body && alone(piece))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  const runs: Piece[][] = [];
  for (const piece of lone) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (last && Math.abs(last.x - piece.x) < 0.3 * piece.size && last.y - piece.y < 1.6 * piece.size) run!.push(piece);
    else runs.push([piece]);
  }
  const vertical = runs.filter((run) => run.length >= 2);
  const taken = new Set(vertical.flat());
  return {
    flow: pieces.filter((piece) => !taken.has(piece)),
    vertical: vertical.map((run) => run.map((piece) => piece.text.trim()).join('')),
  };
}

/** Whitespace bands free of any unit, top to bottom, as [upper edge, lower edge] with their height. */
function horizontalGaps(units: readonly Unit[]): { at: number; height: number }[] {
  const sorted = [...units].sort((a, b) => b.top - a.top);
  const gaps: { at: number; height: number }[] = [];
  let lowest = sorted[0]!.bottom;
  for (const unit of sorted.slice(1)) {
    if (unit.top < lowest) gaps.push({ at: (lowest + unit.top) / 2, height: lowest - unit.top });
    lowest = Math.min(lowest, unit.bottom);
  }
  return gaps;
}

/** Gutters: x positions no unit crosses, at least GUTTER × body wide, with long lines on both sides. */
function gutters(units: readonly Unit[], body: number, tables: readonly Box[]): number[] {
  const sorted = [...units].sort((a, b) => a.ink.left - b.ink.left);
  const cuts: number[] = [];
  let right = sorted[0]!.ink.right;
  for (const unit of sorted.slice(1)) {
    const at = (right + unit.ink.left) / 2;
    // A ruled table's columns are not the page's: no cut runs through one beside these units.
    const inTable = tables.some(
      (table) =>
        table.left < at &&
        at < table.right &&
        units.some((candidate) => candidate.top > table.bottom && candidate.bottom < table.top),
    );
    if (unit.ink.left - right >= GUTTER * body && !inTable) {
      // A table's cells leave gaps too: a column gutter has running text (two lines at least) on one
      // side; the other may hold only a paragraph's last few characters.
      const widths = (side: Unit[]) => side.map((candidate) => candidate.right - candidate.left).sort((a, b) => b - a);
      const sides = [
        widths(units.filter((candidate) => candidate.ink.right <= at)),
        widths(units.filter((candidate) => candidate.ink.left >= at)),
      ];
      const running = (side: number[]) => (side[1] ?? 0) >= 5 * body;
      const some = (side: number[]) => (side[0] ?? 0) >= 2 * body;
      if ((running(sides[0]!) && some(sides[1]!)) || (running(sides[1]!) && some(sides[0]!))) cuts.push(at);
    }
    right = Math.max(right, unit.ink.right);
  }
  return cuts;
}

function splitAtGutters(units: readonly Unit[], cuts: number[]): Unit[][] {
  const edges = [-Infinity, ...cuts, Infinity];
  return edges
    .slice(1)
    .map((edge, index) => units.filter((unit) => unit.ink.left >= edges[index]! && unit.ink.right <= edge))
    .filter((part) => part.length);
}

/**
 * A column's right edge where most of its body lines end, from all of its units (every story stacked
 * in it), or null when it holds fewer than three full-width body lines.
 */
function columnEdge(units: readonly Unit[], body: number): number | null {
  const left = Math.min(...units.map((unit) => unit.left));
  const width = Math.max(...units.map((unit) => unit.right)) - left;
  const rights = units
    .filter((unit) => Math.abs(unit.size - body) <= 0.5 && unit.right - unit.left >= 0.6 * width)
    .map((unit) => unit.right)
    .sort((a, b) => a - b);
  return rights.length >= 3 ? rights[Math.floor(rights.length / 2)]! : null;
}

/** A block of the page and the right edge of the column it was cut from (null: not known). */
type Block = { units: Unit[]; edge: number | null };

/**
 * A horizontal ruling line in the band, across most of the units' width: the rule a layout draws
 * between the masthead and the page, or between stories. Text never runs on across one.
 */
function ruledBand(units: readonly Unit[], gap: { at: number; height: number }, across: readonly Rule[]): boolean {
  const left = Math.min(...units.map((unit) => unit.left));
  const right = Math.max(...units.map((unit) => unit.right));
  return across.some(
    (rule) =>
      Math.abs(rule.y0 - gap.at) <= gap.height / 2 &&
      Math.min(rule.x1, right) - Math.max(rule.x0, left) >= RULED_BAND * (right - left),
  );
}

function xyCut(
  units: Unit[],
  body: number,
  tables: readonly Box[],
  across: readonly Rule[],
  edge: number | null = null,
): Block[] {
  if (units.length <= 1) return [{ units, edge }];
  const gaps = horizontalGaps(units);
  // A headline is followed by its own story, never by a break: a band right under a title does not part stories.
  const underTitle = (gap: { at: number }) => {
    const above = units.filter((unit) => unit.bottom >= gap.at);
    const nearest = above.reduce((low, unit) => (unit.bottom < low.bottom ? unit : low), above[0]!);
    return isTitle(nearest, body);
  };
  const separations = gaps.filter(
    (gap) => (gap.height >= SEPARATION * body && !underTitle(gap)) || ruledBand(units, gap, across),
  );
  if (separations.length) {
    const edges = [Infinity, ...separations.map((gap) => gap.at), -Infinity];
    return edges
      .slice(1)
      .map((edge, index) => units.filter((unit) => unit.top <= edges[index]! && unit.bottom >= edge))
      .filter((part) => part.length)
      .flatMap((part) => xyCut(part, body, tables, across, edge));
  }
  const cuts = gutters(units, body, tables);
  if (cuts.length)
    return splitAtGutters(units, cuts).flatMap((part) =>
      xyCut(part, body, tables, across, columnEdge(part, body) ?? edge),
    );
  // A title over columns comes off them whole, at the gap under its last line. Scored by gutters, a
  // cut under the columns' first lines could win: a headline ending short of the next column's
  // indented first line leaves a gutter beside it (11-pdfkit-front-sidebar read two columns' first
  // lines as one).
  const underTitles = gaps.findLast((gap) => units.every((unit) => unit.top <= gap.at || isTitle(unit, body)));
  if (underTitles) {
    const below = units.filter((unit) => unit.top <= underTitles.at);
    if (gutters(below, body, tables).length)
      return [
        ...xyCut(
          units.filter((unit) => unit.bottom >= underTitles.at),
          body,
          tables,
          across,
          edge,
        ),
        ...xyCut(below, body, tables, across, edge),
      ];
  }
  let best: { above: Unit[]; below: Unit[]; score: number } | null = null;
  for (const gap of gaps) {
    const above = units.filter((unit) => unit.bottom >= gap.at);
    const below = units.filter((unit) => unit.top <= gap.at);
    // Never between the lines of a wrapped title (same large type above and below).
    const over = above.reduce((low, unit) => (unit.bottom < low.bottom ? unit : low), above[0]!);
    const under = below.reduce((high, unit) => (unit.top > high.top ? unit : high), below[0]!);
    if (over.size >= TITLE * body && Math.abs(over.size - under.size) <= 0.5) continue;
    const score = gutters(above, body, tables).length + gutters(below, body, tables).length;
    if (score > (best?.score ?? 0)) best = { above, below, score };
  }
  if (best) return [...xyCut(best.above, body, tables, across, edge), ...xyCut(best.below, body, tables, across, edge)];
  return [{ units, edge }];
}

type Line = { cells: string[]; left: number; right: number; y: number; size: number; heavy: boolean; boxes: Box[] };

const boxOf = (unit: Unit): Box => ({ left: unit.left, bottom: unit.bottom, right: unit.right, top: unit.top });

function linesOf(units: readonly Unit[]): Line[] {
  const lines: Line[] = [];
  for (const unit of [...units].sort((a, b) => b.y - a.y || a.left - b.left)) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - unit.y) <= 0.35 * unit.size) {
      line.cells.push(unit.text);
      line.right = Math.max(line.right, unit.right);
      line.boxes.push(boxOf(unit));
    } else
      lines.push({
        cells: [unit.text],
        left: unit.left,
        right: unit.right,
        y: unit.y,
        size: unit.size,
        heavy: unit.heavy,
        boxes: [boxOf(unit)],
      });
  }
  return lines;
}

type Paragraph = { text: string; size: number; heavy: boolean; table: boolean; continues: boolean; boxes: Box[] };

/**
 * A block's lines → paragraphs; `continues`: the first line is not indented (it goes on from the
 * previous column). For a block too short to show its own column edge: `edge`, its column's, else
 * `page`, every body-size unit of the page (two lines of a masthead are not one paragraph because
 * they end alike).
 */
function paragraphsOf(lines: Line[], body: number, edge: number | null, page: readonly Unit[]): Paragraph[] {
  const left = Math.min(...lines.map((line) => line.left));
  const bodyLines = lines.filter((line) => line.size < TITLE * body && line.cells.length === 1);
  // The column's right edge: where most of its body lines end (a title above may be wider or
  // narrower; pdf.js's widths put a line with digits a character further right than its neighbours).
  const rights = bodyLines.map((line) => line.right).sort((a, b) => a - b);
  // A block of a few lines, most of them short (a boxed item's label, title and its wrapped end), whose
  // longest line reaches its column's edge: the column's edge is the measure, not the median.
  const fewShort =
    edge !== null && bodyLines.length < 5 && rights.at(-1)! >= edge - 1.5 * body && rights[1]! < edge - 1.5 * body;
  const right = fewShort
    ? edge
    : bodyLines.length >= 3
      ? rights[Math.floor(rights.length / 2)]!
      : (edge ??
        Math.max(
          ...page
            .filter((unit) => Math.abs(unit.size - body) <= 0.5 && Math.abs(unit.left - left) <= 2.5 * body)
            .map((unit) => unit.right),
          ...rights,
        ));
  // The line pitch of this block (LibreOffice sets 150 % by default, Chromium and pdf-lib less): a
  // paragraph ends at a gap clearly wider than it.
  const pitches = bodyLines
    .slice(1)
    .map((line, index) => bodyLines[index]!.y - line.y)
    .filter((pitch) => pitch > 0)
    .sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
  // Ragged lines (a masthead, a list) are each their own line. In justified text the lines that go on
  // (all but a paragraph's last: the block's last line, a line before an indent) reach the edge, give
  // or take pdf.js's widths; in a ragged block a third of them or more fall short.
  // A section label (短评, 相关链接) is a line of its own by convention, not a sign of ragged setting.
  const goingOn = bodyLines.filter(
    (line, index) =>
      index + 1 < bodyLines.length &&
      bodyLines[index + 1]!.left - left <= 1.2 * body &&
      !SIDEBAR_LABEL.test(line.cells[0]!),
  );
  const reaching = goingOn.filter((line) => Math.abs(line.right - right) <= 1.5 * body).length;
  const ragged = goingOn.length > 1 && reaching * 3 < goingOn.length * 2;
  const out: Paragraph[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const table = line.cells.length > 1;
    const last = out.at(-1);
    const title = line.size >= TITLE * body;
    if (table) {
      if (last?.table) {
        last.text += `\n${line.cells.join('\t')}`;
        last.boxes.push(...line.boxes);
      } else
        out.push({
          text: line.cells.join('\t'),
          size: line.size,
          heavy: false,
          table: true,
          continues: false,
          boxes: line.boxes,
        });
    } else if (
      last &&
      previous &&
      !last.table &&
      Math.abs(line.size - previous.size) <= 0.5 &&
      previous.y - line.y <= (title ? 1.6 * line.size : Math.max(1.9 * line.size, 1.4 * pitch)) &&
      // A body line that stops short of the column's right edge ends its paragraph.
      (title || (!ragged && line.left - left <= 1.2 * body && previous.right >= right - 1.5 * body))
    ) {
      last.text = joinLines(last.text, line.cells[0]!);
      last.boxes.push(...line.boxes);
    } else {
      out.push({
        text: line.cells[0]!,
        size: line.size,
        heavy: line.heavy,
        table: false,
        continues: out.length === 0 && !title && line.left - left <= 0.5 * body,
        boxes: [...line.boxes],
      });
    }
    previous = line;
  }
  return out;
}

const inside = (unit: Unit, box: Box) => {
  const x = (unit.left + unit.right) / 2;
  const y = (unit.top + unit.bottom) / 2;
  return x > box.left && x < box.right && y > box.bottom && y < box.top;
};

/**
 * An 编者按 boxed in a frame introduces the story under the frame (house rule), wherever the XY-cut
 * reads the frame (a frame above a story spanning the page is read before the stories beside it):
 * its blocks move to just before the first block under the frame's foot that its width overlaps.
 */
function placeEditorsNotes(blocks: Block[], frames: readonly Box[]): Block[] {
  const order = [...blocks];
  for (const frame of frames) {
    const framed = order.filter((block) => block.units.every((unit) => inside(unit, frame)));
    const first = framed[0] && linesOf(framed[0].units)[0];
    if (!first || !EDITORS_NOTE.test(first.cells[0]!)) continue;
    const under = order
      .filter((block) => !framed.includes(block))
      .map((block) => ({ block, top: Math.max(...block.units.map((unit) => unit.top)) }))
      .filter(
        ({ block, top }) =>
          top <= frame.bottom + 2 && block.units.some((unit) => unit.left < frame.right && unit.right > frame.left),
      )
      .sort((a, b) => b.top - a.top)[0]?.block;
    if (!under) continue;
    const rest = order.filter((block) => !framed.includes(block));
    rest.splice(rest.indexOf(under), 0, ...framed);
    order.splice(0, order.length, ...rest);
  }
  return order;
}

/** Images smaller than this (points, either way) are ornaments or logos, not photos. */
const PHOTO = 36;

/**
 * Each photo's caption: the paragraph whose first line sits right under the image (its top within
 * two body sizes of the image's foot) and overlaps it across most of the narrower of the two.
 */
function captionsOf(images: readonly Box[], paragraphs: readonly Paragraph[], body: number): PagePhoto[] {
  return images
    .map((image, index) => ({ image, index }))
    .filter(({ image }) => image.right - image.left >= PHOTO && image.top - image.bottom >= PHOTO)
    .map(({ image, index }) => {
      let caption: number | null = null;
      let nearest = Infinity;
      paragraphs.forEach((paragraph, index) => {
        const first = paragraph.boxes[0];
        if (!first || paragraph.table) return;
        const left = Math.min(...paragraph.boxes.map((box) => box.left));
        const right = Math.max(...paragraph.boxes.map((box) => box.right));
        const overlap = Math.min(right, image.right) - Math.max(left, image.left);
        const gap = image.bottom - first.top;
        if (gap < -0.5 * body || gap > 2 * body) return;
        if (overlap < 0.5 * Math.min(right - left, image.right - image.left)) return;
        if (gap < nearest) {
          nearest = gap;
          caption = index;
        }
      });
      const box = { left: image.left, bottom: image.bottom, right: image.right, top: image.top };
      return { image: index, box, caption };
    });
}

/**
 * `rules`: the page's ruling lines (page-graphics.ts); a vertical one parts the pieces either side.
 * `images`: where the page draws images, for the photos and their captions.
 */
export function analysePage(pieces: Piece[], rules: readonly Rule[] = [], images: readonly Box[] = []): PageText {
  const { flow: kept, vertical } = takeVertical(pieces);
  const segments = segmentsOf(kept, rules);
  if (!segments.length)
    return { text: '', titleRoles: new Map(), vertical, paragraphs: [], photos: captionsOf(images, [], 0) };
  const body = bodySizeOf(segments);
  const bodyWeight = bodyWeightOf(segments, body);
  const flow = segments.map((segment) => unitOf(segment, body, bodyWeight));
  const paragraphs: Paragraph[] = [];
  const tables = ruledTables(rules);
  const across = rules.filter(isHorizontal);
  const blocks = placeEditorsNotes(flow.length ? xyCut(flow, body, tables, across) : [], ruledFrames(rules));
  for (const block of blocks) {
    const [first, ...rest] = paragraphsOf(linesOf(block.units), body, block.edge, flow);
    if (!first) continue;
    const previous = paragraphs.at(-1);
    // Rows of one table that the cut parted (rows with space between them) stay one table.
    if (first.table && previous?.table) {
      previous.text += `\n${first.text}`;
      previous.boxes.push(...first.boxes);
      paragraphs.push(...rest);
      continue;
    }
    // The column chain: a paragraph cut at the foot of a column goes on at the head of the next, which
    // starts higher on the page than the foot it goes on from (a block under it is not its column's next).
    if (
      first.continues &&
      previous &&
      Math.max(...first.boxes.map((box) => box.top)) > Math.min(...previous.boxes.map((box) => box.bottom)) &&
      !previous.table &&
      Math.abs(previous.size - first.size) <= 0.5 &&
      previous.size < TITLE * body &&
      !STRONG_END.test(previous.text)
    ) {
      previous.text = joinLines(previous.text, first.text);
      previous.boxes.push(...first.boxes);
    } else paragraphs.push(first);
    paragraphs.push(...rest);
  }
  return {
    text: paragraphs.map((paragraph) => paragraph.text).join('\n\n'),
    titleRoles: titleRolesOf(paragraphs, body),
    vertical,
    paragraphs: paragraphs.map(({ text, boxes }) => ({ text, boxes })),
    photos: captionsOf(images, paragraphs, body),
  };
}

/** A body paragraph: body size, set like the body, not a table. */
const isBodyText = (paragraph: Paragraph, body: number) =>
  !paragraph.table && !paragraph.heavy && paragraph.size < TITLE * body;

/** `below` starts right under `above` (within three body sizes) and in the same column. */
function followsIn(above: Paragraph, below: Paragraph, body: number): boolean {
  const foot = above.boxes.reduce((low, box) => (box.bottom < low.bottom ? box : low), above.boxes[0]!);
  const head = below.boxes[0]!;
  const overlap = Math.min(foot.right, head.right) - Math.max(foot.left, head.left);
  return foot.bottom - head.top >= -0.5 * body && foot.bottom - head.top <= 3 * body && overlap > 0;
}

/**
 * Title roles, from type size and weight relative to the page's body text. In each run of title lines
 * (larger type, or short bold lines at body size next to them) the largest type is the 主题, lines
 * above it 引题, lines below it 副题. A bold line at body size between two body paragraphs of one
 * column is a 小标题 ('subheading'), whatever its wording: a bold run in a body is not a headline.
 */
function titleRolesOf(paragraphs: readonly Paragraph[], body: number): Map<string, TitleRole> {
  const titleRoles = new Map<string, TitleRole>();
  const titleLike = (paragraph: Paragraph | undefined) =>
    paragraph !== undefined &&
    !paragraph.table &&
    (paragraph.size >= TITLE * body || (paragraph.heavy && !SIDEBAR_LABEL.test(paragraph.text)));
  for (let start = 0; start < paragraphs.length; start += 1) {
    if (!titleLike(paragraphs[start])) continue;
    let end = start;
    while (titleLike(paragraphs[end + 1])) end += 1;
    const run = paragraphs.slice(start, end + 1);
    const before = paragraphs[start - 1];
    const after = paragraphs[end + 1];
    start = end;
    const largest = Math.max(...run.map((paragraph) => paragraph.size));
    if (largest < TITLE * body) {
      const [only] = run;
      if (
        run.length === 1 &&
        before &&
        after &&
        isBodyText(before, body) &&
        isBodyText(after, body) &&
        followsIn(before, only!, body) &&
        followsIn(only!, after, body)
      )
        titleRoles.set(only!.text, 'subheading');
      continue;
    }
    const headline = run.findIndex((paragraph) => paragraph.size === largest);
    run.forEach((paragraph, index) =>
      titleRoles.set(paragraph.text, index < headline ? 'kicker' : index === headline ? 'headline' : 'subheadline'),
    );
  }
  return titleRoles;
}
