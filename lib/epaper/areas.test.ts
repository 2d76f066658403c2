import { describe, expect, it } from 'vitest';

import { clampRect, cleanAreas, inReadingOrder, MIN_SIDE, nudge, parseAreas } from './areas';

describe('story areas', () => {
  it('keeps a rectangle on the page and visible', () => {
    expect(clampRect({ x: 0.9, y: -0.2, w: 0.3, h: 0 })).toEqual({ x: 0.7, y: 0, w: 0.3, h: MIN_SIDE });
  });

  it('accepts the editor’s areas for stories on the page only, once each', () => {
    const input = [
      { articleId: 'a', rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }] },
      { articleId: 'elsewhere', rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }] },
      { articleId: 'a', rects: [{ x: 0.5, y: 0.5, w: 0.2, h: 0.2 }] },
    ];
    expect(cleanAreas(input, new Set(['a']))).toEqual([
      { articleId: 'a', rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }] },
    ]);
  });

  it('refuses anything that is not areas', () => {
    expect(cleanAreas([{ articleId: 'a', rects: [{ x: 2, y: 0, w: 0.1, h: 0.1 }] }], new Set(['a']))).toBeNull();
    expect(cleanAreas('[]', new Set(['a']))).toBeNull();
    expect(cleanAreas([{ articleId: 'a', rects: [] }], new Set(['a']))).toBeNull();
    expect(parseAreas('not json')).toEqual([]);
  });

  it('moves with arrow keys and resizes with Shift, staying on the page', () => {
    const rect = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
    expect(nudge(rect, 'ArrowRight', false)).toEqual({ x: 0.105, y: 0.1, w: 0.2, h: 0.2 });
    expect(nudge(rect, 'ArrowDown', true)).toEqual({ x: 0.1, y: 0.1, w: 0.2, h: 0.205 });
    expect(nudge({ x: 0, y: 0, w: 0.2, h: 0.2 }, 'ArrowLeft', false)).toEqual({ x: 0, y: 0, w: 0.2, h: 0.2 });
    expect(nudge(rect, 'Enter', false)).toBeNull();
  });

  it('orders areas by band, then left to right', () => {
    const at = (articleId: string, x: number, y: number) => ({ articleId, rects: [{ x, y, w: 0.1, h: 0.1 }] });
    expect(
      inReadingOrder([at('low', 0, 0.6), at('right', 0.5, 0.11), at('left', 0.1, 0.1)]).map((a) => a.articleId),
    ).toEqual(['left', 'right', 'low']);
  });
});
