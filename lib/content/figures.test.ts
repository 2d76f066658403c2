import { describe, expect, it } from 'vitest';

import { doc, paragraph } from './builders';
import { figuresMissingAlt } from './figures';

describe('figuresMissingAlt', () => {
  it('counts figures without alt text', () => {
    const figure = (alt: string) => ({ type: 'figure', attrs: { src: '/media/x', alt } });
    expect(figuresMissingAlt(doc(paragraph('一'), figure(''), figure('  '), figure('大禹鼎')))).toBe(2);
    expect(figuresMissingAlt(doc(paragraph('一')))).toBe(0);
  });
});
