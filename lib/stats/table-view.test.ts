import { describe, expect, it } from 'vitest';

import { filterRows, isNumericColumn, nextSort, sortRows } from './table-view';
import type { StatsTable } from './tables';

const table: StatsTable = {
  name: '个人',
  header: ['姓名', '部门', '分数', '初审（小时）'],
  rows: [
    ['王一鸣', '采访部', 3.5, 2],
    ['闻凌世', '', 10, ''],
    ['李 明', '编辑部', 0.5, 1.5],
  ],
};

describe('sorting a 考核 table', () => {
  it('sorts numbers by value (not as text) both ways', () => {
    expect(sortRows(table.rows, { column: 2, direction: 'descending' }).map((row) => row[0])).toEqual([
      '闻凌世',
      '王一鸣',
      '李 明',
    ]);
    expect(sortRows(table.rows, { column: 2, direction: 'ascending' }).map((row) => row[0])).toEqual([
      '李 明',
      '王一鸣',
      '闻凌世',
    ]);
  });

  it('keeps empty cells last whichever the direction', () => {
    for (const direction of ['ascending', 'descending'] as const)
      expect(sortRows(table.rows, { column: 3, direction }).at(-1)![0]).toBe('闻凌世');
  });

  it('sorts text in Chinese order and leaves the rows as they were with no sort', () => {
    expect(sortRows(table.rows, { column: 1, direction: 'ascending' }).map((row) => row[1])).toEqual([
      '编辑部',
      '采访部',
      '',
    ]);
    expect(sortRows(table.rows, null)).toEqual(table.rows);
  });

  it('starts a number column from the largest, a text column from the first, and reverses on a second click', () => {
    expect(nextSort(null, 2, true)).toEqual({ column: 2, direction: 'descending' });
    expect(nextSort(null, 0, false)).toEqual({ column: 0, direction: 'ascending' });
    expect(nextSort({ column: 2, direction: 'descending' }, 2, true)).toEqual({ column: 2, direction: 'ascending' });
    expect(nextSort({ column: 2, direction: 'ascending' }, 0, false)).toEqual({ column: 0, direction: 'ascending' });
  });

  it('tells number columns by their first value, past empty cells', () => {
    expect(isNumericColumn(table, 2)).toBe(true);
    expect(isNumericColumn(table, 3)).toBe(true);
    expect(isNumericColumn(table, 0)).toBe(false);
  });
});

describe('filtering a 考核 table', () => {
  it('keeps rows whose name or 部门 contains the text, spaces ignored', () => {
    expect(filterRows(table, '采访').map((row) => row[0])).toEqual(['王一鸣']);
    expect(filterRows(table, ' 凌 ').map((row) => row[0])).toEqual(['闻凌世']);
    expect(filterRows(table, '')).toEqual(table.rows);
    // A number in another column is not a name.
    expect(filterRows(table, '10')).toEqual([]);
  });
});
