import { expect, test, type Page } from '@playwright/test';

import { wallClockSecondsIn } from '../lib/dates/time-zone';
import { submitArticle, workflowStatus, writeArticle } from './support/article';
import { formAlert, provisionAccount, signedInPage } from './support/auth';
import { seriousViolations } from './support/axe';
import { dragToPage } from './support/planner';

const REPORTER = { name: '祝梦婷', email: 'zhumengting@e2e.test', role: '记者', password: 'Gnitgnemuhz-pass-1' };
const EDITOR_A = { name: '吴佳明', email: 'wujiaming@e2e.test', role: '编辑', password: 'Gnimaijuw-pass-12' };
const EDITOR_B = { name: '徐丽华', email: 'xulihua@e2e.test', role: '编辑', password: 'Auhilux-pass-123' };
const CHIEF = { name: '郑国强', email: 'zhengguoqiang@e2e.test', role: '总编', password: 'Gnaiqouggnehz-pass' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

/** Approves from the dashboard's review queue, as a reviewer would. */
async function approveFromQueue(page: Page, headline: string, level: string): Promise<void> {
  await page.goto('/newsroom');
  const row = page.getByTestId('queue-row').filter({ hasText: headline });
  await row.getByRole('button', { name: `${level}通过` }).click();
  await expect(row).toHaveCount(0);
}

async function approveOnArticle(page: Page, url: string, level: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: `${level}通过` }).click();
}

/** The Shanghai wall-clock date and time (to the second) of an instant, as the schedule form takes it. */
function shanghai(instant: Date): { date: string; time: string } {
  return wallClockSecondsIn(instant);
}

test('三审 to a scheduled issue: submitted, 初审, 复审, 签发, placed on page 2, scheduled 10 s ahead, and readers see it only after the time', async ({
  browser,
}) => {
  const headline = '柯城口袋公园全部开放';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const articleUrl = await writeArticle(reporter.page, headline, '全区新建的 12 个口袋公园今天全部向市民开放。');
  await submitArticle(reporter.page);

  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await approveFromQueue(editorA.page, headline, '初审');
  const editorB = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  await approveFromQueue(editorB.page, headline, '复审');
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await approveOnArticle(chief.page, articleUrl, '终审（签发）');
  await expect(workflowStatus(chief.page)).toHaveText('状态：已签发');
  await expect(chief.page.getByRole('list', { name: '审签记录' }).getByRole('listitem')).toHaveCount(3);

  // The editor plans a new issue and drags the story onto page 2.
  const planner = editorA.page;
  await planner.goto('/newsroom/issues');
  const number = await planner.getByLabel('期号').inputValue();
  // The proposal copies the last issue's page count, which a journey before this one may have changed.
  await planner.getByLabel('版数').fill('4');
  await planner.getByRole('button', { name: '新建一期' }).click();
  await expect(planner).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));
  await expect(planner.getByRole('list', { name: '发布阻碍' })).toContainText('这一期还没有排稿');
  await dragToPage(planner, headline, 2);
  await expect(planner.getByText('所有稿件都已签发，可以发布。')).toBeVisible();

  const preview = await editorA.context.newPage();
  await preview.goto(`/newsroom/issues/${number}/preview/2`);
  await expect(preview.getByRole('heading', { level: 3, name: headline })).toBeVisible();
  await preview.close();

  const at = new Date(Date.now() + 10_000);
  const wall = shanghai(at);
  await planner.getByRole('radio', { name: '定时' }).check();
  await planner.locator('#issue-publish-date').fill(wall.date);
  await planner.locator('#issue-publish-time').fill(wall.time);
  await planner.getByRole('button', { name: '发布本期' }).click();
  await expect(planner.getByTestId('issue-state')).toContainText('定时于');

  const readers = await browser.newContext();
  const reader = await readers.newPage();
  const early = await reader.goto(`/issues/${number}/pages/2`);
  expect(Date.now()).toBeLessThan(at.getTime());
  expect(early?.status()).toBe(404);

  await reader.waitForTimeout(Math.max(0, at.getTime() - Date.now()) + 1000);
  const late = await reader.goto(`/issues/${number}/pages/2`);
  expect(late?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 3, name: headline })).toBeVisible();
  await reader.getByRole('link', { name: headline }).click();
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  for (const context of [reporter.context, editorA.context, editorB.context, chief.context, readers])
    await context.close();
});

