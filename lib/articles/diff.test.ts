import { describe, expect, it } from 'vitest';
import { diffParagraphs } from './diff';

describe('diffParagraphs', () => {
  it('marks added, removed and kept paragraphs in order', () => {
    expect(diffParagraphs('甲\n乙\n丙', '甲\n丙\n丁')).toEqual([
      { op: 'same', text: '甲' }, { op: 'del', text: '乙' }, { op: 'same', text: '丙' }, { op: 'add', text: '丁' },
    ]);
  });
  it('shows a changed paragraph as removed then added', () => {
    expect(diffParagraphs('柯城夺下大禹鼎', '柯城夺下“大禹鼎”')).toEqual([
      { op: 'del', text: '柯城夺下大禹鼎' }, { op: 'add', text: '柯城夺下“大禹鼎”' },
    ]);
  });
  it('is all same for equal texts', () => {
    expect(diffParagraphs('一\n二', '一\n二').every((line) => line.op === 'same')).toBe(true);
  });
});
