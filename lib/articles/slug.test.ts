import { describe, expect, it } from 'vitest';

import { SLUG_PATTERN, slugBase, uniqueSlug } from './slug';

describe('slugBase', () => {
  it('spells a Chinese headline in toneless pinyin', () => {
    expect(slugBase('柯城夺下“大禹鼎”')).toBe('ke-cheng-duo-xia-da-yu-ding');
    expect(slugBase('现场会在柯城召开')).toBe('xian-chang-hui-zai-ke-cheng-zhao-kai');
  });

  it('keeps Latin words and numbers, drops punctuation, and writes ü as v', () => {
    expect(slugBase('运动柯城 APP 上线，2020年！')).toBe('yun-dong-ke-cheng-app-shang-xian-2020-nian');
    expect(slugBase('绿水青山')).toBe('lv-shui-qing-shan');
  });

  it('stays under 64 characters without cutting a syllable', () => {
    const slug = slugBase('柯城区八届区委第十二轮巡察全部进驻电话邮箱公布柯城区八届区委第十二轮巡察');
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('never returns an empty slug', () => {
    expect(slugBase('！！！')).toBe('story');
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3 … until the slug is free', async () => {
    const taken = new Set(['a', 'a-2']);
    expect(await uniqueSlug('a', async (s) => taken.has(s))).toBe('a-3');
    expect(await uniqueSlug('b', async (s) => taken.has(s))).toBe('b');
  });
});
