import { describe, expect, it } from 'vitest';

import { queryTerms } from './tokenizer';
import { tsqueryLiteral, tsvectorLiteral, weightedCounts } from './tsvector';

describe('the PostgreSQL documents and queries', () => {
  it('reads back each word’s weighted count (8 × title + body) from a document', () => {
    const doc = tsvectorLiteral(['柯城'], ['柯城', '柯城', '城区']);
    // 柯* counts every token starting with 柯: the title's 柯城 and the body's two.
    expect(weightedCounts(doc, ['柯城', '柯*', '城区', '大禹'])).toEqual([8 + 2, 8 + 2, 1, 0]);
  });

  it('reads PostgreSQL’s own output: weights, quotes and backslashes escaped', () => {
    expect(weightedCounts(`'柯城':3B,8195B 'it''s':8193 'a\\\\b':2B`, ['柯城', "it's", 'a\\b'])).toEqual([27, 1, 16]);
  });

  it('requires every word, every mark, and one of the buckets when given', () => {
    expect(tsqueryLiteral(queryTerms('柯城 鼎'), ['@u1'], ['#9', '#8'])).toBe("'柯城' & '鼎*' & '@u1' & ('#9' | '#8')");
    expect(tsqueryLiteral(queryTerms("it's"))).toBe("'it' & 's'");
  });
});
