// What a PDF page draws besides text, from pdf.js's operator list: ruling lines (a stroked line, a
// thin filled rectangle, each edge of a stroked frame) and images (photos), in page coordinates. The
// page analysis uses the rules to part columns and frames (a vertical rule between two pieces of a
// baseline is a gutter whatever its width) and the images to place photos.
// Paths are walked as pdf.js 5 hands them over: constructPath's arguments are [paint op, [path
// data], bounding box], the path data a flat list of DrawOPS (moveTo x y, lineTo x y, curveTo …,
// closePath), in the coordinates of the current transform, which save/restore/transform change.

/** An axis-aligned ruling line: x0 ≤ x1, y0 ≤ y1; one of the two spans is (nearly) zero. */
export type Rule = { x0: number; y0: number; x1: number; y1: number };
/**
 * `ref`: what pdf.js hands the paint operator, to fetch the pixels by (an XObject's id, or an inline
 * image's data object).
 */
export type PageImage = { left: number; bottom: number; right: number; top: number; ref: unknown };
export type PageGraphics = { rules: Rule[]; images: PageImage[] };

type Matrix = [number, number, number, number, number, number];

/** The operators read here, by their names in pdf.js's OPS. */
type OpName =
  | 'save'
  | 'restore'
  | 'transform'
  | 'constructPath'
  | 'stroke'
  | 'closeStroke'
  | 'fill'
  | 'eoFill'
  | 'fillStroke'
  | 'eoFillStroke'
  | 'closeFillStroke'
  | 'closeEOFillStroke'
  | 'paintImageXObject'
  | 'paintInlineImageXObject'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd';
/** Their numbers (pdf.js's OPS), passed in so this file stays free of pdf.js. */
export type Ops = Record<OpName, number>;

/** A stroke or a fill thinner than this (points) is a rule; thicker filled areas are tints, not lines. */
const THIN = 3;
/** Shorter lines are glyph-like marks (underlines of a word, bullets), not rules. */
const SHORTEST = 12;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function ruleOf(ax: number, ay: number, bx: number, by: number): Rule | null {
  const rule = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  const width = rule.x1 - rule.x0;
  const height = rule.y1 - rule.y0;
  if (Math.max(width, height) < SHORTEST || Math.min(width, height) > THIN) return null;
  return rule;
}

/** A path's straight pieces in page coordinates; a curve breaks the chain (rounded corners stay out). */
function segmentsOfPath(data: ArrayLike<number>, m: Matrix): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let at: [number, number] | null = null;
  let start: [number, number] | null = null;
  for (let index = 0; index < data.length;) {
    const op = data[index]!;
    if (op === 0 || op === 1) {
      const point = apply(m, data[index + 1]!, data[index + 2]!);
      if (op === 1 && at) out.push([...at, ...point]);
      if (op === 0) start = point;
      at = point;
      index += 3;
    } else if (op === 2) {
      at = apply(m, data[index + 5]!, data[index + 6]!);
      index += 7;
    } else if (op === 3) {
      at = apply(m, data[index + 3]!, data[index + 4]!);
      index += 5;
    } else {
      if (at && start) out.push([...at, ...start]);
      at = start;
      index += 1;
    }
  }
  return out;
}

