// Co-editing (issue 18) in real Chromium: people typing in one paragraph at once keep every keystroke
// (in each browser and in the database), offline typing merges on reconnect, the editor works while the
// co-editing service cannot be reached, a restored revision never doubles text after reloads, a
// deactivated person's socket is closed, and someone who may only read sees the changes live without typing.
import { expect, test, type Browser, type Page } from '@playwright/test';

import { body, newArticle, saved, storedBodyText } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';
import { keepScreenshot } from './support/layout';

const REPORTER = { name: '应晓岚', email: 'yingxiaolan@e2e.test', role: '记者', password: 'Naloaixgniy-pass-1' };
const EDITOR = { name: '郑一鸣', email: 'zhengyiming@e2e.test', role: '编辑', password: 'Gnimiygnehz-pass-1' };
const CHIEF = { name: '毛若溪', email: 'maoruoxi@e2e.test', role: '总编', password: 'Ixouroam-pass-12' };
const LEAVER = { name: '祝远航', email: 'zhuyuanhang@e2e.test', role: '编辑', password: 'Gnahnauyuhz-pass-1' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  for (const account of [REPORTER, EDITOR, CHIEF, LEAVER]) await provisionAccount(browser, account);
});

/** The body's text without the others' carets and name tags (which are drawn inside it). */
async function bodyText(page: Page): Promise<string> {
  return body(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return (copy.textContent ?? '').replace(/\s/g, '');
  });
}

