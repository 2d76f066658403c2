import { expect, test, type Page } from '@playwright/test';

import { totpCodeAt } from '../lib/auth/totp';
import { formAlert, provisionAccount, signedInPage, signIn } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';

const REPORTER = { name: '骆清禾', email: 'luoqinghe@e2e.test', role: '记者', password: 'Ehgniqoul-pass-1' };

// The suite runs with no role required to use two factors (global-setup.ts); this journey turns it on
// for reporters and puts it back whatever happens.
test.afterAll(async () => {
  await withDb((db) => db.securityPolicy.updateMany({ data: { twoFactorRoles: '' } }));
});

/** The code the app would show 30 s from now: a later time step than any used so far, within the ±1 step allowed. */
function nextCode(secret: string): Promise<string> {
  return totpCodeAt(secret, new Date(Date.now() + 30_000));
}

async function secretOf(email: string): Promise<string> {
  const user = await withDb((db) => db.user.findUniqueOrThrow({ where: { email } }));
  if (!user.totpSecret) throw new Error(`${email} has no second factor`);
  return user.totpSecret;
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('验证码', { exact: true }).fill(code);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a required role sets up two-factor sign-in, signs in with a code and a recovery code, and an admin resets it', async ({
  browser,
}) => {
  await provisionAccount(browser, REPORTER);
  // A retried run starts from an account without a second factor.
  await withDb(async (db) => {
    const user = await db.user.update({
      where: { email: REPORTER.email },
      data: { totpSecret: null, totpPending: null, totpEnabledAt: null, totpLastStep: null, totpResetNote: false },
    });
    await db.recoveryCode.deleteMany({ where: { userId: user.id } });
  });

  const { page: admin, context: adminContext } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.goto('/newsroom/admin/settings');
  await admin.getByRole('checkbox', { name: '记者' }).check();
  await admin.getByRole('button', { name: '保存两步验证设置' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '两步验证设置已保存' })).toBeVisible();

  // Signing in with the password, the reporter is sent to set it up before entering the newsroom.
  const first = await (await browser.newContext()).newPage();
  await signIn(first, REPORTER.email, REPORTER.password);
  await expect(first).toHaveURL(/\/two-factor$/);
  await expect(first.getByText('你的角色按规定必须使用两步验证')).toBeVisible();
  await first.goto('/newsroom/profile');
  await expect(first).toHaveURL(/\/two-factor$/);

  await first.getByRole('button', { name: '开始设置' }).click();
  await expect(first.getByRole('img', { name: '身份验证器二维码' })).toBeVisible();
  const key = (await first.getByTestId('totp-key').innerText()).replace(/\s+/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await first.getByLabel('验证码', { exact: true }).fill('000000');
  await first.getByRole('button', { name: '确认启用' }).click();
  await expect(first.getByText('验证码不正确：请确认手机时间准确')).toBeVisible();
  await first.getByLabel('验证码', { exact: true }).fill(await totpCodeAt(key, new Date()));
  await first.getByRole('button', { name: '确认启用' }).click();
  await expect(first.getByRole('status')).toContainText('两步验证已启用');
  const recoveryCodes = await first.getByTestId('recovery-codes').locator('li').allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await first.getByRole('link', { name: '我已保存恢复码，进入采编系统' }).click();
  await expect(first.getByRole('heading', { name: '工作台' })).toBeVisible();
  await first.context().close();

  // Password, then the code: a wrong one is refused and counted, the next step's code lets in.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, REPORTER.email, REPORTER.password);
  await expect(second.getByLabel('验证码', { exact: true })).toBeVisible();
  await enterCode(second, '123456');
  await expect(formAlert(second)).toHaveText('验证码不正确或已用过');
  await enterCode(second, await nextCode(await secretOf(REPORTER.email)));
  await expect(second).toHaveURL(/\/newsroom$/);
  await second.goto('/newsroom/profile');
  await expect(second.getByTestId('two-factor-status')).toContainText('还剩 10 个恢复码可用');

  // A recovery code works once.
  const third = await (await browser.newContext()).newPage();
  await signIn(third, REPORTER.email, REPORTER.password);
  await enterCode(third, recoveryCodes[0]!);
  await expect(third).toHaveURL(/\/newsroom$/);
  const fourth = await (await browser.newContext()).newPage();
  await signIn(fourth, REPORTER.email, REPORTER.password);
  await enterCode(fourth, recoveryCodes[0]!);
  await expect(formAlert(fourth)).toHaveText('验证码不正确或已用过');
  await fourth.context().close();
  await third.context().close();

  // The admin resets it (a lost phone): the reporter is signed out and asked to set it up again.
  await admin.goto('/newsroom/admin/users?q=luoqinghe');
  await admin.getByRole('link', { name: REPORTER.name }).click();
  await expect(admin.getByTestId('two-factor-since')).toContainText('起启用');
  admin.once('dialog', (dialog) => dialog.accept());
  await admin.getByRole('button', { name: '重置两步验证' }).click();
  // The page is rendered again from the database: the reset shows as the state.
  await expect(admin.getByTestId('two-factor-since')).toHaveText('未启用。');
  await second.goto('/newsroom');
  await expect(second).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(second, REPORTER.email, REPORTER.password);
  await expect(second).toHaveURL(/\/two-factor$/);
  await expect(second.getByText('管理员已重置你的两步验证')).toBeVisible();
  await second.context().close();

  await admin.goto('/newsroom/admin/audit');
  await expect(admin.getByRole('cell', { name: '重置两步验证' }).first()).toBeVisible();
  await expect(admin.getByRole('cell', { name: '启用两步验证' }).first()).toBeVisible();
  await adminContext.close();
});
