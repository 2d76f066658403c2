import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { body, createArticle, saved, submitArticle, writeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { keepScreenshot, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';

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

const QUOTE_BUTTON = '标为引语（审校不检查）';
let quotedUrl = '';

test('引语 and the one-line fields: a hit in a field is underlined with 替换 and 忽略; words marked 引语 are not flagged, in the editor or at 提交审核, and the mark is kept', async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(page);
  quotedUrl = page.url();

  // 主题: the typo is underlined in the field, 替换 puts the list's word into it.
  await page.getByLabel('主题（必填）').fill('师傅上门按装空调');
  const headline = page.getByTestId('field-headline');
  await expect(headline.getByTestId('field-underlines').locator('[data-proofing="WARN"]')).toHaveText('按装');
  await headline.getByRole('button', { name: '替换为“安装”' }).click();
  await expect(page.getByLabel('主题（必填）')).toHaveValue('师傅上门安装空调');
  await expect(headline.locator('[data-proofing]')).toHaveCount(0);

  // 引题: 忽略 with a reason, and the field is clean.
  await page.getByLabel('引题', { exact: true }).fill('既使下雨也要出发');
  const kicker = page.getByTestId('field-kicker');
  await expect(kicker.getByTestId('field-underlines').locator('[data-proofing="HINT"]')).toHaveText('既使');
  await kicker.getByRole('button', { name: '忽略', exact: true }).click();
  await kicker.getByLabel('忽略理由').fill('人物原话');
  await kicker.getByRole('button', { name: '确认忽略' }).click();
  await expect(kicker.locator('[data-proofing]')).toHaveCount(0);

  // The body: the second 台湾政府 is what someone said; marked 引语, it is no longer underlined.
  await body(page).click();
  await page.keyboard.type('台湾政府表示反对。对方称台湾政府将回应。');
  await expect(body(page).locator('.proofing-hit[data-proofing="BLOCK"]')).toHaveCount(2);
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < '台湾政府将回应'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: QUOTE_BUTTON }).click();
  await expect(body(page).locator('span[data-quotation]')).toHaveText('台湾政府将回应');
  await expect(body(page).locator('.proofing-hit[data-proofing="BLOCK"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: QUOTE_BUTTON })).toHaveAttribute('aria-pressed', 'true');
  await saved(page);

  // Kept in the story: after a reload it is still a quotation and still not flagged.
  await page.reload();
  await expect(body(page).locator('span[data-quotation]')).toHaveText('台湾政府将回应');
  await expect(body(page).locator('.proofing-hit[data-proofing="BLOCK"]')).toHaveCount(1);
  await expect(page.getByTestId('field-kicker').locator('[data-proofing]')).toHaveCount(0);

  // The server's check at 提交审核 skips it too: one 禁止 hit, not two; the ignored 提示 is not counted.
  await submitArticle(page);
  await expect(page.getByTestId('proofing-counts')).toHaveText('禁止 1 · 警告 0 · 提示 0');
});

const WIDTHS = [1400, 390] as const;
const IMPORT_FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/imports/issue-1732.txt');

async function sideways(page: Page, label: string, width: number): Promise<string[]> {
  if (width > 390) return [];
  const found: string[] = [];
  const overflow = await sidewaysOverflow(page);
  if (overflow > 0) found.push(`${label}: the page scrolls sideways by ${overflow} px`);
  found.push(...(await sidewaysScrollBoxes(page)).map((line) => `${label}: a box scrolls sideways: ${line}`));
  return found;
}

test('审校 screens at 1400 px and 390 px: the editor with field and body hits, the review panel, 审校词库 and the import report, none scrolling sideways', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const editorUrl = await writeArticle(reporter.page, '台湾政府宣布师傅上门按装空调', '本品全网最低，药到病除。');
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  const problems: string[] = [];
  for (const width of WIDTHS) {
    for (const { page } of [reporter, chief]) await page.setViewportSize({ width, height: 900 });

    const editor = reporter.page;
    await editor.goto(editorUrl);
    await expect(editor.getByTestId('field-headline').locator('[data-proofing="BLOCK"]')).toHaveText('台湾政府');
    // The underline sits under the words in the field: the copy behind it starts where the field's text does.
    const field = await editor.getByLabel('主题（必填）').boundingBox();
    const hit = await editor.getByTestId('field-headline').locator('[data-proofing="BLOCK"]').boundingBox();
    expect(Math.abs(hit!.x - field!.x - 9), `underline offset at ${width} px`).toBeLessThan(3);
    await body(editor).locator('.proofing-hit[data-proofing="WARN"]').first().click();
    await expect(editor.getByTestId('proofing-bar')).toBeVisible();
    problems.push(...(await sideways(editor, `editor at ${width} px`, width)));
    await keepScreenshot(editor, testInfo, `proofing-editor-${width}`);

    await chief.page.goto(quotedUrl);
    await expect(chief.page.getByTestId('proofing-review')).toContainText('“台湾政府”');
    problems.push(...(await sideways(chief.page, `review panel at ${width} px`, width)));
    await keepScreenshot(chief.page.getByTestId('proofing-review'), testInfo, `proofing-review-${width}`);

    await chief.page.goto('/newsroom/proofing');
    await expect(chief.page.getByRole('heading', { name: '审校词库' })).toBeVisible();
    problems.push(...(await sideways(chief.page, `审校词库 at ${width} px`, width)));
    await keepScreenshot(chief.page, testInfo, `proofing-lists-${width}`);

    // Imported stories are checked too: the report counts each story's hits by level.
    await chief.page.goto('/newsroom/issues/import');
    await chief.page.locator('input[type="file"]').setInputFiles(IMPORT_FIXTURE);
    await chief.page.getByRole('button', { name: /预览/ }).click();
    await expect(chief.page.getByTestId('import-proofing').first()).toHaveText(
      /^审校：禁止 \d+ · 警告 \d+ · 提示 \d+$/,
    );
    problems.push(...(await sideways(chief.page, `import report at ${width} px`, width)));
    await keepScreenshot(chief.page, testInfo, `proofing-import-${width}`);
  }
  expect(problems).toEqual([]);
});
