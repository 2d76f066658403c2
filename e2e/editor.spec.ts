import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import { body, createArticle, saved } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';

const REPORTER = { name: '黄淑妍', email: 'huangshuyan@e2e.test', role: '记者', password: 'Nayuhsgnauh-pass-1' };
const REPORTER_2 = { name: '闻凌世', email: 'wenlingshi@e2e.test', role: '记者', password: 'Ihsgnilnew-pass-1' };
const EDITOR = { name: '楼郁馨', email: 'louyuxin@e2e.test', role: '编辑', password: 'Nixuyuol-pass-12' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  for (const account of [REPORTER, REPORTER_2, EDITOR]) await provisionAccount(browser, account);
});

test('a reporter writes a story with formatting, a subheading and a table; it autosaves, survives a reload and previews as readers will see it', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(page);
  await page.getByLabel('引题').fill('美丽河湖');
  await page.getByLabel('主题（必填）').fill('柯城再夺“大禹鼎”');
  await expect(page.getByLabel('署名（按作者自动生成，可修改）')).toHaveValue('记者 黄淑妍');
  await body(page).click();
  await page.keyboard.type('8月15日，全省推进大会在安吉举行。');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '小标题' }).click();
  await page.keyboard.type('治水治出美丽河湖');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('柯城');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('河湖经历了华丽蜕变。');
  await page.getByRole('button', { name: '插入表格' }).click();
  await page.keyboard.type('巡察组');
  await expect(page.getByTestId('save-status')).toHaveText(/等待保存|正在同步|已保存/);
  await saved(page);
  await expect(page.getByTestId('word-count')).toHaveText(/字数 \d+/);

  await page.reload();
  await expect(page.getByLabel('主题（必填）')).toHaveValue('柯城再夺“大禹鼎”');
  await expect(body(page).locator('h2')).toHaveText('治水治出美丽河湖');
  await expect(body(page).locator('strong')).toHaveText('柯城');
  await expect(body(page).locator('th').first()).toHaveText('巡察组');

  const preview = await context.newPage();
  await preview.goto(`/newsroom/articles/${id}/preview`);
  await expect(preview.getByRole('heading', { level: 1, name: '柯城再夺“大禹鼎”' })).toBeVisible();
  await expect(preview.getByText('美丽河湖', { exact: true })).toBeVisible();
  await expect(preview.locator('.story-body h2')).toHaveText('治水治出美丽河湖');
  await expect(preview.locator('.story-body .table-scroll th').first()).toHaveText('巡察组');
  const indent = await preview
    .locator('.story-body p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).textIndent) / parseFloat(getComputedStyle(p).fontSize));
  expect(indent).toBeCloseTo(2, 1);

  // A minute of one person's typing is one revision in the history, not one per autosave.
  await page.getByRole('link', { name: '历史版本' }).click();
  await expect(page.getByRole('heading', { name: /历史版本/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').filter({ hasText: '（当前）' })).toContainText(/自动保存.*黄淑妍/);
  await context.close();
});

test('typing in 引题 while the 审校 lists are still loading keeps every character and the focus', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  // The lists arrive while the person types (a few hundred ms after the page opens here; seconds on a
  // loaded machine or a slow line): held back until the first characters are in.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/newsroom/proofing-lists/**', async (route) => {
    await held;
    await route.continue();
  });
  await createArticle(page);
  const kicker = page.getByLabel('引题');
  await kicker.click();
  await page.keyboard.type('美丽');
  const arrived = page.waitForResponse((response) => response.url().includes('/api/newsroom/proofing-lists/'));
  release();
  await arrived;
  await page.keyboard.type('河湖');
  await expect(kicker).toBeFocused();
  await expect(kicker).toHaveValue('美丽河湖');
  await saved(page);
  await page.reload();
  await expect(page.getByLabel('引题')).toHaveValue('美丽河湖');
  await context.close();
});

test('pasting from Word keeps structure and drops the styling', async ({ browser }) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(page);
  await body(page).click();
  await page.evaluate(() => {
    const html =
      '<p class=MsoNormal style="font-family:宋体;color:red"><span style="font-size:16pt">柯城区人民医院干部职工大会召开。<o:p></o:p></span></p><h2 style="margin:0">会议要求</h2><ul><li style="color:blue">调整领导班子</li></ul>';
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '柯城区人民医院干部职工大会召开。');
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body(page).locator('p').first()).toHaveText('柯城区人民医院干部职工大会召开。');
  await expect(body(page).locator('h2')).toHaveText('会议要求');
  await expect(body(page).locator('li')).toHaveText('调整领导班子');
  expect(await body(page).innerHTML()).not.toMatch(/style=|MsoNormal|宋体/);
  await context.close();
});

