import { describe, expect, it } from 'vitest';

import { doc, paragraph } from './builders';
import { countFigures, figuresMissingAlt } from './figures';

describe('figuresMissingAlt', () => {
  it('counts figures without alt text', () => {
    const figure = (alt: string) => ({ type: 'figure', attrs: { src: '/media/x', alt } });
    expect(figuresMissingAlt(doc(paragraph('一'), figure(''), figure('  '), figure('大禹鼎')))).toBe(2);
    expect(figuresMissingAlt(doc(paragraph('一')))).toBe(0);
  });
});

describe('countFigures', () => {
  it('counts every figure, with or without alt text, at any depth', () => {
    const figure = (alt: string) => ({ type: 'figure', attrs: { src: '/media/x', alt } });
    expect(countFigures(doc(paragraph('一'), figure(''), { type: 'blockquote', content: [figure('图')] }))).toBe(2);
    expect(countFigures(doc(paragraph('一')))).toBe(0);
  });
});
