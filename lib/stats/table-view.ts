// Sorting and filtering a 考核 table on the page (issue 34): click a column header to sort by it (again
// to reverse), type a name or 部门 to keep the matching rows. Pure, so the rule is tested apart from
// the page's client component.
import type { Cell, StatsTable } from './tables';

export type SortDirection = 'ascending' | 'descending';
export type TableSort = { column: number; direction: SortDirection } | null;

/** Empty cells (a review level no story reached) sort after every value, whichever the direction. */
function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh');
}

const isEmpty = (cell: Cell | undefined) => cell === undefined || cell === '';

export function sortRows(rows: readonly Cell[][], sort: TableSort): Cell[][] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((rowA, rowB) => {
    const a = rowA[sort.column];
    const b = rowB[sort.column];
    if (isEmpty(a) || isEmpty(b)) return Number(isEmpty(a)) - Number(isEmpty(b));
    return sign * compareCells(a!, b!);
  });
}

/**
 * The sort after clicking `column`: a new column sorts numbers from the largest (who did most) and text
 * from A/一; the same column again reverses.
 */
export function nextSort(current: TableSort, column: number, numeric: boolean): TableSort {
  if (current?.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: numeric ? 'descending' : 'ascending' };
}

/** Rows whose name or 部门 (the columns called so) contain `query`, case and spaces ignored. */
export function filterRows(table: StatsTable, query: string): Cell[][] {
  const wanted = query.replace(/\s+/g, '').toLowerCase();
  if (!wanted) return table.rows;
  const columns = ['姓名', '部门'].map((name) => table.header.indexOf(name)).filter((index) => index >= 0);
  return table.rows.filter((row) => columns.some((index) => String(row[index]).toLowerCase().includes(wanted)));
}

/** A column holds numbers when its first non-empty cell does (tables.ts keeps a column one type). */
export function isNumericColumn(table: StatsTable, column: number): boolean {
  const cell = table.rows.map((row) => row[column]).find((value) => !isEmpty(value));
  return typeof cell === 'number';
}
