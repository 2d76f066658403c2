import { describe, expect, it } from 'vitest';

import { parseByline } from './bylines';

describe('parseByline', () => {
  it('splits labels and names', () => {
    expect(parseByline('衢报传媒集团记者 徐敏 本报记者 严嘉慧')).toEqual({
      byline: '衢报传媒集团记者 徐敏 本报记者 严嘉慧',
      authors: [
        { name: '徐敏', label: '衢报传媒集团记者' },
        { name: '严嘉慧', label: '本报记者' },
      ],
    });
  });
  it('writes a name glued to its label apart (a letter-spaced line closed up reads 记者童雅琴)', () => {
    expect(parseByline('记者童雅琴 通讯员 邵卫红')).toEqual({
      byline: '记者 童雅琴 通讯员 邵卫红',
      authors: [
        { name: '童雅琴', label: '记者' },
        { name: '邵卫红', label: '通讯员' },
      ],
    });
  });
  it('drops the ■ mark and joins lines', () => {
    expect(parseByline('■记者 黄淑妍\n通讯员 闻凌世')).toEqual({
      byline: '记者 黄淑妍 通讯员 闻凌世',
      authors: [
        { name: '黄淑妍', label: '记者' },
        { name: '闻凌世', label: '通讯员' },
      ],
    });
  });
  it('gives several names the same label', () => {
    expect(parseByline('记者 王一鸣 刘畅 通讯员 陈思远').authors).toEqual([
      { name: '王一鸣', label: '记者' },
      { name: '刘畅', label: '记者' },
      { name: '陈思远', label: '通讯员' },
    ]);
  });
  it('handles names glued to labels and photo credits', () => {
    expect(parseByline('记者徐敏 摄').authors).toEqual([{ name: '徐敏', label: '记者' }]);
  });
});
