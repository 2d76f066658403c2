import { describe, expect, it } from 'vitest';

import { generateByline } from './byline';

describe('generateByline', () => {
  it('groups consecutive authors under one label', () => {
    expect(
      generateByline([
        { name: '王一鸣', label: '记者' },
        { name: '刘畅', label: '记者' },
        { name: '陈思远', label: '通讯员' },
      ]),
    ).toBe('记者 王一鸣 刘畅 通讯员 陈思远');
  });
  it('matches the sample issue', () => {
    expect(
      generateByline([
        { name: '徐敏', label: '衢报传媒集团记者' },
        { name: '严嘉慧', label: '本报记者' },
      ]),
    ).toBe('衢报传媒集团记者 徐敏 本报记者 严嘉慧');
  });
  it('skips empty names and is empty without authors', () => {
    expect(generateByline([{ name: ' ', label: '记者' }])).toBe('');
    expect(generateByline([])).toBe('');
  });
});
