// 稿件考核 (issue 34): a reporter sees only their own row; an editor (here by 127.0.0.2, a LAN address)
// sees everyone, sorts and filters the table, sees the charts drawn, and downloads the month as an .xlsx
// (opened with exceljs: numbers are numbers, the header row frozen) and as CSV; bad export parameters
// get a Chinese 400. Screens at 1,400 and 390 px. The month is March 2019, before the sample issue, so
// no other journey's stories fall in it and its stories sort last on every reader list.
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { E2E_PORT } from '../playwright.config';
import { addPublishedArticle, type StatsCredit } from '../test/support/stats-month';
import { provisionAccount, signInAndExpect } from './support/auth';
import { withDb } from './support/database';
import { keepScreenshot, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';

const REPORTER = { name: '考核记者', email: 'stats-reporter@e2e.test', role: '记者', password: 'Rehtroper-stats-1' };
const EDITOR = { name: '考核编辑', email: 'stats-editor@e2e.test', role: '编辑', password: 'Rotide-stats-pass-1' };
const MONTH = '2019-03';
const LAN = `http://127.0.0.2:${E2E_PORT}`;

test.describe.configure({ mode: 'serial' });

/** The month's stories, once (a retried spec finds them made). */
async function seedMonth(): Promise<void> {
  await withDb(async (db) => {
    if (await db.article.findUnique({ where: { slug: 'stats-e2e-1' } })) return;
    const reporter = await db.user.findUniqueOrThrow({ where: { email: REPORTER.email } });
    const editor = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
    await db.user.update({ where: { id: reporter.id }, data: { department: '采访部' } });
    await db.user.update({ where: { id: editor.id }, data: { department: '编辑部' } });
    const { id: publicationId } = await db.publication.findFirstOrThrow();
    // An empty id: a name credited without an account.
    const credit = (user: { id: string; name: string }, label = '记者'): StatsCredit => ({
      userId: user.id || null,
      name: user.name,
      label,
    });
    const reads = (...days: [number, number][]) =>
      days.map(([day, count]) => ({ day: `2019-03-${String(day).padStart(2, '0')}`, count }));
    const articles = [
      { day: 2, characters: 1600, credits: [credit(reporter), credit({ id: '', name: '通讯员丙' }, '通讯员')] },
      { day: 10, characters: 300, credits: [credit(editor), credit({ id: '', name: '摄影丁' }, '摄影')] },
      { day: 20, characters: 700, credits: [credit(reporter)] },
    ];
    const readsOf = [reads([2, 800], [3, 400]), reads([10, 50]), []];
    for (const [index, article] of articles.entries())
      await addPublishedArticle(db, publicationId, {
        slug: `stats-e2e-${index + 1}`,
        headline: `考核测试稿${index + 1}`,
        publishedAt: new Date(Date.UTC(2019, 2, article.day, 2)),
        characters: article.characters,
        credits: article.credits,
        reads: readsOf[index],
      });
  });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await provisionAccount(browser, REPORTER);
  await provisionAccount(browser, EDITOR);
  await seedMonth();
});

async function signedInAt(browser: Browser, account: typeof REPORTER, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await signInAndExpect(page, account.email, account.password, /\/newsroom$/);
  return page;
}

/** Whether any script loaded while `navigate` runs is ECharts (its core names each chart's DOM node so). */
async function echartsLoaded(page: Page, navigate: () => Promise<unknown>): Promise<boolean> {
  const scripts: Promise<string>[] = [];
  const collect = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  };
  page.on('response', collect);
  await navigate();
  page.off('response', collect);
  return (await Promise.all(scripts)).some((text) => text.includes('_echarts_instance_'));
}

const peopleRows = (page: Page) => page.getByRole('table', { name: /每人|我的/ }).locator('tbody tr');
const firstCells = (page: Page) => peopleRows(page).locator('td:first-child').allTextContents();

