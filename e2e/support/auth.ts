// Signing in through the real sign-in page, as each journey's people do.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { E2E_ADMIN } from './env';

export async function signIn(page: Page, email: string, password: string, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function signInAndExpect(
  page: Page,
  email: string,
  password: string,
  urlPattern: RegExp = /\/newsroom$/,
): Promise<void> {
  await signIn(page, email, password);
  await expect(page).toHaveURL(urlPattern);
}

/** Creates an account as the signed-in admin and returns its one-time invitation URL. */
export async function createAccount(
  page: Page,
  account: { name: string; email: string; role: string },
): Promise<string> {
  const link = await submitNewAccount(page, account);
  await expect(link).toBeVisible();
  return link.inputValue();
}

async function submitNewAccount(page: Page, account: { name: string; email: string; role: string }) {
  await page.goto('/newsroom/admin/users');
  const form = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
  await form.getByLabel('姓名').fill(account.name);
  await form.getByLabel('邮箱').fill(account.email);
  await form.getByLabel('角色').selectOption({ label: account.role });
  await form.getByRole('button', { name: '创建账号' }).click();
  return page.getByTestId('one-time-link');
}

export async function acceptInvitation(page: Page, url: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入新密码').fill(password);
  await page.getByRole('button', { name: '设置密码' }).click();
  await expect(page.getByRole('status')).toContainText('密码已设置');
}

/** The page's own alert (Next's empty route announcer also has role=alert). */
export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/**
 * Makes an account through the admin pages (as a real admin would) and sets its password through the
 * invitation. An account that exists already was made by this spec's first attempt (each account
 * belongs to one spec: test/e2e-accounts.test.ts), so a retried spec goes on with it.
 */
export async function provisionAccount(
  browser: Browser,
  account: { name: string; email: string; role: string; password: string },
): Promise<void> {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndExpect(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  const link = await submitNewAccount(admin, account);
  const exists = formAlert(admin).filter({ hasText: '该邮箱已有账号' });
  await expect(link.or(exists)).toBeVisible();
  if (await link.isVisible()) {
    const joinContext = await browser.newContext();
    await acceptInvitation(await joinContext.newPage(), await link.inputValue(), account.password);
    await joinContext.close();
  }
  await adminContext.close();
}

export async function signedInPage(
  browser: Browser,
  email: string,
  password: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndExpect(page, email, password);
  return { page, context };
}
