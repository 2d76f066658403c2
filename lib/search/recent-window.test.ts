import { describe, expect, it } from 'vitest';

import { BUCKET_ROWS, bucketLexeme, countsByWord, MAX_BUCKETS, windowAttempts } from './recent-window';

const shape = (found: number[], rows = 100_000, bottom = 1, top = 100_000) => ({
  bottom,
  top,
  rows,
  words: found.map((n) => [n]),
});

describe('where the newest matches are looked for', () => {
  it('names a seq by its bucket', () => {
    expect(bucketLexeme(0)).toBe('#0');
    expect(bucketLexeme(BUCKET_ROWS - 1)).toBe('#0');
    expect(bucketLexeme(BUCKET_ROWS)).toBe('#1');
    expect(bucketLexeme(100_000)).toBe(`#${Math.floor(100_000 / BUCKET_ROWS)}`);
  });

  it('looks in the newest buckets first for a word most stories hold, then wider, then everywhere', () => {
    const attempts = windowAttempts(shape([60_000]), 1001);
    // 1001 matches at 60 % need ~1,700 rows; three times that reaches 6 buckets back from the newest (#97).
    expect(attempts[0]).toEqual(['#97', '#96', '#95', '#94', '#93', '#92']);
    // Four times the range: 20,020 seqs.
    expect(attempts[1]).toHaveLength(20);
    expect(attempts[1]![0]).toBe('#97');
    expect(attempts.at(-1)).toBeNull();
    expect(attempts).toHaveLength(3);
  });

  it('estimates several words as independent, so their range is wider than one word’s', () => {
    const one = windowAttempts(shape([50_000]), 1001)[0]!;
    const two = windowAttempts(shape([50_000, 50_000]), 1001)[0]!;
    expect(two.length).toBeGreaterThan(one.length);
  });

  it('takes a word’s bigrams as going together: the word is as frequent as its rarest', () => {
    const phrase = { bottom: 1, top: 100_000, rows: 100_000, words: [[66_000, 70_000, 66_000, 80_000, 66_000]] };
    expect(windowAttempts(phrase, 1001)[0]).toEqual(windowAttempts(shape([66_000]), 1001)[0]);
  });

  it('groups the counts by query word, each filter mark alone', () => {
    const terms = [{ word: 0 }, { word: 0 }, { word: 1 }, { word: 2 }, { word: 2 }];
    expect(countsByWord(terms, [5, 6, 7, 8, 9, 10, 11])).toEqual([[5, 6], [7], [8, 9], [10], [11]]);
    expect(countsByWord([], [3])).toEqual([[3]]);
  });

  it('reads the whole table for a rare word, an unknown word or an empty table', () => {
    expect(windowAttempts(shape([300]), 1001)).toEqual([null]);
    expect(windowAttempts(shape([0]), 1001)).toEqual([null]);
    expect(windowAttempts(shape([10], 0, 1, 0), 1001)).toEqual([null]);
    expect(windowAttempts({ bottom: 0, top: -1, rows: 0, words: [] }, 1001)).toEqual([null]);
  });

  it('never asks for more buckets than the index handles well, nor for half the table or more', () => {
    for (const found of [[90_000], [20_000], [8_000], [3_000], [60_000, 1_000]]) {
      const attempts = windowAttempts(shape(found), 1001);
      expect(attempts.at(-1)).toBeNull();
      for (const buckets of attempts.slice(0, -1)) {
        expect(buckets!.length).toBeLessThanOrEqual(MAX_BUCKETS);
        expect(buckets!.length * BUCKET_ROWS).toBeLessThan(100_000 / 2 + 2 * BUCKET_ROWS);
      }
    }
  });

  it('counts the range back from the newest row, widened by the gaps removed rows leave', () => {
    const dense = windowAttempts(shape([12_000], 20_000, 480_001, 500_000), 1001);
    expect(dense[0]![0]).toBe(bucketLexeme(500_000));
    // 60 % of the rows match: 3 × 1001 / 0.6 ≈ 5,005 seqs back from the newest.
    expect(dense[0]!.at(-1)).toBe(bucketLexeme(500_000 - 5_005 + 1));
    // Rows spread over 100,000 seqs, one seq in four: the range is four times longer.
    const sparse = windowAttempts(shape([15_000], 25_000, 400_001, 500_000), 1001);
    expect(sparse[0]![0]).toBe(bucketLexeme(500_000));
    expect(sparse[0]!.at(-1)).toBe(bucketLexeme(500_000 - 20_020 + 1));
  });

  it('treats a count above the row count (a stale statistic) as every row', () => {
    expect(windowAttempts(shape([150_000]), 1001)[0]).toEqual(windowAttempts(shape([100_000]), 1001)[0]);
  });
});