// Two people edit one story together in the shared document: no conflict to resolve, nothing to choose
// (e2e/collab.spec.ts has the typing-together journeys).
test('two people on one story: each sees the other there, and both changes are kept without a conflict', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(reporter.page);
  await reporter.page.getByLabel('主题（必填）').fill('同稿测试稿');
  await saved(reporter.page);

  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await editor.page.goto(`/newsroom/articles/${id}`);
  await expect(editor.page.getByRole('note')).toContainText('也在这篇稿件里：黄淑妍');
  await expect(reporter.page.getByRole('note')).toContainText('也在这篇稿件里：楼郁馨');
  await editor.page.getByLabel('主题（必填）').fill('编辑改过的标题');
  await reporter.page.getByLabel('副题').fill('记者的副题');
  await expect(reporter.page.getByLabel('主题（必填）')).toHaveValue('编辑改过的标题');
  await expect(editor.page.getByLabel('副题')).toHaveValue('记者的副题');
  await saved(reporter.page);
  await saved(editor.page);
  await expect(reporter.page.getByRole('dialog')).toHaveCount(0);

  await reporter.context.close();
  await editor.page.reload();
  await expect(editor.page.getByLabel('副题')).toHaveValue('记者的副题');
  await expect(editor.page.getByLabel('主题（必填）')).toHaveValue('编辑改过的标题');
  await editor.context.close();
});

test('text typed without a network is kept in the browser and reaches the story when the page is opened again online', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(page);
  await body(page).click();
  await page.keyboard.type('开头。');
  await saved(page);
  await context.setOffline(true);
  await expect(page.getByTestId('save-status')).toHaveText(/离线/, { timeout: 15_000 });
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('断网时写下的文字不能丢。');
  // Each keystroke reaches IndexedDB in its own transaction a few milliseconds later; a closing page
  // aborts one still open. No hand closes a tab that fast after a keystroke: wait as a person would.
  await page.waitForTimeout(500);
  await page.close({ runBeforeUnload: false });

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`/newsroom/articles/${id}`);
  await expect(body(again)).toContainText('断网时写下的文字不能丢。');
  await saved(again);
  const other = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await other.page.goto(`/newsroom/articles/${id}`);
  await expect(body(other.page)).toContainText('开头。断网时写下的文字不能丢。');
  await other.context.close();
  await context.close();
});

test('images: upload with alt text, served privately while in a draft; SVG is refused with a message', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(page);
  await body(page).click();
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f6f4f' } })
    .png()
    .toBuffer();
  await page.getByLabel('选择要上传的图片').setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: png });
  const figure = body(page).locator('figure img');
  await expect(figure).toHaveCount(1);
  await expect(page.getByText('有 1 张图片缺少替代文字')).toBeVisible();
  await figure.click();
  await page.getByLabel('图片替代文字').fill('整治后的石梁溪');
  await expect(page.getByText('缺少替代文字')).toHaveCount(0);
  await page.getByLabel('图片说明').fill('石梁溪');
  await saved(page);
  await page.reload();
  await expect(body(page).locator('figure img')).toHaveAttribute('alt', '整治后的石梁溪');
  await expect(body(page).locator('figcaption')).toHaveText('石梁溪');
  const src = await figure.getAttribute('src');
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  // Not public before a published story shows it (hardening.spec.ts covers anonymous readers).
  expect(response.headers()['cache-control']).toMatch(/^private/);
  expect(response.headers()['content-type']).toBe('image/webp');

  // Pasting and dropping image files uploads them too.
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a5a2b' } })
    .jpeg()
    .toBuffer();
  const gif = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#224488' } })
    .gif()
    .toBuffer();
  await body(page).click();
  await page.evaluate(
    ({ jpegBytes, gifBytes }) => {
      const editor = document.querySelector('.ProseMirror')!;
      const pasted = new DataTransfer();
      pasted.items.add(new File([new Uint8Array(jpegBytes)], 'pasted.jpg', { type: 'image/jpeg' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
      const dropped = new DataTransfer();
      dropped.items.add(new File([new Uint8Array(gifBytes)], 'dropped.gif', { type: 'image/gif' }));
      const box = editor.getBoundingClientRect();
      editor.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: dropped,
          bubbles: true,
          cancelable: true,
          clientX: box.left + 10,
          clientY: box.bottom - 5,
        }),
      );
    },
    { jpegBytes: [...jpeg], gifBytes: [...gif] },
  );
  await expect(figure).toHaveCount(3);
  await expect(page.getByText('有 2 张图片缺少替代文字')).toBeVisible();
  await saved(page);
  const preview = await context.newPage();
  await preview.goto(`/newsroom/articles/${id}/preview`);
  await expect(preview.locator('.story-body figure img')).toHaveCount(3);
  await expect(preview.locator('.story-body figure img').first()).toHaveAttribute('alt', '整治后的石梁溪');
  await expect(preview.locator('.story-body figcaption').first()).toHaveText('石梁溪');
  await preview.close();

  await page.getByLabel('选择要上传的图片').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  });
  await expect(page.getByRole('alert').filter({ hasText: '图片没有上传' })).toContainText('不支持 SVG');
  await expect(figure).toHaveCount(3);
  await context.close();
});

