// The newsroom's screens at desktop (1400 px) and phone (390 px) width: screenshots kept for people to
// look at (test-results/screens and the report's attachments), and checks that fail the run: a page
// that scrolls sideways on a phone (or hides part of itself in a sideways scroll box), and a planner
// headline narrower than 8 characters.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { submitArticle, workflowStatus, writeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { keepScreenshot, narrowHeadlines, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';

const REPORTER = { name: '严嘉慧', email: 'visual-yanjiahui@e2e.test', role: '记者', password: 'yanjiahui-pass-1' };
const EDITOR_A = { name: '徐敏', email: 'visual-xumin@e2e.test', role: '编辑', password: 'xumin-pass-1234' };
const EDITOR_B = { name: '方晓燕', email: 'visual-fangxiaoyan@e2e.test', role: '编辑', password: 'fangxiaoyan-pass-1' };
const CHIEF = { name: '叶建华', email: 'visual-yejianhua@e2e.test', role: '总编', password: 'yejianhua-pass-12' };

const SCHEDULED = '柯城新年音乐会门票今起开售';
const IN_REVIEW = '柯城新增两处口袋公园，市民家门口就能健身';
const AT_2030 = '定时 2030-01-01 08:00';
const IMPORT_FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/imports/issue-1732.txt');
const WIDTHS = [1400, 390] as const;

test.describe.configure({ mode: 'serial' });

async function writeAndSubmit(page: Page, headline: string, text: string): Promise<string> {
  const url = await writeArticle(page, headline, text);
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存 \d{2}:\d{2}$/, { timeout: 15_000 });
  await submitArticle(page);
  return url;
}

async function approve(page: Page, url: string, level: string, after: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: `${level}通过` }).click();
  await expect(workflowStatus(page)).toHaveText(`状态：${after}`);
}

async function newIssue(page: Page): Promise<string> {
  await page.goto('/newsroom/issues');
  const number = await page.getByLabel('期号').inputValue();
  await page.getByRole('button', { name: '新建一期' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));
  return number;
}

async function placeOnFrontPage(page: Page, headline: string): Promise<void> {
  await page.getByLabel(`把《${headline}》排到`).selectOption({ label: '第1版：要闻' });
  await expect(page.getByTestId('page-1').getByTestId('board-story')).toContainText(headline);
}

type Screen = { name: string; path: string; planner?: boolean; ready: (page: Page) => Promise<void> };

let articleUrl = '';
let planningIssue = '';
let scheduledIssue = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  articleUrl = await writeAndSubmit(
    reporter.page,
    SCHEDULED,
    '新年音乐会将于元旦晚上在柯城区文化中心上演，门票今起在线开售。',
  );
  await writeAndSubmit(reporter.page, IN_REVIEW, '两处口袋公园配有健身器材和儿童游乐设施，本周末向市民开放。');
  await reporter.context.close();

  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  const editorB = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await approve(editorA.page, articleUrl, '初审', '审核中（待复审）');
  await approve(editorB.page, articleUrl, '复审', '审核中（待终审（签发））');
  await approve(chief.page, articleUrl, '终审（签发）', '已签发');

  // One issue scheduled for 2030 carrying the signed story, one in planning with the story in review.
  const planner = editorA.page;
  scheduledIssue = await newIssue(planner);
  await placeOnFrontPage(planner, SCHEDULED);
  await planner.getByRole('radio', { name: '定时' }).check();
  await planner.locator('#issue-publish-date').fill('2030-01-01');
  await planner.locator('#issue-publish-time').fill('08:00:00');
  await planner.getByRole('button', { name: '发布本期' }).click();
  await expect(planner.getByTestId('issue-state')).toContainText('定时于 2030-01-01 08:00');
  planningIssue = await newIssue(planner);
  await placeOnFrontPage(planner, IN_REVIEW);
  for (const context of [editorA.context, editorB.context, chief.context]) await context.close();
});

