// 考核设置 as the chief editor and the admin meet it (issue 34): the center's point rules (a bad value
// refused in Chinese with nothing changed, then a change saved), 结账 of last month (in the audit log;
// a second close, from a page opened by 127.0.0.2 before the first, refused), and the admin setting a
// person's 部门. The new screens are kept at 1,400 and 390 px; nothing scrolls sideways on a phone.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { isoDateIn } from '../lib/dates/time-zone';
import { readPointRules } from '../lib/stats/months';
import { monthPeriod, shiftMonth } from '../lib/stats/period';
import { DEFAULT_POINT_RULES } from '../lib/stats/points';
import { E2E_PORT } from '../playwright.config';
import { formAlert, provisionAccount, signedInPage, signIn } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';
import { SCREENS_DIR, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';

const CHIEF = { name: '籍秋实', email: 'jiqiushi@e2e.test', role: '总编', password: 'Ihsuiqij-pass-1' };
const REPORTER = { name: '穆晴川', email: 'muqingchuan@e2e.test', role: '记者', password: 'Nauhcgniqum-pass-1' };
const NEWCOMER = { name: '闻知远', email: 'wenzhiyuan@e2e.test' };
// The chief editor's second browser opens the newsroom by another loopback address, as a LAN address would.
const SECOND_ORIGIN = `http://127.0.0.2:${E2E_PORT}`;

const THIS_MONTH = isoDateIn(new Date()).slice(0, 7);
const LAST_MONTH = shiftMonth(THIS_MONTH, -1);
const label = (month: string) => {
  const period = monthPeriod(month);
  if (!period.ok) throw new Error(period.error);
  return period.period.label;
};

async function keepScreens(page: Page, name: string): Promise<void> {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`), fullPage: true });
    if (width === 390) {
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await sidewaysScrollBoxes(page)).toEqual([]);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(async () => {
  // The journeys share one database: a retried run starts from the default rules and last month open.
  await withDb(async (db) => {
    await db.statsRules.deleteMany();
    await db.statsMonth.deleteMany({ where: { month: LAST_MONTH } });
  });
});

test('the chief editor changes the point rules and closes last month; a second close is refused', async ({
  browser,
}) => {
  await provisionAccount(browser, CHIEF);
  const { page, context } = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await page.getByRole('link', { name: '考核设置' }).click();
  await expect(page.getByRole('heading', { name: '考核设置', level: 1 })).toBeVisible();
  await expect(page.getByText('修改后的规则用于所有还没有结账的月份')).toBeVisible();

  // A negative value: refused in Chinese, naming the box; nothing is saved.
  await page.getByLabel('每张图片').fill('-1');
  await page.getByRole('button', { name: '保存计分规则' }).click();
  await expect(formAlert(page)).toHaveText('「每张图片」不能为负数');
  expect(await withDb((db) => db.statsRules.count())).toBe(0);
  expect(
    await withDb((db) => db.auditEvent.count({ where: { action: 'stats.rules', actor: { email: CHIEF.email } } })),
  ).toBe(0);

  // A real change: 2 points → 4 in print for 500+ characters, a fourth band, 30 元 per 千字.
  await page.getByLabel('每张图片').fill('0.5');
  await page.getByLabel('第 2 档见报（分）').fill('4');
  await page.getByRole('button', { name: '添加字数档次' }).click();
  await page.getByLabel('第 4 档起始字数').fill('3000');
  await page.getByLabel('第 4 档见报（分）').fill('5');
  await page.getByLabel('第 4 档仅网络（分）').fill('2.5');
  await page.getByLabel('每千字稿费').fill('30');
  await page.getByRole('button', { name: '保存计分规则' }).click();
  await expect(page.getByRole('status').filter({ hasText: '计分规则已保存' })).toBeVisible();
  expect(await withDb((db) => readPointRules(db))).toEqual({
    ...DEFAULT_POINT_RULES,
    bands: [
      { minChars: 0, print: 1, web: 0.5 },
      { minChars: 500, print: 4, web: 1 },
      { minChars: 1500, print: 3, web: 1.5 },
      { minChars: 3000, print: 5, web: 2.5 },
    ],
    feePerThousandChars: 30,
  });
  await page.reload();
  await expect(page.getByLabel('第 4 档起始字数')).toHaveValue('3000');
  await expect(page.getByLabel('每千字稿费')).toHaveValue('30');

  // A second browser, by 127.0.0.2, opens the page while last month is still open.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, CHIEF.email, CHIEF.password, `${SECOND_ORIGIN}/login`);
  await expect(second).toHaveURL(`${SECOND_ORIGIN}/newsroom`);
  await second.goto(`${SECOND_ORIGIN}/newsroom/admin/settings/stats`);
  const staleRow = second.getByTestId(`month-${LAST_MONTH}`);
  await expect(staleRow).toContainText('未结账');

  // This month is not over: no 结账 button.
  await expect(page.getByTestId(`month-${THIS_MONTH}`)).toContainText('未结账（本月还没有结束）');
  await expect(page.getByTestId(`month-${THIS_MONTH}`).getByRole('button')).toHaveCount(0);

  await keepScreens(page, 'stats-settings');

  const row = page.getByTestId(`month-${LAST_MONTH}`);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `结账 ${label(LAST_MONTH)}` }).click();
  await expect(row).toContainText(`已结账（${CHIEF.name}，`);
  await expect(row.getByRole('button')).toHaveCount(0);
  expect(await withDb((db) => db.statsMonth.count({ where: { month: LAST_MONTH } }))).toBe(1);

  // The page opened before the close offers it still; the server refuses it in Chinese.
  second.once('dialog', (dialog) => void dialog.accept());
  await staleRow.getByRole('button', { name: `结账 ${label(LAST_MONTH)}` }).click();
  await expect(formAlert(second)).toHaveText(`${label(LAST_MONTH)}已经结账`);
  expect(await withDb((db) => db.statsMonth.count({ where: { month: LAST_MONTH } }))).toBe(1);
  await second.context().close();
  await context.close();

  // The admin finds the close in the audit log.
  const { page: admin, context: adminContext } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.goto('/newsroom/admin/audit?action=stats.close');
  const event = admin.getByRole('row').filter({ hasText: '考核月份结账' }).filter({ hasText: LAST_MONTH });
  await expect(event.first()).toContainText(CHIEF.name);
  await adminContext.close();
});

test('the admin sets a person’s 部门 from the names in use, and the accounts list shows it', async ({ browser }) => {
  await provisionAccount(browser, REPORTER);
  await withDb(async (db) => {
    await db.user.update({ where: { email: REPORTER.email }, data: { department: null } });
    // A colleague's 部门 the box suggests.
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { department: '采访部' } });
  });
  const { page, context } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/newsroom/admin/users?q=${encodeURIComponent(REPORTER.name)}`);
  await page.getByRole('link', { name: REPORTER.name }).click();
  await expect(page.getByTestId('account-department')).toHaveText('未设');
  await expect(page.locator('#department-names option[value="采访部"]')).toHaveCount(1);

  await page.getByRole('combobox', { name: '部门' }).fill('采访部');
  await page.getByRole('button', { name: '修改部门' }).click();
  await expect(page.getByRole('status').filter({ hasText: '部门已修改' })).toBeVisible();
  await expect(page.getByTestId('account-department')).toHaveText('采访部');
  expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { email: REPORTER.email } }))).department).toBe(
    '采访部',
  );
  await keepScreens(page, 'account-department');

  await page.goto(`/newsroom/admin/users?q=${encodeURIComponent(REPORTER.name)}`);
  await expect(page.getByRole('row').filter({ hasText: REPORTER.name })).toContainText('采访部');
  await keepScreens(page, 'accounts-list');

  // A new account gets its 部门 as it is made, from the same names.
  await withDb(async (db) => {
    await db.authToken.deleteMany({ where: { user: { email: NEWCOMER.email } } });
    await db.user.deleteMany({ where: { email: NEWCOMER.email } });
  });
  const create = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
  await create.getByLabel('姓名').fill(NEWCOMER.name);
  await create.getByLabel('邮箱').fill(NEWCOMER.email);
  await expect(create.locator('#new-department-names option[value="采访部"]')).toHaveCount(1);
  await create.getByRole('combobox', { name: '部门' }).fill('采访部');
  await create.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByTestId('one-time-link')).toBeVisible();
  expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { email: NEWCOMER.email } }))).department).toBe(
    '采访部',
  );
  await withDb((db) => db.user.update({ where: { email: E2E_ADMIN.email }, data: { department: null } }));
  await context.close();
});
