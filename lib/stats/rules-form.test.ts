import { describe, expect, it } from 'vitest';

import { DEFAULT_POINT_RULES } from './points';
import { MAX_RULE_ROWS, pointRulesFromForm } from './rules-form';

function form(overrides: Record<string, string | string[]> = {}): FormData {
  const fields: Record<string, string | string[]> = {
    bandMinChars: ['0', '500', '1500'],
    bandPrint: ['1', '2', '3'],
    bandWeb: ['0.5', '1', '1.5'],
    reachMinReads: ['1000', '10000'],
    reachPoints: ['1', '3'],
    perPhoto: '0.5',
    frontPageBonus: '1',
    leadBonus: '1',
    perChannel: '0.5',
    feePerPoint: '0',
    feePerArticle: '0',
    feePerThousandChars: '0',
    ...overrides,
  };
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}

describe('pointRulesFromForm', () => {
  it('reads the form the defaults fill in as the defaults', () => {
    expect(pointRulesFromForm(form())).toEqual({ ok: true, rules: DEFAULT_POINT_RULES });
  });

  it('drops a row left wholly empty, keeps the order given, and takes full-width digits', () => {
    const result = pointRulesFromForm(
      form({
        bandMinChars: ['0', '', '800'],
        bandPrint: ['1', '', '２．５'],
        bandWeb: ['0', ' ', '1'],
        reachMinReads: [''],
        reachPoints: [''],
        feePerThousandChars: '30',
      }),
    );
    expect(result).toEqual({
      ok: true,
      rules: {
        ...DEFAULT_POINT_RULES,
        bands: [
          { minChars: 0, print: 1, web: 0 },
          { minChars: 800, print: 2.5, web: 1 },
        ],
        reach: [],
        feePerThousandChars: 30,
      },
    });
  });

  it('names the box that is negative, empty, not a number or not whole', () => {
    expect(pointRulesFromForm(form({ perPhoto: '-1' }))).toEqual({ ok: false, error: '「每张图片」不能为负数' });
    expect(pointRulesFromForm(form({ leadBonus: '' }))).toEqual({ ok: false, error: '请填写「头条加分」' });
    expect(pointRulesFromForm(form({ feePerArticle: '五元' }))).toEqual({
      ok: false,
      error: '「每篇稿费」应为数字：五元',
    });
    expect(pointRulesFromForm(form({ bandPrint: ['1', '-2', '3'] }))).toEqual({
      ok: false,
      error: '「第 2 档见报分」不能为负数',
    });
    expect(pointRulesFromForm(form({ bandMinChars: ['0', '500.5', '1500'] }))).toEqual({
      ok: false,
      error: '「第 2 档起始字数」应为整数：500.5',
    });
    expect(pointRulesFromForm(form({ reachPoints: ['1', ''] }))).toEqual({
      ok: false,
      error: '请填写「第 2 档阅读加分」',
    });
  });

  it('refuses bands not from 0 or not rising, no band at all, and too many rows', () => {
    expect(pointRulesFromForm(form({ bandMinChars: ['100', '500', '1500'] }))).toEqual({
      ok: false,
      error: '字数档次应从 0 字开始',
    });
    expect(pointRulesFromForm(form({ bandMinChars: ['0', '1500', '500'] }))).toMatchObject({ ok: false });
    expect(pointRulesFromForm(form({ bandMinChars: [''], bandPrint: [''], bandWeb: [''] }))).toEqual({
      ok: false,
      error: '至少要有一个字数档次',
    });
    const many = Array.from({ length: MAX_RULE_ROWS + 1 }, (_, index) => String(index * 100));
    expect(pointRulesFromForm(form({ bandMinChars: many, bandPrint: many, bandWeb: many }))).toEqual({
      ok: false,
      error: `档次最多 ${MAX_RULE_ROWS} 行`,
    });
  });
});
