import { describe, expect, it } from 'vitest';

import { teaser } from './teaser';

describe('teaser', () => {
  it('prefers the summary', () => {
    expect(teaser(' 编辑写的摘要 ', '正文第一段。')).toBe('编辑写的摘要');
  });
  it('uses the first paragraph whole when it is short', () => {
    expect(teaser(null, '第一段。\n第二段。')).toBe('第一段。');
  });
  it('cuts a long paragraph at the last sentence end within the limit', () => {
    const text = `${'甲'.repeat(50)}。${'乙'.repeat(60)}。`;
    expect(teaser(null, text, 90)).toBe(`${'甲'.repeat(50)}。`);
  });
  it('cuts with an ellipsis when no sentence ends in the first half', () => {
    expect(teaser(null, '丙'.repeat(200), 10)).toBe(`${'丙'.repeat(10)}…`);
  });
});
