import { describe, expect, it } from 'vitest';

import { decodeParam, positiveInt } from './params';

describe('decodeParam', () => {
  it('decodes well-formed escapes', () => {
    expect(decodeParam('%E6%9F%AF%E5%9F%8E')).toBe('柯城');
    expect(decodeParam('plain-slug')).toBe('plain-slug');
  });
  it('gives null for malformed escapes instead of throwing', () => {
    for (const value of ['%ff', '%C0%AF', '%', '%E6%9F', '%zz']) expect(decodeParam(value)).toBeNull();
  });
});

describe('positiveInt', () => {
  it('accepts small whole numbers only', () => {
    expect(positiveInt('1705')).toBe(1705);
    for (const value of ['0', '-1', '1.5', '%ff', '', '99999999']) expect(positiveInt(value)).toBeNull();
  });
});