test('reporters cannot open each other’s stories; an editor can trash and restore', async ({ browser }) => {
  const owner = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(owner.page);
  await owner.page.getByLabel('主题（必填）').fill('回收站里的稿件');
  await owner.page.getByLabel('主题（必填）').blur();
  await saved(owner.page);

  const other = await signedInPage(browser, REPORTER_2.email, REPORTER_2.password);
  const response = await other.page.goto(`/newsroom/articles/${id}`);
  expect(response?.status()).toBe(403);

  owner.page.once('dialog', (dialog) => dialog.accept());
  await owner.page.getByRole('button', { name: '移入回收站' }).click();
  await expect(owner.page.getByRole('status').filter({ hasText: '稿件已移入回收站' })).toBeVisible();
  await expect(owner.page).toHaveURL(/\/newsroom\?notice=trashed$/);

  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await editor.page.getByRole('link', { name: '回收站' }).click();
  const row = editor.page.getByRole('listitem').filter({ hasText: '回收站里的稿件' });
  await row.getByRole('button', { name: '恢复' }).click();
  // Restored stories leave the trash list.
  await expect(row).toHaveCount(0);
  await owner.page.goto(`/newsroom/articles/${id}`);
  await expect(owner.page.getByLabel('主题（必填）')).toHaveValue('回收站里的稿件');
  for (const session of [owner, other, editor]) await session.context.close();
});

test('the history keeps a revision per person and event, compares two at character level and restores an old one as a new version', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(page);
  await page.getByLabel('主题（必填）').fill('第一稿标题');
  await body(page).click();
  await page.keyboard.type('柯城区今天召开会议。');
  await saved(page);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('workflow-status')).toHaveText('状态：审核中（待初审）');
  // After the submit the same person's typing starts a new revision; the submitted text stays.
  await page.getByLabel('主题（必填）').fill('第二稿标题');
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('与会者一致通过。');
  await saved(page);

  await page.getByRole('link', { name: '历史版本' }).click();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '（当前）' })).toContainText(/自动保存.*黄淑妍.*第二稿标题/);
  await expect(rows.filter({ hasText: '提交审核' })).toContainText('第一稿标题');
  const diff = page.getByTestId('revision-diff');
  // Character level: in the headline only 一 → 二, in the paragraph only the added sentence.
  await expect(diff.locator('[data-field="主题"] del')).toHaveText('［删除］一');
  await expect(diff.locator('[data-field="主题"] ins')).toHaveText('［新增］二');
  await expect(diff.locator('p[data-op="change"] ins')).toHaveText('［新增］与会者一致通过。');
  await expect(diff.locator('p[data-op="del"]')).toHaveCount(0);

  page.once('dialog', (dialog) => dialog.accept());
  await rows.filter({ hasText: '提交审核' }).getByRole('button', { name: '恢复此版本' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));
  await expect(page.getByLabel('主题（必填）')).toHaveValue('第一稿标题');
  await page.getByRole('link', { name: '历史版本' }).click();
  await expect(page.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('row').filter({ hasText: '（当前）' })).toContainText(/恢复旧版本.*第一稿标题/);
  // Any two revisions compare, not only neighbours: the restored text against the submitted one is the same.
  const submitted = page.getByRole('row').filter({ hasText: '提交审核' });
  const from = page.locator('select[name="from"]');
  await from.selectOption((await from.locator('option', { hasText: '提交审核' }).getAttribute('value'))!);
  await page.getByRole('button', { name: '比较', exact: true }).click();
  await expect(page.getByTestId('revision-diff')).toContainText('两个版本的内容相同');
  await expect(submitted).toHaveCount(1);
  // A revision that is not kept (merged away, or made up) cannot be compared or restored: the page says so.
  await page.goto(`/newsroom/articles/${id}/history?from=merged-away&to=${encodeURIComponent('also-missing')}`);
  await expect(page.getByRole('alert').filter({ hasText: '找不到要比较的版本' })).toBeVisible();
  await context.close();
});

test('an image uploaded once can be picked from the media library into another story', async ({ browser }) => {
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(page);
  await body(page).click();
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1d4ed8' } })
    .png()
    .toBuffer();
  await page.getByLabel('选择要上传的图片').setInputFiles({ name: 'library.png', mimeType: 'image/png', buffer: png });
  await expect(body(page).locator('figure img')).toHaveCount(1);

  await createArticle(page);
  await body(page).click();
  await page.getByRole('button', { name: '从图库插入' }).click();
  const library = page.getByRole('dialog', { name: '图库' });
  await expect(library.getByRole('button', { name: /选择图片/ }).first()).toBeVisible();
  await library
    .getByRole('button', { name: /选择图片/ })
    .first()
    .click();
  await expect(library).toHaveCount(0);
  await expect(body(page).locator('figure img')).toHaveCount(1);
  await context.close();
});
