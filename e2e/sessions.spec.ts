// Sessions (issue 36, deliverable 3): each person sees where they are signed in and ends a session;
// the admin signs a person out everywhere; the server's idle timeout ends a session left alone, and
// the editor keeps what was typed and asks to sign in again.
import { expect, test } from '@playwright/test';

import { body, newArticle, saved, storedBodyText } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';

const WANDERER = { name: '钱望舒', email: 'qianwangshu@e2e.test', role: '记者', password: 'Uhsgnawnaiq-pass-1' };
const SLEEPER = { name: '孔令岚', email: 'konglinglan@e2e.test', role: '记者', password: 'Nalgnilgnok-pass-1' };

test.beforeAll(async ({ browser }) => {
  for (const account of [WANDERER, SLEEPER]) await provisionAccount(browser, account);
});

// The idle journey shortens the timeout; every other journey runs under the default.
test.afterAll(async () => {
  await withDb((db) => db.securityPolicy.updateMany({ data: { sessionIdleMinutes: 30 } }));
});

test('a person sees their sessions and ends another one; the admin signs them out everywhere', async ({ browser }) => {
  const laptop = await signedInPage(browser, WANDERER.email, WANDERER.password);
  const phone = await signedInPage(browser, WANDERER.email, WANDERER.password);

  await laptop.page.goto('/newsroom/profile');
  const sessions = laptop.page.getByTestId('own-sessions').getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: '（本设备）' })).toHaveCount(1);
  // Device, address and last seen.
  await expect(sessions.first()).toContainText('Chrome');
  await expect(sessions.first()).toContainText('127.0.0.1');
  await expect(sessions.first()).toContainText('最近活动');
  for (const width of [1400, 390]) {
    await laptop.page.setViewportSize({ width, height: 900 });
    await laptop.page
      .getByTestId('own-sessions')
      .screenshot({ path: `test-results/screens/own-sessions-${width}.png` });
  }

  // Ending the other browser's session: its next page is the sign-in page.
  await sessions.filter({ hasNotText: '（本设备）' }).getByRole('button', { name: '结束此登录' }).click();
  await expect(sessions).toHaveCount(1);
  await phone.page.goto('/newsroom');
  await expect(phone.page).toHaveURL(/\/login\?callbackUrl=/);

  // The admin signs them out everywhere: this browser too.
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto('/newsroom/admin/users?q=qianwangshu');
  await admin.page.getByRole('link', { name: WANDERER.name }).click();
  await expect(admin.page.getByTestId('open-sessions')).toHaveText('在 1 处登录中。');
  admin.page.once('dialog', (dialog) => dialog.accept());
  await admin.page.getByRole('button', { name: '强制退出所有登录' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: '已在所有设备上退出登录' })).toBeVisible();
  await admin.page.reload();
  await expect(admin.page.getByTestId('open-sessions')).toHaveText('没有登录中的设备。');
  await laptop.page.goto('/newsroom/profile');
  await expect(laptop.page).toHaveURL(/\/login\?callbackUrl=/);
  const event = await withDb((db) =>
    db.auditEvent.findFirst({ where: { action: 'user.sign-out-everywhere' }, orderBy: { createdAt: 'desc' } }),
  );
  expect(event?.details).toContain(WANDERER.email);
  for (const opened of [laptop, phone, admin]) await opened.context.close();
});

test('a session left idle past the timeout ends on the server; the editor keeps the text and asks to sign in again', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto('/newsroom/admin/settings');
  // 0 (never) is refused: by the field here, by the server's rule (lib/security/schemas.test.ts) for any other client.
  const idle = admin.page.getByLabel('空闲退出时间（分钟）');
  await idle.fill('0');
  await admin.page.getByRole('button', { name: '保存空闲退出设置' }).click();
  expect(await idle.evaluate((input) => (input as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
  await expect(admin.page.getByRole('status').filter({ hasText: '空闲退出设置已保存' })).toHaveCount(0);
  await admin.page.getByLabel('空闲退出时间（分钟）').fill('1');
  await admin.page.getByRole('button', { name: '保存空闲退出设置' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: '空闲退出设置已保存' })).toBeVisible();
  await admin.context.close();

  const writer = await signedInPage(browser, SLEEPER.email, SLEEPER.password);
  const id = await newArticle(writer.page, '空闲退出');
  await body(writer.page).click();
  await writer.page.keyboard.press('End');
  await writer.page.keyboard.type('离开前写下的字');
  await saved(writer.page);

  // A minute with no request and no typing: the socket's recheck finds the session idle.
  await expect(writer.page.getByRole('alert').filter({ hasText: '请重新登录后再编辑' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(body(writer.page)).toHaveAttribute('contenteditable', 'false');
  await expect(body(writer.page)).toContainText('离开前写下的字');
  expect(await storedBodyText(id)).toContain('离开前写下的字');

  // Signing in again from the editor's link comes back to the story with the text.
  await writer.page.getByRole('link', { name: '重新登录' }).click();
  await expect(writer.page).toHaveURL(/\/login\?callbackUrl=/);
  await writer.page.getByLabel('邮箱').fill(SLEEPER.email);
  await writer.page.getByLabel('密码').fill(SLEEPER.password);
  await writer.page.getByRole('button', { name: '登录' }).click();
  await expect(writer.page).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));
  await expect(body(writer.page)).toContainText('离开前写下的字');
  await expect(body(writer.page)).toHaveAttribute('contenteditable', 'true');
  await writer.context.close();

  // A page left idle as long is signed out too.
  const reader = await signedInPage(browser, SLEEPER.email, SLEEPER.password);
  await withDb((db) =>
    db.userSession.updateMany({
      where: { user: { email: SLEEPER.email }, endedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 61_000) },
    }),
  );
  await reader.page.goto('/newsroom');
  await expect(reader.page).toHaveURL(/\/login\?callbackUrl=/);
  await reader.context.close();
});
