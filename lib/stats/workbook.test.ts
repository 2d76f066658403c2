import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { contributorFigures, departmentTotals, type StatsArticle } from './figures';
import { DEFAULT_POINT_RULES } from './points';
import { contributorTable, departmentTable } from './tables';
import { statsCsv, statsWorkbook } from './workbook';

const articles: StatsArticle[] = [
  {
    id: 'a',
    characters: 1600,
    photos: 2,
    credits: [
      { userId: 'u1', name: '王一鸣', label: '记者' },
      { userId: null, name: '闻凌世', label: '通讯员' },
    ],
    placements: [{ page: 1, position: 0 }],
    channels: 1,
    reads: 1200,
    retracted: false,
    reviews: new Map([[1, 2 * 3_600_000]]),
    editors: ['u2'],
  },
];
const people = contributorFigures(
  articles,
  { ...DEFAULT_POINT_RULES, feePerPoint: 10 },
  new Map([
    ['u1', { name: '王一鸣', department: '采访部' }],
    ['u2', { name: '刘编', department: '编辑部' }],
  ]),
);
const tables = [contributorTable(people), departmentTable(departmentTotals(people))];

describe('statsWorkbook', () => {
  it('opens in a reader library with one sheet per view, Chinese headers frozen, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await statsWorkbook('2026年11月 稿件考核', tables);
    // exceljs reads an ArrayBuffer (its typings' `Buffer`).
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['个人', '部门']);
    const sheet = workbook.getWorksheet('个人')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['姓名', '部门', '记者（篇）']);
    const wang = (sheet.getRow(2).values as unknown[]).slice(1);
    const column = (name: string) => wang[header.indexOf(name)];
    // By hand: band 1500+ in print 3 + photos 1 + 头版 1 + 头条 1 + reach 1 + channel 0.5 = 7.5, halved.
    expect(column('姓名')).toBe('王一鸣');
    expect(column('字数')).toBe(1600);
    expect(column('阅读数')).toBe(1200);
    expect(column('分数')).toBe(3.75);
    expect(column('稿费（元）')).toBe(37.5);
    expect(column('初审（小时）')).toBe(2);
    expect(column('版次')).toBe('1版×1');
    expect(column('编辑（篇）')).toBe(0);
    const editor = (sheet.getRow(4).values as unknown[]).slice(1);
    expect([editor[0], editor[header.indexOf('编辑（篇）')], editor[header.indexOf('分数')]]).toEqual(['刘编', 1, 0]);
    const departments = workbook.getWorksheet('部门')!;
    expect((departments.getRow(2).values as unknown[]).slice(1)).toEqual(['采访部', 1, 1, 1600, 2, 1200, 3.75, 37.5]);
  });
});

describe('statsCsv', () => {
  it('writes the same table as CSV with a BOM', () => {
    const csv = statsCsv(tables[1]!);
    expect(csv.startsWith('\uFEFF部门,人数,')).toBe(true);
    expect(csv).toContain('采访部,1,1,1600,2,1200,3.75,37.5\r\n');
    expect(csv).toContain('未设部门,1,1,1600,2,1200,3.75,37.5\r\n');
  });
});