/** The editor as a person sees it, at desktop and phone width (kept under test-results/screens). */
async function keepScreenshots(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await keepScreenshot(page, test.info(), `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Whether every character of `typed` appears in `text` in the order typed (others may be between). */
function keptInOrder(text: string, typed: string): boolean {
  let at = 0;
  for (const char of text) if (char === typed[at]) at += 1;
  return at === typed.length;
}

async function openArticle(browser: Browser, account: { email: string; password: string }, id: string) {
  const opened = await signedInPage(browser, account.email, account.password);
  await opened.page.goto(`/newsroom/articles/${id}`);
  await expect(body(opened.page)).toContainText('开头。');
  return opened;
}

/** Puts the caret at the end of the first paragraph. */
async function caretAtEnd(page: Page) {
  await body(page).locator('p').first().click();
  await page.keyboard.press('End');
}

async function typeTogether(pages: Page[], texts: string[]) {
  await Promise.all(
    pages.map(async (page, index) => {
      await caretAtEnd(page);
      await page.keyboard.type(texts[index]!, { delay: 15 });
    }),
  );
}

async function expectEveryKeystroke(pages: Page[], id: string, texts: string[]) {
  const total = '开头。'.length + texts.reduce((sum, text) => sum + text.length, 0);
  for (const page of pages) {
    await expect.poll(async () => (await bodyText(page)).length, { timeout: 20_000 }).toBe(total);
  }
  const seen = await Promise.all(pages.map(bodyText));
  for (const text of seen) expect(text).toBe(seen[0]);
  for (const typed of texts) expect(keptInOrder(seen[0]!, typed), `${typed} in ${seen[0]}`).toBe(true);
  await expect.poll(async () => (await storedBodyText(id)).replace(/\s/g, ''), { timeout: 20_000 }).toBe(seen[0]);
}

test('two people type in one paragraph at once: every keystroke of each is kept, in both browsers and in the database', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '两人同时编辑');
  const editor = await openArticle(browser, EDITOR, id);
  // Each sees the other in the story, named by the server.
  await expect(reporter.page.getByTestId('collab-people')).toContainText(EDITOR.name);
  await expect(editor.page.getByTestId('collab-people')).toContainText(REPORTER.name);

  const texts = ['abcdefghijklmnopqrst', 'ABCDEFGHIJKLMNOPQRST'];
  await typeTogether([reporter.page, editor.page], texts);
  await expectEveryKeystroke([reporter.page, editor.page], id, texts);
  // The other's caret is drawn with their name.
  await expect(reporter.page.locator('.collab-caret-label', { hasText: EDITOR.name })).toBeVisible();
  await keepScreenshots(reporter.page, 'editor-two-people');

  // The headline is shared too: what one types appears in the other's field.
  await editor.page.getByLabel('副题').fill('编辑加的副题');
  await expect(reporter.page.getByLabel('副题')).toHaveValue('编辑加的副题');
  await reporter.context.close();
  await editor.context.close();
});

test('an input method’s composition (拼音) in a field is not sent half-way: the others get the chosen characters', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '输入法');
  const editor = await openArticle(browser, EDITOR, id);
  const field = reporter.page.getByLabel('副题');
  await field.click();
  await field.pressSequentially('柯城');
  await expect(editor.page.getByLabel('副题')).toHaveValue('柯城');
  // Chromium's own IME events: composing "xin wen", then choosing 新闻.
  const cdp = await reporter.context.newCDPSession(reporter.page);
  await cdp.send('Input.imeSetComposition', { text: 'xin', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'xin wen', selectionStart: 7, selectionEnd: 7 });
  await expect(field).toHaveValue('柯城xin wen');
  // Meanwhile the editor types at the start of the same field.
  await editor.page.getByLabel('副题').click();
  await editor.page.keyboard.press('Home');
  await editor.page.keyboard.type('今日');
  await reporter.page.waitForTimeout(500);
  await expect(editor.page.getByLabel('副题')).toHaveValue('今日柯城');
  await cdp.send('Input.insertText', { text: '新闻' });
  for (const page of [reporter.page, editor.page]) await expect(page.getByLabel('副题')).toHaveValue('今日柯城新闻');
  await reporter.context.close();
  await editor.context.close();
});

test('three people type in one paragraph at once and all three keep every keystroke', async ({ browser }) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '三人同时编辑');
  const editor = await openArticle(browser, EDITOR, id);
  const chief = await openArticle(browser, CHIEF, id);
  await expect(reporter.page.getByTestId('collab-people')).toContainText(CHIEF.name);
  const texts = ['abcdefghijklmnop', 'ABCDEFGHIJKLMNOP', '0123456789012345'];
  await typeTogether([reporter.page, editor.page, chief.page], texts);
  await expectEveryKeystroke([reporter.page, editor.page, chief.page], id, texts);
  for (const opened of [reporter, editor, chief]) await opened.context.close();
});

test('typing offline is kept in the browser and merges with the others’ changes on reconnect', async ({ browser }) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '断网后合并');
  const editor = await openArticle(browser, EDITOR, id);

  await expect(editor.page.getByTestId('collab-people')).toContainText(REPORTER.name);
  await editor.context.setOffline(true);
  await expect(editor.page.getByTestId('save-status')).toHaveText('离线，已保存在本机', { timeout: 20_000 });
  // Nobody is shown as here while this browser cannot know.
  await expect(editor.page.getByTestId('collab-people')).toHaveCount(0);
  await keepScreenshots(editor.page, 'editor-offline');
  await caretAtEnd(editor.page);
  await editor.page.keyboard.type('offline-words');
  await caretAtEnd(reporter.page);
  await reporter.page.keyboard.type('online-words');
  await saved(reporter.page);
  await expect(reporter.page.getByRole('textbox', { name: '正文' })).not.toContainText('offline-words');

  await editor.context.setOffline(false);
  for (const page of [reporter.page, editor.page]) {
    await expect(body(page)).toContainText('offline-words', { timeout: 30_000 });
    await expect(body(page)).toContainText('online-words');
  }
  await saved(editor.page);
  await expect.poll(() => storedBodyText(id), { timeout: 20_000 }).toMatch(/(?=.*offline-words)(?=.*online-words)/);
  await reporter.context.close();
  await editor.context.close();
});

test('a person deactivated while editing is disconnected at once and can no longer type', async ({ browser }) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '停用即断开');
  const leaver = await openArticle(browser, LEAVER, id);
  await expect(reporter.page.getByTestId('collab-people')).toContainText(LEAVER.name);

  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto('/newsroom/admin/users?q=zhuyuanhang');
  await admin.page.getByRole('link', { name: LEAVER.name }).click();
  admin.page.once('dialog', (dialog) => dialog.accept());
  await admin.page.getByRole('button', { name: '停用账号' }).click();
  await expect(admin.page.getByTestId('account-status')).toHaveText('已停用');

  await expect(leaver.page.getByRole('alert').filter({ hasText: '请重新登录后再编辑' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(leaver.page.getByTestId('save-status')).toHaveText(/^无法连接：登录已失效或账号已停用/);
  await expect(body(leaver.page)).toHaveAttribute('contenteditable', 'false');
  await keepScreenshots(leaver.page, 'editor-refused');
  await expect(reporter.page.getByTestId('collab-people')).toHaveCount(0, { timeout: 15_000 });
  await reporter.context.close();
  await leaver.context.close();
  await admin.context.close();
});

test('someone who may only read (an admin) sees the changes live and cannot type', async ({ browser }) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '只读实时查看');
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto(`/newsroom/articles/${id}/preview`);
  await admin.page.getByRole('link', { name: '实时查看' }).click();
  await expect(admin.page).toHaveURL(new RegExp(`/newsroom/articles/${id}/live$`));
  await expect(body(admin.page)).toContainText('开头。');
  await expect(admin.page.getByTestId('save-status')).toHaveText('只读');
  await expect(body(admin.page)).toHaveAttribute('contenteditable', 'false');
  await expect(reporter.page.getByTestId('collab-people')).toContainText('（只读）');
  await keepScreenshots(admin.page, 'editor-live-read-only');

  await caretAtEnd(reporter.page);
  await reporter.page.keyboard.type('实时出现的文字');
  await expect(body(admin.page)).toContainText('实时出现的文字');
  await reporter.page.getByLabel('主题（必填）').fill('改过的主题');
  await expect(admin.page.getByLabel('主题（必填）')).toHaveValue('改过的主题');

  // Typing changes nothing, here or for the reporter.
  await body(admin.page).click();
  await admin.page.keyboard.type('管理员的字');
  await admin.page.getByLabel('主题（必填）').click();
  await admin.page.keyboard.type('管理员的字');
  await expect(admin.page.getByLabel('主题（必填）')).toHaveValue('改过的主题');
  await expect(body(admin.page)).not.toContainText('管理员的字');
  await expect(body(reporter.page)).not.toContainText('管理员的字');
  await reporter.context.close();
  await admin.context.close();
});

test('the co-editing service unreachable: the editor opens with the text, takes typing, says so, and the typing is saved once it is back', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '服务断开也能写');
  const editor = await openArticle(browser, EDITOR, id);
  await expect(reporter.page.getByTestId('collab-people')).toContainText(EDITOR.name);
  await editor.context.close();

  // Every socket to /collab is closed as the web server's relay closes it while the service is down.
  let down = true;
  await reporter.context.routeWebSocket(/\/collab$/, (socket) => {
    if (down) socket.close({ code: 1011, reason: 'service down' });
    else socket.connectToServer();
  });
  await reporter.page.reload();
  await expect(reporter.page.getByLabel('主题（必填）')).toHaveValue('服务断开也能写');
  await expect(body(reporter.page)).toContainText('开头。');
  await expect(reporter.page.getByTestId('save-status')).toHaveText(
    '无法连接协同编辑服务，修改已保存在本机，恢复后自动合并',
    { timeout: 15_000 },
  );
  await expect(reporter.page.getByTestId('collab-people')).toHaveCount(0);
  await caretAtEnd(reporter.page);
  await reporter.page.keyboard.type('服务停止时写的字');
  await reporter.page.getByLabel('副题').fill('停服时的副题');
  await keepScreenshots(reporter.page, 'editor-service-unreachable');
  await reporter.page.waitForTimeout(3_000);
  expect(await storedBodyText(id)).not.toContain('服务停止时写的字');

  // The service is back: the socket is open again within a few seconds, and what was typed is saved.
  down = false;
  const back = Date.now();
  await saved(reporter.page);
  expect(Date.now() - back).toBeLessThan(15_000);
  await expect.poll(() => storedBodyText(id), { timeout: 20_000 }).toContain('开头。服务停止时写的字');
  await expect
    .poll(
      async () =>
        withDb(
          async (db) =>
            (await db.article.findUniqueOrThrow({ where: { id }, select: { subheadline: true } })).subheadline,
        ),
      { timeout: 20_000 },
    )
    .toBe('停服时的副题');
  await reporter.context.close();
});

test('a revision restored while two people are in the story: after both reload, no headline, paragraph or table is there twice', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const headline = '柯城石梁溪综合治理完工';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, headline);
  await caretAtEnd(reporter.page);
  await reporter.page.keyboard.press('Enter');
  await reporter.page.keyboard.type('石梁溪全长十二公里。');
  await reporter.page.getByRole('button', { name: '插入表格' }).click();
  await reporter.page.keyboard.type('巡察组');
  await saved(reporter.page);
  // 立即保存 closes this revision: the rewrite below makes a revision of its own.
  await reporter.page.getByRole('button', { name: '立即保存' }).click();
  const editor = await openArticle(browser, EDITOR, id);
  await expect(body(editor.page).locator('table')).toHaveCount(1);

  // The reporter rewrites the whole text, then puts the earlier revision back.
  await reporter.page.getByLabel('主题（必填）').fill('改写后的主题');
  await body(reporter.page).click();
  await reporter.page.keyboard.press('Control+a');
  await reporter.page.keyboard.type('全部改写的正文。');
  await saved(reporter.page);
  await expect(editor.page.getByLabel('主题（必填）')).toHaveValue('改写后的主题');
  await expect
    .poll(async () => (await storedBodyText(id)).replace(/\s/g, ''), { timeout: 20_000 })
    .toBe('全部改写的正文。');
  await reporter.page.getByRole('link', { name: '历史版本' }).click();
  const earlier = reporter.page
    .getByRole('row')
    .filter({ hasText: headline })
    .filter({ hasNotText: '（当前）' })
    .first();
  reporter.page.once('dialog', (dialog) => dialog.accept());
  await earlier.getByRole('button', { name: '恢复此版本' }).click();
  await expect(reporter.page).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));

  const once = async (page: Page) => {
    await expect(page.getByLabel('主题（必填）')).toHaveValue(headline, { timeout: 20_000 });
    await expect(body(page).locator('table')).toHaveCount(1);
    await expect(body(page).locator('p', { hasText: '开头。' })).toHaveCount(1);
    await expect(body(page).locator('p', { hasText: '石梁溪全长十二公里。' })).toHaveCount(1);
    await expect(body(page)).not.toContainText('全部改写的正文。');
    expect(await bodyText(page)).toBe('开头。石梁溪全长十二公里。巡察组');
  };
  await once(reporter.page);
  await once(editor.page);
  for (let round = 0; round < 2; round += 1) {
    for (const page of [reporter.page, editor.page]) {
      await page.reload();
      await once(page);
    }
  }
  await saved(reporter.page);
  const stored = await withDb((db) =>
    db.article.findUniqueOrThrow({ where: { id }, select: { headline: true, bodyText: true } }),
  );
  expect(stored.headline).toBe(headline);
  expect(stored.bodyText.replace(/\s/g, '')).toBe('开头。石梁溪全长十二公里。巡察组');
  await reporter.context.close();
  await editor.context.close();
});

test('the story’s document rebuilt (as after npm run restore) while a browser holds offline typing: the typing is offered back, never merged, and nothing is doubled', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '重建后的稿件');
  await reporter.context.setOffline(true);
  await expect(reporter.page.getByTestId('save-status')).toHaveText('离线，已保存在本机', { timeout: 20_000 });
  await caretAtEnd(reporter.page);
  await reporter.page.keyboard.type('离线时写的字');
  // The service stores and lets go of the story once nobody is in it; then its document is rebuilt
  // with a new generation (npm run restore deletes the stored documents of the restored database).
  await reporter.page.waitForTimeout(4_000);
  await withDb((db) => db.collabDocument.deleteMany({ where: { articleId: id } }));
  await reporter.context.setOffline(false);

  const offered = reporter.page.getByTestId('offered-text');
  await expect(offered).toBeVisible({ timeout: 20_000 });
  await expect(offered.getByRole('textbox', { name: '本机保存的文字' })).toHaveValue(/开头。离线时写的字/);
  await saved(reporter.page);
  await expect(body(reporter.page)).not.toContainText('离线时写的字');
  await expect(reporter.page.getByLabel('主题（必填）')).toHaveValue('重建后的稿件');
  expect(await bodyText(reporter.page)).toBe('开头。');
  await keepScreenshots(reporter.page, 'editor-offered-text');
  await offered.getByRole('button', { name: '关闭（丢弃这些文字）' }).click();
  await expect(offered).toHaveCount(0);
  await reporter.page.reload();
  await expect(reporter.page.getByLabel('主题（必填）')).toHaveValue('重建后的稿件');
  await saved(reporter.page);
  expect(await bodyText(reporter.page)).toBe('开头。');
  await expect(reporter.page.getByTestId('offered-text')).toHaveCount(0);
  expect((await storedBodyText(id)).replace(/\s/g, '')).toBe('开头。');
  await reporter.context.close();
});
