// The browser's local copies of co-edited stories (y-indexeddb) at sign-out and account switch, in real
// Chromium: signing out removes every copy; typing the server has not confirmed (this tab, or a tab
// closed offline) is not thrown away without asking, and staying is the default; the next person who
// signs in on the same browser never loads the previous person's copy, while the same person keeps it.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

import { body, newArticle, saved, storedBodyText } from './support/article';
import { provisionAccount, signedInPage, signIn } from './support/auth';

const WRITER = { name: '邱叶芝', email: 'qiuyezhi@e2e.test', role: '记者', password: 'Ihzeyuiq-pass-12' };
const NEXT = { name: '楼望舒', email: 'louwangshu@e2e.test', role: '编辑', password: 'Uhsgnawuol-pass-1' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  for (const account of [WRITER, NEXT]) await provisionAccount(browser, account);
});

const status = (page: Page) => page.getByTestId('save-status');
const signOutButton = (page: Page) => page.getByRole('button', { name: '退出登录' });
const warning = (page: Page) => page.getByRole('dialog', { name: '还有修改未保存' });

/** The story copies this browser holds, as the page itself sees them. */
function articleCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('story:'))
      .sort(),
  );
}

/** The records of unconfirmed typing and of the copies' owner kept beside the copies. */
function copyRecords(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kecheng.storyCopies.')));
}

async function typeAtEnd(page: Page, text: string) {
  await body(page).locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Types offline and closes the tab, waiting as a person would (IndexedDB commits a few ms later). */
async function typeOfflineAndCloseTab(context: BrowserContext, page: Page, text: string) {
  await context.setOffline(true);
  await expect(status(page)).toHaveText(/离线/, { timeout: 20_000 });
  await typeAtEnd(page, text);
  await page.waitForTimeout(1_500);
  await page.close();
  await context.setOffline(false);
}

async function expectSignedOutWithoutCopies(page: Page) {
  await expect(page).toHaveURL(/\/login$/);
  expect(await articleCopies(page)).toEqual([]);
  expect(await copyRecords(page)).toEqual([]);
}

test('signing out after the story is saved removes its copy from the browser, without asking', async ({ browser }) => {
  const { page, context } = await signedInPage(browser, WRITER.email, WRITER.password);
  const id = await newArticle(page, '退出后不留副本');
  await typeAtEnd(page, '已保存的段落');
  await saved(page);
  expect(await articleCopies(page)).toEqual([`story:${id}`]);
  await signOutButton(page).click();
  await expectSignedOutWithoutCopies(page);
  await expect(warning(page)).toHaveCount(0);
  await context.close();
});

test('signing out with typing not yet on the server asks first; staying (the default) keeps it until it is saved', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, WRITER.email, WRITER.password);
  const id = await newArticle(page, '离线时退出要确认');
  await context.setOffline(true);
  await expect(status(page)).toHaveText(/离线/, { timeout: 20_000 });
  await typeAtEnd(page, '断网时写下的段落');

  await signOutButton(page).click();
  await expect(warning(page)).toBeVisible();
  await expect(warning(page)).toContainText('1 篇稿件的修改尚未保存到服务器');
  await expect(warning(page)).toContainText('将从这台电脑上删除');
  await expect(warning(page).getByRole('button', { name: '留在本页，等待保存' })).toBeFocused();
  await expect(warning(page).getByRole('button', { name: '仍然退出，放弃这些修改' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(warning(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));
  expect(await articleCopies(page)).toEqual([`story:${id}`]);

  await context.setOffline(false);
  await saved(page);
  await expect.poll(() => storedBodyText(id), { timeout: 20_000 }).toContain('断网时写下的段落');
  await signOutButton(page).click();
  await expectSignedOutWithoutCopies(page);
  await context.close();
});

test('typing left in a tab closed offline is counted too; signing out anyway discards it from the browser', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, WRITER.email, WRITER.password);
  const id = await newArticle(page, '关掉的标签页');
  await typeOfflineAndCloseTab(context, page, '关掉前没保存的字');
  const other = await context.newPage();
  await other.goto('/newsroom');
  await signOutButton(other).click();
  await expect(warning(other)).toContainText('1 篇稿件的修改尚未保存到服务器');
  await warning(other).getByRole('button', { name: '仍然退出，放弃这些修改' }).click();
  await expectSignedOutWithoutCopies(other);
  expect(await storedBodyText(id)).not.toContain('关掉前没保存的字');
  await context.close();
});

test('the next person signing in on the browser never loads the previous person’s copy', async ({ browser }) => {
  const { page, context } = await signedInPage(browser, WRITER.email, WRITER.password);
  const id = await newArticle(page, '换人登录');
  await typeOfflineAndCloseTab(context, page, '上一位记者的离线文字');
  // The session runs out; the next person comes to the computer.
  await context.clearCookies();
  const next = await context.newPage();
  await next.goto('/login');
  await expect(next.getByTestId('login-unsaved-copies')).toContainText('1 篇稿件的修改尚未保存到服务器');
  expect(await articleCopies(next)).toEqual([`story:${id}`]);

  // Straight into the story's editor: the copy goes before the editor reads IndexedDB.
  await signIn(next, NEXT.email, NEXT.password, `/login?callbackUrl=${encodeURIComponent(`/newsroom/articles/${id}`)}`);
  await expect(next).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));
  await expect(body(next)).toContainText('开头。');
  await saved(next);
  await next.waitForTimeout(1_500);
  await expect(body(next)).not.toContainText('上一位记者的离线文字');
  expect(await storedBodyText(id)).not.toContain('上一位记者的离线文字');
  expect(await copyRecords(next)).toEqual(['kecheng.storyCopies.owner']);
  await signOutButton(next).click();
  await expectSignedOutWithoutCopies(next);
  await context.close();
});

test('the same person signing in again keeps their offline typing, which then reaches the server', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, WRITER.email, WRITER.password);
  const id = await newArticle(page, '同一人回来');
  await typeOfflineAndCloseTab(context, page, '回来后补存的字');
  await context.clearCookies();
  const again = await context.newPage();
  await signIn(
    again,
    WRITER.email,
    WRITER.password,
    `/login?callbackUrl=${encodeURIComponent(`/newsroom/articles/${id}`)}`,
  );
  await expect(body(again)).toContainText('回来后补存的字', { timeout: 20_000 });
  await saved(again);
  await expect.poll(() => storedBodyText(id), { timeout: 20_000 }).toContain('回来后补存的字');
  await signOutButton(again).click();
  await expect(warning(again)).toHaveCount(0);
  await expectSignedOutWithoutCopies(again);
  await context.close();
});
