import { describe, expect, it } from 'vitest';

import {
  articleFee,
  articlePoints,
  checkPointRules,
  DEFAULT_POINT_RULES,
  feeFor,
  splitPoints,
  storedPointRules,
  type ArticleFigures,
} from './points';

const rules = { ...DEFAULT_POINT_RULES, feePerPoint: 30 };
const story: ArticleFigures = {
  characters: 800,
  photos: 2,
  printed: true,
  frontPage: true,
  lead: true,
  reads: 1200,
  channels: 1,
};

describe('articlePoints', () => {
  it('adds the band for where it ran, photos, 头版 and 头条, reach and channels (by hand: 2 + 1 + 1 + 1 + 1 + 0.5)', () => {
    expect(articlePoints(rules, story)).toEqual({
      length: 2,
      photos: 1,
      placement: 2,
      reach: 1,
      channels: 0.5,
      total: 6.5,
    });
  });

  it('gives the web band to a story not in print, no 头条 bonus off page 1, and the highest reach passed', () => {
    expect(
      articlePoints(rules, { ...story, printed: false, frontPage: false, lead: true, reads: 25000, characters: 1500 }),
    ).toMatchObject({ length: 1.5, placement: 0, reach: 3, total: 6 });
    expect(articlePoints(rules, { ...story, characters: 499, reads: 999, photos: 0, channels: 0 })).toMatchObject({
      length: 1,
      reach: 0,
      total: 3,
    });
  });

  it('splits points between credits and pays the fee per point', () => {
    expect(splitPoints(6.5, 3)).toBe(2.17);
    expect(splitPoints(6.5, 0)).toBe(0);
    expect(feeFor(rules, 6.5)).toBe(195);
  });

  it('pays per piece: the rate per story plus the rate per 千字', () => {
    expect(articleFee({ ...rules, feePerArticle: 20, feePerThousandChars: 30 }, 1250)).toBe(57.5);
    expect(articleFee(rules, 1250)).toBe(0);
  });
});

describe('storedPointRules', () => {
  it('reads rules saved before the piece fees existed as paying nothing per piece', () => {
    const { feePerArticle: _a, feePerThousandChars: _b, ...old } = { ...DEFAULT_POINT_RULES, perPhoto: 2 };
    expect(storedPointRules(JSON.stringify(old))).toEqual({ ...DEFAULT_POINT_RULES, perPhoto: 2 });
  });
});

describe('checkPointRules', () => {
  it('takes the defaults', () => expect(checkPointRules(DEFAULT_POINT_RULES)).toMatchObject({ ok: true }));

  it('refuses negative points, bands not from 0 or not rising, and what is not a number', () => {
    expect(checkPointRules({ ...rules, perPhoto: -1 })).toEqual({ ok: false, error: '分值不能为负数' });
    expect(checkPointRules({ ...rules, bands: [{ minChars: 100, print: 1, web: 1 }] })).toEqual({
      ok: false,
      error: '字数档次应从 0 字开始',
    });
    expect(
      checkPointRules({
        ...rules,
        reach: [
          { minReads: 100, points: 1 },
          { minReads: 100, points: 2 },
        ],
      }),
    ).toEqual({ ok: false, error: '字数档次和阅读数档次应从小到大排列，且不重复' });
    expect(checkPointRules({ ...rules, leadBonus: Number.NaN })).toEqual({ ok: false, error: '分值必须是数字' });
    expect(checkPointRules({ ...rules, feePerThousandChars: -5 })).toEqual({ ok: false, error: '分值不能为负数' });
  });
});
