import { describe, expect, it } from 'vitest';

import { highlightTerms, snippet } from './snippet';

describe('snippet', () => {
  it('marks every occurrence of the query words', () => {
    expect(snippet('柯城夺下“大禹鼎”，柯城再次上榜。', '柯城 大禹鼎')).toBe(
      '<mark>柯城</mark>夺下“<mark>大禹鼎</mark>”，<mark>柯城</mark>再次上榜。',
    );
  });
  it('escapes the text and is case-insensitive for Latin words', () => {
    expect(snippet('<b>5G</b> 基站 & more', '5g')).toBe('&lt;b&gt;<mark>5G</mark>&lt;/b&gt; 基站 &amp; more');
  });
  it('opens a window around the first hit with ellipses', () => {
    const text = `${'甲'.repeat(200)}大禹鼎${'乙'.repeat(200)}`;
    const result = snippet(text, '大禹鼎', 40);
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result).toContain('<mark>大禹鼎</mark>');
  });
  it('takes the words of a query, longest first', () => {
    expect(highlightTerms('柯城，大禹鼎 COVID-19')).toEqual(['COVID', '大禹鼎', '柯城', '19']);
  });
});