test('a returned story goes back to its reporter with the reason and comes back through 初审', async ({ browser }) => {
  const headline = '衢江柯城段清淤完成';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const articleUrl = await writeArticle(reporter.page, headline, '衢江柯城段清淤工程完工。');
  await submitArticle(reporter.page);

  const editor = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await editor.page.goto(articleUrl);
  await editor.page.getByRole('button', { name: '退回修改' }).click();
  await expect(formAlert(editor.page)).toContainText('退回时请写明原因');
  await editor.page.getByLabel('退回原因（必填）').fill('请补充清淤土方量和工期');
  await editor.page.getByRole('button', { name: '退回修改' }).click();
  await expect(workflowStatus(editor.page)).toHaveText('状态：已退回');
  await editor.page.getByLabel('写下意见').fill('数据可向区治水办核实');
  await editor.page.getByRole('button', { name: '发表意见' }).click();
  await expect(editor.page.getByRole('list', { name: '意见' })).toContainText('数据可向区治水办核实');

  await reporter.page.reload();
  await expect(workflowStatus(reporter.page)).toHaveText('状态：已退回');
  expect(await seriousViolations(reporter.page, 'story page')).toEqual([]);
  await expect(reporter.page.getByRole('list', { name: '审签记录' })).toContainText('退回：请补充清淤土方量和工期');
  await expect(reporter.page.getByRole('list', { name: '意见' })).toContainText(`数据可向区治水办核实`);
  await reporter.page.getByRole('textbox', { name: '正文' }).click();
  await reporter.page.keyboard.press('End');
  await reporter.page.keyboard.type('共清淤 3.2 万立方米，历时 45 天。');
  await expect(reporter.page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  await submitArticle(reporter.page);

  await editor.page.goto('/newsroom');
  expect(await seriousViolations(editor.page, 'dashboard with the review queue')).toEqual([]);
  await approveFromQueue(editor.page, headline, '初审');

  // A change after 初审 voids it and sends the story back to 初审; the history says so.
  await reporter.page.reload();
  await reporter.page.getByRole('textbox', { name: '正文' }).click();
  await reporter.page.keyboard.press('End');
  await reporter.page.keyboard.type('工程总投资 1800 万元。');
  await expect(reporter.page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  await editor.page.goto(articleUrl);
  await expect(workflowStatus(editor.page)).toHaveText('状态：审核中（待初审）');
  const history = editor.page.getByRole('list', { name: '审签记录' });
  await expect(history).toContainText(`${REPORTER.name} 修改了稿件，从初审起重新审核`);
  await expect(history.getByRole('listitem').filter({ hasText: `初审 · ${EDITOR_A.name} · 通过` })).toContainText(
    '（修改后作废）',
  );
  await reporter.context.close();
  await editor.context.close();
});

test('an editor cannot sign off a story they wrote', async ({ browser }) => {
  const editor = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  await writeArticle(editor.page, '柯城区召开安全生产会议', '会议部署了冬季安全生产工作。');
  await submitArticle(editor.page);
  await editor.page.getByRole('button', { name: '初审通过' }).click();
  await expect(formAlert(editor.page)).toContainText('不能审核自己的稿件');
  await editor.page.reload();
  await expect(workflowStatus(editor.page)).toHaveText('状态：审核中（待初审）');
  await editor.page.goto('/newsroom');
  await expect(editor.page.getByTestId('queue-row').filter({ hasText: '柯城区召开安全生产会议' })).toHaveCount(0);
  await editor.context.close();
});

test('readers see a correction under the story, and a retraction replaces it with a notice', async ({ browser }) => {
  const headline = '柯城新增三条公交线路';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const articleUrl = await writeArticle(reporter.page, headline, '柯城新增 3 条公交线路，方便市民出行。');
  await submitArticle(reporter.page);
  await reporter.context.close();
  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await approveOnArticle(editorA.page, articleUrl, '初审');
  await expect(workflowStatus(editorA.page)).toHaveText('状态：审核中（待复审）');
  const editorB = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  await approveOnArticle(editorB.page, articleUrl, '复审');
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await approveOnArticle(chief.page, articleUrl, '终审（签发）');
  await expect(workflowStatus(chief.page)).toHaveText('状态：已签发');

  // A web-only story: published on its own, at once.
  const editor = editorA.page;
  await editor.goto(articleUrl);
  await editor.getByRole('button', { name: '发布', exact: true }).click();
  await expect(workflowStatus(editor)).toHaveText('状态：已发布');
  const readerHref = await editor.getByRole('link', { name: '在网站上查看' }).getAttribute('href');

  const readers = await browser.newContext();
  const reader = await readers.newPage();
  await reader.goto(readerHref!);
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  await editor.getByLabel('更正内容（读者可见，注明日期）').fill('本文第一段“3 条”应为“4 条”。');
  await editor.getByRole('button', { name: '追加更正' }).click();
  await expect(editor.getByText('更正已公开')).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole('region', { name: '更正' })).toContainText('本文第一段“3 条”应为“4 条”。');

  editor.once('dialog', (dialog) => dialog.accept());
  await editor.getByLabel('撤稿声明（读者可见）').fill('本文信息有误，已撤稿。');
  await editor.getByRole('button', { name: '撤稿' }).click();
  await expect(workflowStatus(editor)).toHaveText('状态：已撤稿');
  const gone = await reader.goto(readerHref!);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole('heading', { name: '本文已撤稿' })).toBeVisible();
  await expect(reader.getByText('撤稿说明：本文信息有误，已撤稿。')).toBeVisible();
  await reader.goto(`/search?q=${encodeURIComponent('公交线路')}`);
  await expect(reader.getByRole('link', { name: headline })).toHaveCount(0);

  for (const context of [editorA.context, editorB.context, chief.context, readers]) await context.close();
});