test('a story scheduled for 2030 reads 定时 with its time on the dashboard, the story page and the board, never 已发布', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  const scheduledList = page.getByRole('table', { name: '定时发布的稿件' });
  const row = scheduledList.getByRole('row').filter({ hasText: SCHEDULED });
  await expect(row).toContainText(AT_2030);
  await expect(row).not.toContainText('已发布');
  await expect(
    page
      .getByRole('region', { name: /近期期次/ })
      .getByRole('listitem')
      .filter({ hasText: `第${scheduledIssue}期` }),
  ).toContainText(AT_2030);

  await page.goto(articleUrl);
  await expect(workflowStatus(page)).toHaveText(`状态：${AT_2030}`);

  await page.goto(`/newsroom/issues/${scheduledIssue}`);
  await expect(page.getByTestId('issue-label')).toHaveText(AT_2030);
  await expect(page.getByTestId('board-story').filter({ hasText: SCHEDULED })).toContainText(AT_2030);

  await page.goto('/newsroom/issues/1705');
  await expect(page.getByTestId('issue-label')).toHaveText('已发布');
  await expect(page.getByTestId('board-story').first()).toContainText('已发布');
  await context.close();
});

test('screens at 1400 px and 390 px: kept as screenshots; no page scrolls sideways on a phone and board headlines stay readable', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  const screens: Screen[] = [
    {
      name: 'dashboard',
      path: '/newsroom',
      ready: (p) => expect(p.getByRole('heading', { name: '工作台' })).toBeVisible(),
    },
    {
      name: 'review-queue',
      path: '/newsroom#queue-heading',
      ready: (p) => expect(p.getByTestId('queue-row').filter({ hasText: IN_REVIEW })).toBeVisible(),
    },
    {
      name: 'story-editor',
      path: articleUrl,
      ready: (p) => expect(p.getByTestId('save-status')).toHaveText(/^已保存/),
    },
    {
      name: 'planning-board',
      path: `/newsroom/issues/${planningIssue}`,
      planner: true,
      ready: (p) => expect(p.getByTestId('board-story').first()).toBeVisible(),
    },
    {
      name: 'scheduled-board',
      path: `/newsroom/issues/${scheduledIssue}`,
      planner: true,
      ready: (p) => expect(p.getByTestId('board-story').first()).toBeVisible(),
    },
    {
      name: 'published-board',
      path: '/newsroom/issues/1705',
      planner: true,
      ready: (p) => expect(p.getByTestId('board-story').first()).toBeVisible(),
    },
  ];
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const screen of screens) {
      await page.goto(screen.path);
      await screen.ready(page);
      problems.push(...(await checks(page, `${screen.name} at ${width} px`, width, screen.planner)));
      const target = screen.name === 'review-queue' ? page.getByRole('region', { name: /等我审核/ }) : page;
      await keepScreenshot(target, testInfo, `${screen.name}-${width}`);
    }
    // The import report is shown after an upload, before anything is written.
    await page.goto('/newsroom/issues/import');
    await page.locator('input[type="file"]').setInputFiles(IMPORT_FIXTURE);
    await page.getByRole('button', { name: /预览/ }).click();
    await expect(page.getByText(/第1732期/).first()).toBeVisible();
    problems.push(...(await checks(page, `import-report at ${width} px`, width, false)));
    await keepScreenshot(page, testInfo, `import-report-${width}`);
  }
  await context.close();
  expect(problems).toEqual([]);
});

test('the checks bite: a board squeezed as the published one was, a table wider than a phone and a page wider than a phone are caught', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/newsroom/issues/1705');
  await expect(page.getByTestId('board-story').first()).toBeVisible();
  expect(await narrowHeadlines(page)).toEqual([]);
  // As the published planner was before the fix: a 版 about 40 px wide.
  await page.addStyleTag({ content: '[data-testid="page-1"] { max-width: 40px; }' });
  expect((await narrowHeadlines(page)).length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/newsroom');
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  expect(await sidewaysScrollBoxes(page)).toEqual([]);
  // A table that keeps its desktop width inside a scroll box hides its last columns on a phone.
  await page.addStyleTag({ content: 'table { min-width: 48rem; }' });
  expect((await sidewaysScrollBoxes(page)).length).toBeGreaterThan(0);
  await page.addStyleTag({ content: 'main { min-width: 600px; }' });
  expect(await sidewaysOverflow(page)).toBeGreaterThan(0);
  await context.close();
});

async function checks(page: Page, label: string, width: number, planner = false): Promise<string[]> {
  const found: string[] = [];
  if (width <= 390) {
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) found.push(`${label}: the page scrolls sideways by ${overflow} px`);
    found.push(...(await sidewaysScrollBoxes(page)).map((line) => `${label}: a box scrolls sideways: ${line}`));
  }
  if (planner) found.push(...(await narrowHeadlines(page)).map((line) => `${label}: headline too narrow: ${line}`));
  return found;
}
