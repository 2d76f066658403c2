import { describe, expect, it } from 'vitest';

import { bm25, rankWindow, type WindowArticle } from './bm25';

const story = (seq: number, f: number[], len = 10): WindowArticle => ({ seq, id: `s${seq}`, len, f });

describe('bm25 as FTS5 computes it', () => {
  it('weighs a term by IDF, its count and the story’s length against the average', () => {
    // 1 × (2 × 2.2) / (2 + 1.2 × (0.25 + 0.75 × 10 / 10)) = 4.4 / 3.2
    expect(bm25([1], story(1, [2]), 10)).toBe(4.4 / 3.2);
    // A longer story with the same count scores lower; a term it does not hold adds nothing.
    expect(bm25([1], story(1, [2], 40), 10)).toBeLessThan(bm25([1], story(1, [2], 10), 10));
    expect(bm25([1, 5], story(1, [2, 0]), 10)).toBe(bm25([1], story(1, [2]), 10));
  });

  it('ranks higher scores first, a tie to the newer story, and pages the window', () => {
    const window = [story(5, [1]), story(9, [3]), story(7, [1]), story(2, [8])];
    expect(rankWindow(window, [1], 10, 10, 0)).toEqual({ ids: ['s2', 's9', 's7', 's5'], total: 4 });
    expect(rankWindow(window, [1], 10, 2, 2)).toEqual({ ids: ['s7', 's5'], total: 4 });
    expect(rankWindow([], [1], 10, 10, 0)).toEqual({ ids: [], total: 0 });
  });
});