function pathRules(paint: number, data: ArrayLike<number>, m: Matrix, ops: Ops): Rule[] {
  const segments = segmentsOfPath(data, m);
  const stroked = [
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ].includes(paint);
  if (stroked) return segments.flatMap(([ax, ay, bx, by]) => ruleOf(ax, ay, bx, by) ?? []);
  if (paint !== ops.fill && paint !== ops.eoFill) return [];
  // A filled shape is a rule when its box is thin (Chromium draws borders as filled rectangles).
  const xs = segments.flatMap(([ax, , bx]) => [ax, bx]);
  const ys = segments.flatMap(([, ay, , by]) => [ay, by]);
  if (!xs.length) return [];
  const rule = ruleOf(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  if (!rule) return [];
  // A thin rectangle is one rule along its middle.
  return rule.x1 - rule.x0 > rule.y1 - rule.y0
    ? [{ ...rule, y0: (rule.y0 + rule.y1) / 2, y1: (rule.y0 + rule.y1) / 2 }]
    : [{ ...rule, x0: (rule.x0 + rule.x1) / 2, x1: (rule.x0 + rule.x1) / 2 }];
}

export function graphicsOf(fnArray: readonly number[], argsArray: readonly unknown[], ops: Ops): PageGraphics {
  const rules: Rule[] = [];
  const images: PageImage[] = [];
  const stack: Matrix[] = [];
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null;
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(m);
      // A form XObject's own matrix comes as its first argument.
      const form = fn === ops.paintFormXObjectBegin ? (args?.[0] as number[] | null) : null;
      if (form?.length === 6) m = multiply(form as Matrix, m);
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) m = stack.pop() ?? m;
    else if (fn === ops.transform && args?.length === 6) m = multiply(args as Matrix, m);
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data && typeof data.length === 'number') rules.push(...pathRules(paint, data, m, ops));
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject) {
      // An image fills the unit square of the current transform.
      const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      images.push({
        left: Math.min(...xs),
        bottom: Math.min(...ys),
        right: Math.max(...xs),
        top: Math.max(...ys),
        ref: args?.[0] ?? null,
      });
    }
  });
  return { rules, images };
}

export const isVertical = (rule: Rule) => rule.x1 - rule.x0 <= THIN && rule.y1 - rule.y0 > rule.x1 - rule.x0;
export const isHorizontal = (rule: Rule) => rule.y1 - rule.y0 <= THIN && rule.x1 - rule.x0 > rule.y1 - rule.y0;

export type Box = { left: number; bottom: number; right: number; top: number };

/** Rules that touch or cross (within `slack` points) belong to one drawing. */
function touches(a: Rule, b: Rule, slack = 2): boolean {
  return a.x0 <= b.x1 + slack && b.x0 <= a.x1 + slack && a.y0 <= b.y1 + slack && b.y0 <= a.y1 + slack;
}

/** Rules that touch one another, as connected groups. */
function drawings(rules: readonly Rule[]): Rule[][] {
  const groups: Rule[][] = [];
  const seen = new Set<Rule>();
  for (const rule of rules) {
    if (seen.has(rule)) continue;
    const group = [rule];
    seen.add(rule);
    for (let index = 0; index < group.length; index += 1)
      for (const other of rules)
        if (!seen.has(other) && touches(group[index]!, other)) {
          seen.add(other);
          group.push(other);
        }
    groups.push(group);
  }
  return groups;
}

const distinct = (values: number[]) =>
  values.sort((a, b) => a - b).filter((value, index, all) => index === 0 || value - all[index - 1]! > 2).length;

/**
 * Ruled grids: drawings with at least three distinct vertical and three distinct horizontal rules (two
 * rows of two cells or more; a frame has two of each). The page analysis never cuts through one.
 */
export function ruledTables(rules: readonly Rule[]): Box[] {
  return drawings(rules)
    .filter(
      (group) =>
        distinct(group.filter(isVertical).map((rule) => rule.x0)) >= 3 &&
        distinct(group.filter(isHorizontal).map((rule) => rule.y0)) >= 3,
    )
    .map((group) => ({
      left: Math.min(...group.map((rule) => rule.x0)),
      bottom: Math.min(...group.map((rule) => rule.y0)),
      right: Math.max(...group.map((rule) => rule.x1)),
      top: Math.max(...group.map((rule) => rule.y1)),
    }));
}

/**
 * Frames: drawings of exactly two distinct vertical and two distinct horizontal rules enclosing an
 * area at least `least` points each way (a boxed 短评, 编者按 or 相关链接; a table has more rules).
 */
export function ruledFrames(rules: readonly Rule[], least = 20): Box[] {
  return drawings(rules)
    .filter(
      (group) =>
        distinct(group.filter(isVertical).map((rule) => rule.x0)) === 2 &&
        distinct(group.filter(isHorizontal).map((rule) => rule.y0)) === 2,
    )
    .map((group) => ({
      left: Math.min(...group.map((rule) => rule.x0)),
      bottom: Math.min(...group.map((rule) => rule.y0)),
      right: Math.max(...group.map((rule) => rule.x1)),
      top: Math.max(...group.map((rule) => rule.y1)),
    }))
    .filter((box) => box.right - box.left >= least && box.top - box.bottom >= least);
}
