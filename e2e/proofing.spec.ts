import { expect, test, type Page } from '@playwright/test';

import { body, submitArticle, writeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';

const REPORTER = { name: '冯晓燕', email: 'fengxiaoyan@e2e.test', role: '记者', password: 'Nayoaixgnef-pass-1' };
const EDITOR_A = { name: '童建军', email: 'tongjianjun@e2e.test', role: '编辑', password: 'Nujnaijgnot-pass-1' };
const EDITOR_B = { name: '余海燕', email: 'yuhaiyan@e2e.test', role: '编辑', password: 'Nayiahuy-pass-12' };
const CHIEF = { name: '毛志远', email: 'maozhiyuan@e2e.test', role: '总编', password: 'Nauyihzoam-pass-1' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

async function approve(page: Page, url: string, level: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: `${level}通过` }).click();
  await expect(page.getByRole('list', { name: '审签记录' })).toContainText(level);
}

test('审校: a 禁止 term is underlined as it is typed, 签发 is refused, the chief editor overrides with a reason and the record shows it', async ({
  browser,
}) => {
  const headline = '审校旅程测试稿件';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const url = await writeArticle(reporter.page, headline, '台湾政府昨日宣布，师傅上门按装空调。');

  // Underlined in the editor with its level, never part of the text.
  const block = body(reporter.page).locator('.proofing-hit[data-proofing="BLOCK"]');
  await expect(block).toHaveText('台湾政府');
  await expect(body(reporter.page).locator('.proofing-hit[data-proofing="WARN"]')).toHaveText('按装');
  // 替换 puts the list's suggestion in: the cursor in the typo shows it.
  await body(reporter.page).locator('.proofing-hit[data-proofing="WARN"]').click();
  await reporter.page.getByRole('button', { name: '替换为“安装”' }).click();
  await expect(body(reporter.page)).toContainText('师傅上门安装空调');
  await expect(body(reporter.page).locator('.proofing-hit[data-proofing="WARN"]')).toHaveCount(0);
  await expect(reporter.page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 20_000 });
  await submitArticle(reporter.page);
  await expect(reporter.page.getByTestId('proofing-counts')).toHaveText('禁止 1 · 警告 0 · 提示 0');

  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await approve(editorA.page, url, '初审');
  const editorB = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  await approve(editorB.page, url, '复审');

  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await chief.page.goto(url);
  await expect(chief.page.getByTestId('proofing-review')).toContainText('“台湾政府”');
  await chief.page.getByRole('button', { name: '终审（签发）通过' }).click();
  await expect(chief.page.getByRole('alert').filter({ hasText: '不能签发' })).toBeVisible();
  await expect(chief.page.getByTestId('workflow-status')).toHaveText('状态：审核中（待终审（签发））');

  await chief.page.getByLabel('放行“禁止”级问题的理由（必填，记入审签记录）').fill('引述台方原话，已加引号说明');
  await chief.page.getByRole('button', { name: '写明理由后签发' }).click();
  await expect(chief.page.getByTestId('workflow-status')).toHaveText('状态：已签发');
  await expect(chief.page.getByRole('list', { name: '审签记录' })).toContainText(
    '审校放行（“禁止”级问题）：引述台方原话，已加引号说明',
  );
});
