// The 考核 views as tables (issue 34): one header row of Chinese column names and rows of plain values,
// numbers as numbers. The page, the workbook (workbook.ts) and the CSV all read these, so a column is
// named and computed once. Pure.
import { CREDIT_ROLES } from './credit-role';
import type { ContributorFigures, DepartmentTotals } from './figures';

export type Cell = string | number;
export type StatsTable = { name: string; header: string[]; rows: Cell[][] };

/** Review levels as the newsroom names them (1 to 3; a publication may require fewer). */
const LEVELS: readonly [number, string][] = [
  [1, '初审'],
  [2, '复审'],
  [3, '终审'],
];

/** 版次: the pages of their stories, "1版×2 3版×1". */
function pagesText(pages: Record<number, number>): string {
  return Object.entries(pages)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([page, count]) => `${page}版×${count}`)
    .join(' ');
}

export function contributorTable(people: readonly ContributorFigures[]): StatsTable {
  return {
    name: '个人',
    header: [
      '姓名',
      '部门',
      ...CREDIT_ROLES.map((role) => `${role}（篇）`),
      '编辑（篇）',
      '稿件（篇）',
      '字数',
      '图片（张）',
      '头版（篇）',
      '头条（篇）',
      '版次',
      '渠道（次）',
      '阅读数',
      '分数',
      '稿费（元）',
      ...LEVELS.map(([, name]) => `${name}（小时）`),
    ],
    rows: people.map((person) => [
      person.name,
      person.department ?? '',
      ...CREDIT_ROLES.map((role) => person.byRole[role]),
      person.edited ?? '',
      person.articles,
      person.characters,
      person.photos,
      person.frontPage,
      person.leads,
      pagesText(person.pages),
      person.channels,
      person.reads,
      person.points,
      person.fee,
      ...LEVELS.map(([level]) => person.reviewHours.get(level) ?? ''),
    ]),
  };
}

export function departmentTable(departments: readonly DepartmentTotals[]): StatsTable {
  return {
    name: '部门',
    header: ['部门', '人数', '稿件（篇）', '字数', '图片（张）', '阅读数', '分数', '稿费（元）'],
    rows: departments.map((total) => [
      total.department,
      total.people,
      total.articles,
      total.characters,
      total.photos,
      total.reads,
      total.points,
      total.fee,
    ]),
  };
}

/** A view's tables: each person, then (for those who see everyone) the totals per 部门. */
export function viewTables(view: {
  people: readonly ContributorFigures[];
  departments: readonly DepartmentTotals[];
  everyone: boolean;
}): StatsTable[] {
  const people = contributorTable(view.people);
  return view.everyone ? [people, departmentTable(view.departments)] : [people];
}