test('a reporter sees only their own row, by the navigation and the month picker', async ({ browser }) => {
  const page = await signedInAt(browser, REPORTER);
  await page.getByRole('navigation', { name: '采编导航' }).getByRole('link', { name: '稿件考核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '稿件考核' })).toBeVisible();
  await page.getByLabel('月份').fill(MONTH);
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page).toHaveURL(/month=2019-03/);
  await expect(page.getByText('2019年3月')).toBeVisible();
  expect(await firstCells(page)).toEqual(['考核记者']);
  await expect(page.getByRole('table', { name: /各部门合计/ })).toHaveCount(0);
  for (const other of ['考核编辑', '通讯员丙', '摄影丁']) await expect(page.getByText(other)).toHaveCount(0);
  // Their own export holds their own row only.
  const csv = await (await page.request.get(`/newsroom/stats/export?month=${MONTH}&format=csv`)).text();
  expect(csv).toContain('考核记者');
  expect(csv).not.toContain('考核编辑');
  // The 部门 totals are not theirs to export.
  expect((await page.request.get(`/newsroom/stats/export?month=${MONTH}&format=csv&view=departments`)).status()).toBe(
    403,
  );
  await page.context().close();
});

test('an editor sorts, filters, sees the charts and exports the month by a LAN address', async ({ browser }) => {
  const page = await signedInAt(browser, EDITOR, LAN);
  // ECharts reaches this page only: the dashboard loads no script of it, the 考核 page does.
  await page.goto('/newsroom');
  expect(await echartsLoaded(page, () => page.reload({ waitUntil: 'networkidle' }))).toBe(false);
  expect(
    await echartsLoaded(page, () => page.goto(`/newsroom/stats?month=${MONTH}`, { waitUntil: 'networkidle' })),
  ).toBe(true);
  expect(page.url().startsWith(LAN)).toBe(true);
  expect((await firstCells(page)).sort()).toEqual(['摄影丁', '考核编辑', '考核记者', '通讯员丙'].sort());

  // Sorting: 字数 from the largest, then (clicked again) from the smallest.
  const table = page.getByRole('table', { name: /每人/ });
  const header = table.getByRole('columnheader', { name: '字数' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect((await firstCells(page))[0]).toBe('考核记者');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect((await firstCells(page)).slice(0, 2).sort()).toEqual(['摄影丁', '考核编辑'].sort());

  // Filtering by 部门 and by name.
  await page.getByLabel('按姓名或部门筛选').fill('采访部');
  expect(await firstCells(page)).toEqual(['考核记者']);
  await page.getByLabel('按姓名或部门筛选').fill('丙');
  expect(await firstCells(page)).toEqual(['通讯员丙']);
  await page.getByLabel('按姓名或部门筛选').fill('');
  await expect(peopleRows(page)).toHaveCount(4);
  await expect(page.getByRole('table', { name: /各部门合计/ })).toBeVisible();

  // The charts, drawn by ECharts in the browser, each an image with its summary.
  await expect(page.locator('[data-chart="每人分数"] svg').first()).toBeVisible();
  await expect(page.locator('[data-chart="每日阅读数"] svg').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /每日阅读数：31 天共阅读 1250 次/ })).toBeVisible();

  // The workbook: one sheet per view, header frozen, numbers as numbers.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('stats-2019-03.xlsx');
  const workbook = new ExcelJS.Workbook();
  const bytes = fs.readFileSync((await xlsx.path())!);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['个人', '部门']);
  const sheet = workbook.getWorksheet('个人')!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const headerRow = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) =>
    (sheet.getRow(index + 2).values as unknown[]).slice(1),
  );
  const reporterRow = rows.find((row) => row[0] === '考核记者')!;
  const cell = (name: string) => reporterRow[headerRow.indexOf(name)];
  expect(cell('字数')).toBe(2300);
  expect(cell('阅读数')).toBe(1200);
  expect(cell('记者（篇）')).toBe(2);
  expect(typeof cell('分数')).toBe('number');

  // The CSV: UTF-8 with a BOM, the same rows.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 CSV' }).click(),
  ]);
  const csv = fs.readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  expect(lines[0]!.slice(0, 3)).toEqual(['姓名', '部门', '记者（篇）']);
  const reporterLine = lines.find((line) => line[0] === '考核记者')!;
  expect(reporterLine[lines[0]!.indexOf('字数')]).toBe('2300');
  expect(lines).toHaveLength(5);

  // Bad parameters: a Chinese 400, nothing exported; the page says what is wrong.
  const refused = await page.request.get('/newsroom/stats/export?month=2019-13&format=xlsx');
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toContain('月份应写成');
  const wrongFormat = await page.request.get(`/newsroom/stats/export?month=${MONTH}&format=pdf`);
  expect(wrongFormat.status()).toBe(400);
  await page.goto('/newsroom/stats?from=2016-01-01&to=2019-03-31');
  await expect(page.getByRole('alert').filter({ hasText: '时间范围不能超过三年' })).toBeVisible();
  await page.context().close();
});

test('the 考核 page at 1,400 and 390 px: nothing scrolls sideways on a phone', async ({ browser }, testInfo) => {
  const page = await signedInAt(browser, EDITOR);
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/newsroom/stats?month=${MONTH}`);
    await expect(page.locator('[data-chart="每人分数"] svg').first()).toBeVisible();
    await keepScreenshot(page, testInfo, `newsroom-stats-${width}`);
    if (width === 390) {
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await sidewaysScrollBoxes(page)).toEqual([]);
    }
  }
  await page.context().close();
});
