import { describe, expect, it } from 'vitest';

import { chineseVoice, MAX_UTTERANCE_CHARS, readingQueue } from './read-aloud';

describe('the reading queue', () => {
  it('reads the headline, then each block in order, leaving out empty ones', () => {
    expect(
      readingQueue(['柯城夺下“大禹鼎”', '  ', '全区治水工作获得肯定。', '治水治出美丽河湖'], MAX_UTTERANCE_CHARS),
    ).toEqual([
      { block: 0, text: '柯城夺下“大禹鼎”' },
      { block: 2, text: '全区治水工作获得肯定。' },
      { block: 3, text: '治水治出美丽河湖' },
    ]);
  });

  it('splits a long paragraph after whole sentences, each piece within the limit, nothing lost', () => {
    const paragraph = '第一句话说完了。第二句也说完了！第三句问一问？最后一句没有标点';
    const items = readingQueue(['标题', paragraph], 12);
    expect(items.slice(1).map((item) => item.text)).toEqual([
      '第一句话说完了。',
      '第二句也说完了！',
      '第三句问一问？',
      '最后一句没有标点',
    ]);
    expect(items.every((item) => item.text.length <= 12)).toBe(true);
    expect(
      items
        .slice(1)
        .map((item) => item.text)
        .join(''),
    ).toBe(paragraph);
  });

  it('keeps closing quotes with their sentence, and cuts a sentence without a stop at its commas, then by length', () => {
    expect(readingQueue(['“走吧。”他说。'], 5).map((item) => item.text)).toEqual(['“走吧。”', '他说。']);
    const items = readingQueue(['甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳'], 6).map((item) => item.text);
    expect(items).toEqual(['甲乙丙丁，', '戊己庚辛壬癸', '子丑寅卯辰巳']);
  });
});

describe('the Chinese voice', () => {
  const voice = (lang: string, localService = true) => ({ lang, localService, name: lang });

  it('prefers zh-CN, a local voice before a network one', () => {
    expect(chineseVoice([voice('en-US'), voice('zh-TW'), voice('zh-CN', false), voice('zh_CN')])?.name).toBe('zh_CN');
    expect(chineseVoice([voice('zh-HK'), voice('zh-TW')])?.lang).toBe('zh-TW');
  });

  it('is none where the browser has no Chinese voice', () => {
    expect(chineseVoice([voice('en-US'), voice('ja-JP')])).toBeNull();
    expect(chineseVoice([])).toBeNull();
  });
});
