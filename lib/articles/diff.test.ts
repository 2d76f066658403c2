import { describe, expect, it } from 'vitest';

import { diffParagraphs, diffRevisionText, diffText, foldUnchanged } from './diff';

describe('diffRevisionText', () => {
  it('marks added, removed and kept paragraphs in order', () => {
    expect(diffRevisionText('甲乙丙丁\n乙\n丙', '甲乙丙丁\n丙\n丁')).toEqual([
      { op: 'same', text: '甲乙丙丁' },
      { op: 'del', text: '乙' },
      { op: 'same', text: '丙' },
      { op: 'add', text: '丁' },
    ]);
  });

  it('shows an edited paragraph character by character: only the characters that changed', () => {
    expect(diffRevisionText('柯城夺下大禹鼎', '柯城夺下“大禹鼎”')).toEqual([
      {
        op: 'change',
        segments: [
          { op: 'same', text: '柯城夺下' },
          { op: 'add', text: '“' },
          { op: 'same', text: '大禹鼎' },
          { op: 'add', text: '”' },
        ],
      },
    ]);
    expect(diffRevisionText('会上，他认真的听取了汇报。', '会上，他认真地听取了汇报。')).toEqual([
      {
        op: 'change',
        segments: [
          { op: 'same', text: '会上，他认真' },
          { op: 'del', text: '的' },
          { op: 'add', text: '地' },
          { op: 'same', text: '听取了汇报。' },
        ],
      },
    ]);
  });

  it('shows a paragraph rewritten from scratch as removed then added', () => {
    expect(diffRevisionText('第一段\n今天天气很好。', '第一段\n区委召开专题会议。')).toEqual([
      { op: 'same', text: '第一段' },
      { op: 'del', text: '今天天气很好。' },
      { op: 'add', text: '区委召开专题会议。' },
    ]);
  });

  it('is all same for equal texts', () => {
    expect(diffRevisionText('一\n二', '一\n二').every((line) => line.op === 'same')).toBe(true);
  });
});

describe('diffParagraphs (the conflict dialog)', () => {
  it('shows a changed paragraph as removed then added', () => {
    expect(diffParagraphs('甲\n柯城夺下大禹鼎', '甲\n柯城夺下“大禹鼎”\n乙')).toEqual([
      { op: 'same', text: '甲' },
      { op: 'del', text: '柯城夺下大禹鼎' },
      { op: 'add', text: '柯城夺下“大禹鼎”' },
      { op: 'add', text: '乙' },
    ]);
  });
});

describe('diffText and foldUnchanged', () => {
  it('diffs a field by characters', () => {
    expect(diffText('第一稿标题', '第二稿标题')).toEqual([
      { op: 'same', text: '第' },
      { op: 'del', text: '一' },
      { op: 'add', text: '二' },
      { op: 'same', text: '稿标题' },
    ]);
  });

  it('keeps one unchanged paragraph around a change and folds the rest', () => {
    const before = ['一', '二', '三', '四', '五', '六'].join('\n');
    const after = ['一', '二', '三', '四改', '五', '六'].join('\n');
    expect(foldUnchanged(diffRevisionText(before, after)).map((line) => line.op)).toEqual([
      'skip',
      'same',
      'change',
      'same',
      'same',
    ]);
    expect(foldUnchanged(diffRevisionText(before, after))[0]).toEqual({ op: 'skip', count: 2 });
  });

  it('shows a lone unchanged paragraph instead of folding it', () => {
    const folded = foldUnchanged(diffRevisionText('一\n二\n三', '一\n二\n三改'));
    expect(folded).toEqual([
      { op: 'same', text: '一' },
      { op: 'same', text: '二' },
      expect.objectContaining({ op: 'change' }),
    ]);
  });
});
