import { describe, expect, it } from 'vitest';

import { pageCountWords, pageLabel } from './page-names';

describe('page names', () => {
  it('writes page counts in Chinese numerals', () => {
    expect([4, 8, 10, 12, 16, 20, 24].map(pageCountWords)).toEqual([
      '四',
      '八',
      '十',
      '十二',
      '十六',
      '二十',
      '二十四',
    ]);
  });
  it('labels pages with their names when set', () => {
    expect(pageLabel({ number: 1, name: '要闻' })).toBe('第1版：要闻');
    expect(pageLabel({ number: 3, name: null })).toBe('第3版');
  });
});
