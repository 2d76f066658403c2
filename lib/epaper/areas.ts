// Story areas on a printed page (pure): rectangles in fractions of the page (0…1, origin top left),
// so they fit the page image at any width. One story may have several (a headline across columns and
// its body in two columns). The list's order is the reading order readers tab through.
import { z } from 'zod';

export type Rect = { x: number; y: number; w: number; h: number };
export type ArticleArea = { articleId: string; rects: Rect[] };

/** Smallest side of a rectangle: 0.5 % of the page, so a slip of the mouse cannot make an invisible area. */
export const MIN_SIDE = 0.005;
export const MAX_RECTS_PER_ARTICLE = 12;

const fraction = z.number().finite().min(0).max(1);
const rectSchema = z.object({ x: fraction, y: fraction, w: fraction, h: fraction });
const areasSchema = z
  .array(
    z.object({ articleId: z.string().min(1).max(64), rects: z.array(rectSchema).min(1).max(MAX_RECTS_PER_ARTICLE) }),
  )
  .max(200);

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Keeps a rectangle on the page and at least MIN_SIDE wide and high. */
export function clampRect(rect: Rect): Rect {
  const w = Math.min(1, Math.max(MIN_SIDE, rect.w));
  const h = Math.min(1, Math.max(MIN_SIDE, rect.h));
  return {
    x: round(Math.min(1 - w, Math.max(0, rect.x))),
    y: round(Math.min(1 - h, Math.max(0, rect.y))),
    w: round(w),
    h: round(h),
  };
}

/**
 * Areas as the editor sends them → areas to store, or null when the input is not areas at all.
 * Rectangles are clamped onto the page; stories not on the page and repeated stories are dropped.
 */
export function cleanAreas(input: unknown, articlesOnPage: ReadonlySet<string>): ArticleArea[] | null {
  const parsed = areasSchema.safeParse(input);
  if (!parsed.success) return null;
  const seen = new Set<string>();
  const areas: ArticleArea[] = [];
  for (const area of parsed.data) {
    if (!articlesOnPage.has(area.articleId) || seen.has(area.articleId)) continue;
    seen.add(area.articleId);
    areas.push({ articleId: area.articleId, rects: area.rects.map(clampRect) });
  }
  return areas;
}

/** Stored JSON → areas; anything unreadable counts as none. */
export function parseAreas(json: string): ArticleArea[] {
  try {
    const parsed = areasSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Reading order: by the top of a story's first rectangle, then its left edge, column-wise within a band. */
export function inReadingOrder(areas: readonly ArticleArea[]): ArticleArea[] {
  const key = (area: ArticleArea) => {
    const top = Math.min(...area.rects.map((r) => r.y));
    const first = area.rects.find((r) => r.y === top)!;
    return { top, left: first.x };
  };
  return [...areas].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Tops within 2 % of the page are one band, read left to right.
    return Math.abs(ka.top - kb.top) < 0.02 ? ka.left - kb.left : ka.top - kb.top;
  });
}

/** A rectangle moved (dx, dy) or resized (dw, dh) by a key press, in fractions of the page. */
export function nudge(rect: Rect, key: string, resize: boolean, step = 0.005): Rect | null {
  const delta: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = delta[key];
  if (!move) return null;
  return clampRect(
    resize
      ? { ...rect, w: rect.w + move[0], h: rect.h + move[1] }
      : { ...rect, x: rect.x + move[0], y: rect.y + move[1] },
  );
}
