import { describe, expect, it } from 'vitest';

import { ProofingLists, type ProofingHit } from './check';
import type { ProofingEntry } from './kinds';
import { DEFAULT_LISTS } from './lists';

const lists = new ProofingLists(DEFAULT_LISTS);
const found = (hits: ProofingHit[]) => hits.map((hit) => [hit.text, hit.kind, hit.level, hit.suggestion]);

describe('the shipped lists, one kind at a time', () => {
  it('规范用语: the term, what to write instead and the rule', () => {
    const [hit] = lists.check('他是村里有名的聋子。');
    expect(hit).toMatchObject({ text: '聋子', kind: 'TERM', suggestion: '聋人', start: 7, end: 9 });
    expect(hit!.source).toContain('新华社');
    expect(found(lists.check('市政协代表张三发言'))).toContainEqual(['市政协代表', 'TERM', 'WARN', '市政协委员']);
  });

  it('敏感词 with its level', () => {
    expect(found(lists.check('台湾政府宣布'))).toEqual([['台湾政府', 'SENSITIVE', 'BLOCK', '台湾当局']]);
    expect(found(lists.check('他被称为乡巴佬'))).toEqual([['乡巴佬', 'SENSITIVE', 'WARN', '（不使用）']]);
  });

  it('广告法极限词', () => {
    expect(found(lists.check('本品全网最低，药到病除'))).toEqual([
      ['全网最低', 'AD_LAW', 'HINT', ''],
      ['药到病除', 'TERM', 'WARN', '（医药报道不作疗效评价）'],
      ['药到病除', 'AD_LAW', 'WARN', ''],
    ]);
  });

  it('错别字 pairs', () => {
    expect(found(lists.check('师傅上门按装空调，再接再励'))).toEqual([
      ['按装', 'TYPO', 'WARN', '安装'],
      ['再接再励', 'TYPO', 'WARN', '再接再厉'],
    ]);
    expect(lists.check('既使下雨')[0]).toMatchObject({ suggestion: '即使', level: 'HINT' });
  });

  it('finds nothing in clean copy', () => {
    expect(lists.check('柯城区召开全区经济工作会议，部署明年重点工作。')).toEqual([]);
  });
});

describe('matching', () => {
  it('keeps overlapping hits: a longer entry and the one inside it', () => {
    const hits = lists.check('这项投资稳赚不赔');
    expect(hits.map((hit) => [hit.text, hit.start, hit.end])).toEqual([
      ['稳赚不赔', 4, 8],
      ['稳赚', 4, 6],
    ]);
  });

  it('full-width letters and digits are the half-width entry', () => {
    const own = new ProofingLists([{ kind: 'AD_LAW', term: 'NO.1', suggestion: '', level: 'HINT', source: 'test' }]);
    const hits = own.check('品质ＮＯ．１！');
    expect(hits.map((hit) => hit.text)).toEqual(['ＮＯ．１']);
    expect(lists.check('有效率１００%').map((hit) => hit.text)).toEqual(['１００%']);
  });

  it('a traditional spelling is the simplified entry, and underlines what was written', () => {
    const hits = lists.check('臺灣政府宣佈');
    expect(hits[0]).toMatchObject({ text: '臺灣政府', kind: 'SENSITIVE', level: 'BLOCK', start: 0, end: 4 });
    expect(found(lists.check('師傅按裝'))).toEqual([['按裝', 'TYPO', 'WARN', '安装']]);
  });

  it('a term broken by a line break or spaces is still found, over the whole range', () => {
    const text = '台湾政\n府宣布';
    const [hit] = lists.check(text);
    expect(hit).toMatchObject({ start: 0, end: 5, text: '台湾政\n府' });
  });

  it('leaves out hits the person marked as 引语', () => {
    const text = '他说：“中华民国”一词不能用。中华民国';
    const quoted = (start: number, end: number) => start >= 4 && end <= 8;
    expect(lists.check(text, quoted).map((hit) => hit.start)).toEqual([15]);
  });

  it('an entry that folds to nothing is left out instead of matching everywhere', () => {
    const own = new ProofingLists([{ kind: 'TYPO', term: ' \n', suggestion: 'x', level: 'WARN', source: 't' }]);
    expect(own.size).toBe(0);
    expect(own.check('任何文字')).toEqual([]);
  });
});

describe('人名职务', () => {
  const people: ProofingEntry[] = [
    {
      kind: 'TITLE',
      term: '习近平',
      suggestion: '中共中央总书记、国家主席、中央军委主席；总书记',
      level: 'WARN',
      source: 's',
    },
    { kind: 'TITLE', term: '李强', suggestion: '国务院总理；总理', level: 'WARN', source: 's' },
  ];
  const own = new ProofingLists(people);

  it('accepts a person with their own titles in their order', () => {
    expect(own.check('中共中央总书记、国家主席、中央军委主席习近平指出')).toEqual([]);
    expect(own.check('习近平总书记强调')).toEqual([]);
    expect(own.check('国务院总理李强主持会议')).toEqual([]);
  });

  it('flags a title that belongs to someone else, before or after the name', () => {
    const after = own.check('李强总书记强调');
    expect(after.map((hit) => [hit.text, hit.suggestion])).toEqual([['总书记', '国务院总理']]);
    const before = own.check('国务院总理习近平');
    expect(before.map((hit) => hit.text)).toEqual(['国务院总理']);
    expect(before[0]!.message).toContain('不是习近平的职务');
  });

  it('flags titles written in another order', () => {
    const hits = own.check('国家主席、中共中央总书记习近平');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ start: 0, end: 15, suggestion: '中共中央总书记、国家主席、中央军委主席' });
    expect(hits[0]!.message).toContain('顺序');
  });

  it('finds a name split by a line break', () => {
    expect(own.check('李\n强总书记').map((hit) => hit.text)).toEqual(['总书记']);
  });

  it('the shipped list knows the national leaders', () => {
    expect(lists.check('国务院总理赵乐际').map((hit) => hit.kind)).toEqual(['TITLE']);
  });
});
