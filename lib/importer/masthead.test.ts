import { describe, expect, it } from 'vitest';

import { toBlocks } from './blocks';
import { findDate } from './issue-date';
import { readMasthead } from './masthead';
import { mastheadItems } from './masthead-items';
import { structural } from './normalise';
import { readPageHeader } from './page-header';

describe('dates as print writes them', () => {
  it.each([
    ['2020年8月24日', '2020-08-24'],
    ['2020年 8月 24日', '2020-08-24'],
    ['2020-08-24', '2020-08-24'],
    ['2020.8.24', '2020-08-24'],
    ['2020/08/24', '2020-08-24'],
    ['二〇二〇年八月二十四日', '2020-08-24'],
    ['二〇二一年十二月三十一日', '2021-12-31'],
    [structural('２０２０年８月２４日'), '2020-08-24'],
  ])('%s', (text, iso) => expect(findDate(text)?.iso).toBe(iso));

  it('refuses dates that do not exist', () => {
    expect(findDate('2021年2月30日')).toBeNull();
    expect(findDate('二〇二一年二月三十日')).toBeNull();
  });
});

describe('masthead items in any order', () => {
  it('reads a one-line masthead', () => {
    expect(
      mastheadItems('今日柯城 第1938期 2024年1月8日 星期一 农历癸卯年十一月廿七 今日八版 柯城区融媒体中心主办'),
    ).toEqual({
      number: 1938,
      date: '2024-01-08',
      weekday: '星期一',
      lunar: '癸卯年十一月廿七',
      pageCount: 8,
      publisher: '柯城区融媒体中心主办',
      rest: '今日柯城',
    });
  });
  it('reads full-width and spaced digits', () => {
    expect(mastheadItems('第１７０７期').number).toBe(1707);
    expect(mastheadItems('第 1 7 0 6 期').number).toBe(1706);
    expect(mastheadItems('新闻热线：０５７０－３０４９７４３').hotline).toBe('0570-3049743');
  });
  it('checks the weekday and the lunar date against the printed date and warns on a mismatch', () => {
    const right = readMasthead(toBlocks('2020年8月24日 星期一\n农历七月初六\n\n第 1706 期'));
    expect(right).toMatchObject({ date: '2020-08-24', number: 1706, warnings: [] });
    const wrong = readMasthead(toBlocks('第 1706 期\n\n2020年8月24日 星期二 农历庚子年七月初七'));
    expect(wrong.warnings).toEqual([
      '出版日期 2020-08-24 与报头不符：星期应为星期一，报头印的是星期二；农历应为庚子年七月初六，报头印的是庚子年七月初七，请核对日期',
    ]);
    expect(wrong.fields.date?.confidence).toBe('low');
  });
  it('does not take a title that mentions a date for the masthead', () => {
    const masthead = readMasthead(
      toBlocks('2021年3月1日\n\n第 1732 期\n\n2021年3月1日起新规施行\n\n本报讯（记者 徐敏）3月1日，新规施行。'),
    );
    expect([...masthead.blocks]).toEqual([0, 1]);
  });
  it('reads a letter-spaced nameplate', () => {
    expect(readMasthead(toBlocks('今 日 柯 城\n\n第1945期\n\n2024.03.04 星期一')).name).toBe('今日柯城');
  });
});

describe('page headers', () => {
  it.each([
    ['第2版', { page: 2, name: null }],
    ['第二版　综合', { page: 2, name: '综合' }],
    ['第12版：副刊', { page: 12, name: '副刊' }],
    ['02版 要闻', { page: 2, name: '要闻' }],
    ['02 版 要闻', { page: 2, name: '要闻' }],
    ['A2', { page: 2, name: null }],
    ['A3版  综合', { page: 3, name: '综合' }],
    ['B1·民生', { page: 1, name: '民生' }],
    ['第3版 综合 2020年8月24日 第1706期', { page: 3, name: '综合' }],
  ])('%s', (text, header) => expect(readPageHeader(text)).toEqual(header));

  it.each(['第2版面临调整，各单位要抓紧落实。', '二版', '2020年8月24日', '柯城新闻'])('not a header: %s', (text) =>
    expect(readPageHeader(text)).toBeNull(),
  );
});

describe('an inner page without a masthead', () => {
  const RUNNING_HEAD = '2020年9月7日 星期一 第3版 综合 今日柯城 第1708期';

  it('takes the date, the number and the paper’s name from the running head, for the editor to check', () => {
    const masthead = readMasthead(toBlocks(`${RUNNING_HEAD}\n\n节前蔬菜供应充足\n\n本报讯（记者 叶青）中秋将至。`));
    expect(masthead).toMatchObject({ date: '2020-09-07', number: 1708, name: '今日柯城' });
    expect(masthead.fields.number?.confidence).toBe('medium');
    expect(masthead.blocks.size).toBe(0);
    expect(masthead.warnings).toEqual([]);
  });

  it('reads the page and its name from the running head, the nameplate after it dropped', () => {
    expect(readPageHeader(RUNNING_HEAD)).toEqual({ page: 3, name: '综合' });
  });

  it('warns when the running head’s weekday is not the date’s', () => {
    const masthead = readMasthead(toBlocks('2020年9月7日 星期二 第3版 综合 今日柯城 第1708期'));
    expect(masthead.warnings).toHaveLength(1);
  });
});
