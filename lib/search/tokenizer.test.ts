import { describe, expect, it } from 'vitest';

import { ftsQuery, indexText, queryTerms, tokenize } from './tokenizer';

const matches = (text: string, query: string) => {
  const indexed = new Set(tokenize(text));
  return queryTerms(query).every((term) =>
    term.prefix ? [...indexed].some((token) => token.startsWith(term.token)) : indexed.has(term.token),
  );
};

describe('tokenize', () => {
  it('turns Han runs into bigrams', () => {
    expect(tokenize('柯城夺下“大禹鼎”')).toEqual(['柯城', '城夺', '夺下', '下', '大禹', '禹鼎', '鼎']);
  });
  it('keeps a lone character as a unigram', () => {
    expect(tokenize('鼎')).toEqual(['鼎']);
  });
  it('lower-cases and width-normalises Latin letters and digits', () => {
    expect(tokenize('５Ｇ基站 COVID-19疫情 2020年')).toEqual([
      '5g',
      '基站',
      '站',
      'covid',
      '19',
      '疫情',
      '情',
      '2020',
      '年',
    ]);
  });
});

describe('matching', () => {
  const story =
    '柯城区红色物业联盟治理篇现场会召开，市域社会治理现代化。柯城夺下“大禹鼎”。5G基站建设，COVID-19疫情防控，2020年8月17日。';
  it.each(['柯城', '大禹鼎', '红色物业联盟', '物业', '治理现代化', '5G', '5g基站', 'COVID-19', '2020年', '疫情', '鼎'])(
    'finds %s',
    (query) => {
      expect(matches(story, query)).toBe(true);
    },
  );
  it.each(['衢州', '大禹陵', '物业费', '6G'])('does not find %s', (query) => {
    expect(matches(story, query)).toBe(false);
  });
});

describe('queries', () => {
  it('quotes every token so user input cannot become FTS syntax', () => {
    expect(ftsQuery(queryTerms('柯城 OR "x" NEAR(a)'))).toBe('"柯城" AND "or" AND "x" AND "near" AND "a"');
  });
  it('marks lone Han characters as prefixes and drops duplicates', () => {
    expect(ftsQuery(queryTerms('鼎 鼎 柯城柯城'))).toBe('"鼎"* AND "柯城" AND "城柯"');
  });
  it('has no terms for punctuation only', () => {
    expect(queryTerms('“”，。!?')).toEqual([]);
  });
  it('indexes as space-separated tokens', () => {
    expect(indexText('今日柯城')).toBe('今日 日柯 柯城 城');
  });
});
