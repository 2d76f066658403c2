// The 考核 export (issue 34, deliverable 4): an .xlsx workbook with one sheet per view (exceljs: a
// maintained library that writes real numbers, frozen panes and column widths) and the CSV of one view.
// Numbers stay numbers; the header row is Chinese, bold and frozen.
import ExcelJS from 'exceljs';

import { toCsv } from '../audit/csv';
import type { StatsTable } from './tables';

/** Wide enough for the longest cell, Chinese characters counted double, within 8 to 40. */
function widthOf(table: StatsTable, column: number): number {
  const cells = [table.header[column], ...table.rows.map((row) => row[column])];
  const longest = Math.max(
    ...cells.map((cell) => [...String(cell ?? '')].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0)),
  );
  return Math.min(40, Math.max(8, longest + 2));
}

export async function statsWorkbook(title: string, tables: readonly StatsTable[]): Promise<Buffer<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.creator = '今日柯城 稿件考核';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    table.header.forEach((_, column) => (sheet.getColumn(column + 1).width = widthOf(table, column)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function statsCsv(table: StatsTable): string {
  return toCsv([table.header, ...table.rows]);
}
