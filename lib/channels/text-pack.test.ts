import { describe, expect, it } from 'vitest';

import {
  charCount,
  chosenImages,
  composePost,
  cutText,
  DOUYIN_LIMIT,
  hashtagsOf,
  MAX_PACK_IMAGES,
  packFileName,
  textPack,
  WEIBO_LEAD_LIMIT,
  WEIBO_LIMIT,
} from './text-pack';

/** No lone surrogate (String.prototype.isWellFormed is ES2024, past this project's lib). */
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

const LINK = 'https://news.kecheng.example/articles/pocket-park';

describe('cutText', () => {
  it('leaves a text within the limit as it is', () => {
    expect(cutText('口袋公园。', 5)).toBe('口袋公园。');
  });

  it('cuts to the limit with an ellipsis, counting characters, not UTF-16 units', () => {
    const cut = cutText('一二三四五六七八九十', 6);
    expect(cut).toBe('一二三四五…');
    expect(charCount(cut)).toBe(6);
  });

  it('never cuts inside a surrogate pair', () => {
    const text = '😀'.repeat(10);
    const cut = cutText(text, 4);
    expect(cut).toBe('😀😀😀…');
    expect(wellFormed(cut)).toBe(true);
    for (let max = 1; max < 10; max += 1) expect(wellFormed(cutText(`甲${text}`, max)), String(max)).toBe(true);
  });

  it('never cuts inside a link: the cut moves before it', () => {
    const text = `详见 ${LINK} 全文`;
    for (let max = 5; max < charCount(text); max += 1) {
      const cut = cutText(text, max);
      expect(charCount(cut), String(max)).toBeLessThanOrEqual(max);
      // Either the whole link is there or none of it.
      expect(cut.includes('https') ? cut.includes(LINK) : !cut.includes('http'), `${max}: ${cut}`).toBe(true);
    }
    expect(cutText(text, 10)).toBe('详见…');
  });

  it('ends at a sentence end when that keeps most of the text', () => {
    expect(cutText('第一句话很长很长。第二句', 11)).toBe('第一句话很长很长。');
    // A sentence end too early is not used: the cut keeps the room.
    expect(cutText('短。后面是一段很长很长的话没有句号', 12)).toBe('短。后面是一段很长很长…');
  });
});

describe('hashtagsOf', () => {
  it('makes 微博 #topic# and 抖音 #topic from the 栏目, each once, at most three', () => {
    const sections = ['要闻', '综合', '要闻', '文化', '体育'];
    expect(hashtagsOf(sections, 'weibo')).toEqual(['#要闻#', '#综合#', '#文化#']);
    expect(hashtagsOf(sections, 'douyin')).toEqual(['#要闻', '#综合', '#文化']);
  });

  it('drops what breaks a topic (spaces, #, @, punctuation) and names with nothing left', () => {
    expect(hashtagsOf(['民生 热线', '#要闻#', '@区长', '（）', null, ' '], 'weibo')).toEqual([
      '#民生热线#',
      '#要闻#',
      '#区长#',
    ]);
    expect(hashtagsOf(['ＡＢＣ新闻'], 'douyin')).toEqual(['#ABC新闻']);
  });
});

describe('composePost and textPack', () => {
  const source = {
    headline: '柯城新建口袋公园',
    summary: '今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。',
    sections: ['要闻'],
    link: LINK,
  };

  it('lays out 微博 as #栏目#【headline】summary link, and 抖音 without the link', () => {
    const pack = textPack(source);
    expect(pack.weibo).toBe(`#要闻#【柯城新建口袋公园】今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。 ${LINK}`);
    expect(pack.weiboLead).toBe(pack.weibo);
    expect(pack.douyin).toBe('【柯城新建口袋公园】今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。 #要闻');
  });

  it('cuts the summary to each limit and keeps the hashtags and the whole link', () => {
    const long = { ...source, summary: `${'柯城区今年新建口袋公园，'.repeat(300)}😀` };
    const pack = textPack(long);
    expect(charCount(pack.weibo)).toBeLessThanOrEqual(WEIBO_LIMIT);
    expect(charCount(pack.weibo)).toBeGreaterThan(WEIBO_LIMIT - 20);
    expect(charCount(pack.weiboLead)).toBeLessThanOrEqual(WEIBO_LEAD_LIMIT);
    expect(charCount(pack.douyin)).toBeLessThanOrEqual(DOUYIN_LIMIT);
    for (const text of [pack.weibo, pack.weiboLead]) {
      expect(text.startsWith('#要闻#【柯城新建口袋公园】')).toBe(true);
      expect(text.endsWith(` ${LINK}`)).toBe(true);
    }
    expect(pack.douyin.endsWith(' #要闻')).toBe(true);
  });

  it('cuts a headline too long for the lead, and still fits', () => {
    const post = composePost({ ...source, headline: '长'.repeat(200) }, 'weibo', WEIBO_LEAD_LIMIT);
    expect(charCount(post)).toBeLessThanOrEqual(WEIBO_LEAD_LIMIT);
    expect(post.endsWith(LINK)).toBe(true);
  });
});

describe('the ZIP of chosen images', () => {
  it('names files by order and type', () => {
    expect(packFileName(0, 'image/jpeg')).toBe('01.jpg');
    expect(packFileName(9, 'image/png')).toBe('10.png');
  });

  it('takes the story’s own images, each once, one to nine, and says what is wrong otherwise', () => {
    expect(chosenImages(['b', 'a', 'b'], ['a', 'b'])).toEqual(['b', 'a']);
    expect(chosenImages([], ['a'])).toBe('请至少选择一张图片');
    expect(chosenImages(['x'], ['a'])).toBe('所选图片不在这篇稿件的已发布版本中');
    const ten = Array.from({ length: MAX_PACK_IMAGES + 1 }, (_, i) => `m${i}`);
    expect(chosenImages(ten, ten)).toMatch(/最多 9 张/);
  });
});