test('the planner works from the keyboard: place, reorder and continue a story onto another page, and it lists what blocks publishing', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  for (const headline of ['柯城老旧小区改造启动', '柯城冬季送温暖活动']) {
    await writeArticle(reporter.page, headline, `${headline}，相关工作全面展开。`);
    await submitArticle(reporter.page);
  }
  await reporter.context.close();

  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await page.goto('/newsroom/issues');
  const number = await page.getByLabel('期号').inputValue();
  await page.getByLabel('版数').fill('4');
  await page.getByRole('button', { name: '新建一期' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));

  for (const headline of ['柯城老旧小区改造启动', '柯城冬季送温暖活动']) {
    const menu = page.getByLabel(`把《${headline}》排到`);
    await menu.focus();
    await menu.selectOption({ label: '第1版：要闻' });
    await expect(page.getByRole('status').filter({ hasText: `《${headline}》已排到第1版` })).toBeVisible();
  }
  const front = page.getByTestId('page-1').getByTestId('board-story');
  await expect(front).toHaveText([/柯城老旧小区改造启动/, /柯城冬季送温暖活动/]);

  await page.getByRole('button', { name: '上移《柯城冬季送温暖活动》' }).focus();
  await page.keyboard.press('Enter');
  await expect(front).toHaveText([/柯城冬季送温暖活动/, /柯城老旧小区改造启动/]);

  await page.getByLabel('《柯城冬季送温暖活动》下转到').selectOption({ label: '第3版：综合' });
  await expect(page.getByTestId('page-3').getByTestId('board-story')).toContainText('（续）柯城冬季送温暖活动');
  await expect(page.getByRole('list', { name: '发布阻碍' })).toContainText(
    '《柯城冬季送温暖活动》：审核中（待初审），还没有终审（签发）',
  );

  await page.goto(`/newsroom/issues/${number}/preview/1`);
  await expect(page.getByText('（下转第3版）')).toBeVisible();
  await page.getByRole('link', { name: '第3版：综合' }).click();
  await expect(page.getByRole('link', { name: /（上接第1版）\s*柯城冬季送温暖活动/ })).toBeVisible();

  // Publishing is refused while a story lacks its final sign-off; nothing changes.
  await page.goto(`/newsroom/issues/${number}`);
  expect(await seriousViolations(page, 'planner board')).toEqual([]);
  await page.getByRole('button', { name: '发布本期' }).click();
  await expect(formAlert(page)).toContainText(`第${number}期还不能发布`);
  await expect(page.getByTestId('issue-state')).toHaveText('筹备中。');
  await context.close();
});
