import { expect, test } from '@playwright/test';

import { acceptInvitation, createAccount, formAlert, provisionAccount, signIn, signInAndExpect } from './support/auth';
import { E2E_ADMIN } from './support/env';

test('an admin invites a reporter, the reporter joins, and deactivation signs the reporter out at once', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndExpect(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin.getByRole('heading', { name: '工作台' })).toBeVisible();

  const invitation = await createAccount(admin, { name: '徐敏', email: 'xumin@e2e.test', role: '记者' });
  expect(invitation).toMatch(/\/invite\/[\w-]{20,}$/);

  const reporterContext = await browser.newContext();
  const reporter = await reporterContext.newPage();
  await acceptInvitation(reporter, invitation, 'Nimux-password-2020');
  await reporter.getByRole('link', { name: '现在登录' }).click();
  await expect(reporter.getByLabel('邮箱')).toHaveValue('xumin@e2e.test');
  await reporter.getByLabel('密码').fill('Nimux-password-2020');
  await reporter.getByRole('button', { name: '登录' }).click();
  await expect(reporter.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(reporter.getByText('徐敏，你好。你的角色是记者。')).toBeVisible();

  // The invitation is single-use.
  const reused = await reporterContext.newPage();
  await reused.goto(invitation);
  await expect(formAlert(reused)).toContainText('链接无效或已过期');
  await reused.close();

  await admin.goto('/newsroom/admin/users?q=xumin');
  await admin.getByRole('link', { name: '徐敏' }).click();
  admin.once('dialog', (dialog) => dialog.accept());
  await admin.getByRole('button', { name: '停用账号' }).click();
  await expect(admin.getByTestId('account-status')).toHaveText('已停用');

  await reporter
    .getByRole('link', { name: '个人设置' })
    .or(reporter.getByRole('link', { name: /徐敏（记者）/ }))
    .first()
    .click();
  await expect(reporter).toHaveURL(/\/login\?callbackUrl=/);

  // A deactivated account cannot sign in again (same generic message).
  await signIn(reporter, 'xumin@e2e.test', 'Nimux-password-2020');
  await expect(formAlert(reporter)).toHaveText('邮箱或密码不正确');

  const audit = await adminContext.newPage();
  await audit.goto('/newsroom/admin/audit');
  await expect(audit.getByRole('cell', { name: '停用账号' }).first()).toBeVisible();
  await expect(audit.getByRole('cell', { name: '接受邀请' }).first()).toBeVisible();
  await adminContext.close();
  await reporterContext.close();
});

test('changing one’s own password signs out one’s other browsers and keeps this one signed in', async ({ browser }) => {
  const email = 'zhengshuying@e2e.test';
  // A retried run finds the account with either password; a password once used cannot come back
  // (the last 5 are refused), so from the second it moves on to one never used.
  const [first, second] = ['Gniyuhsgnehz-pass-1', 'Gniyuhsgnehz-pass-2'] as const;
  await provisionAccount(browser, { name: '郑书颖', email, role: '记者', password: first });
  const here = await (await browser.newContext()).newPage();
  await signIn(here, email, first);
  const current = (await here.waitForURL(/\/newsroom$/, { timeout: 5_000 }).then(
    () => true,
    () => false,
  ))
    ? first
    : second;
  if (current === second) await signInAndExpect(here, email, current);
  const next = current === first ? second : `Gniyuhsgnehz-pass-${Date.now()}`;
  const elsewhere = await (await browser.newContext()).newPage();
  await signInAndExpect(elsewhere, email, current);

  await here.goto('/newsroom/profile');
  await here.getByLabel('当前密码').fill(current);
  await here.getByLabel('新密码', { exact: true }).fill(next);
  await here.getByLabel('再次输入新密码').fill(next);
  await here.getByRole('button', { name: '修改密码' }).click();
  await expect(here.getByRole('status')).toContainText('密码已修改');

  // The other browser is signed out at its next request; this one goes on.
  await elsewhere.goto('/newsroom');
  await expect(elsewhere).toHaveURL(/\/login\?callbackUrl=/);
  await here.goto('/newsroom');
  await expect(here.getByRole('heading', { name: '工作台' })).toBeVisible();
  await here.reload();
  await expect(here.getByRole('heading', { name: '工作台' })).toBeVisible();
  // The new password is the one that signs in.
  await signInAndExpect(elsewhere, email, next);
  await here.context().close();
  await elsewhere.context().close();
});

test('a reporter gets a 403 page, not a crash, on admin pages', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndExpect(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  const invitation = await createAccount(admin, { name: '严嘉慧', email: 'yanjiahui@e2e.test', role: '记者' });
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await acceptInvitation(page, invitation, 'Iuhaijnay-password-1');
  await signInAndExpect(page, 'yanjiahui@e2e.test', 'Iuhaijnay-password-1');
  await expect(page.getByRole('link', { name: '账号管理' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '报刊设置' })).toHaveCount(0);
  for (const path of ['/newsroom/admin/users', '/newsroom/admin/audit', '/newsroom/admin/settings']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '没有权限访问此页面' })).toBeVisible();
  }
  const csv = await page.request.get('/newsroom/admin/audit/export');
  expect(csv.status()).toBe(403);
  await context.close();
});

test('anonymous visitors are sent to sign in and come back to the page they asked for', async ({ page }) => {
  await page.goto('/newsroom/admin/audit?action=user.create');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom%2Fadmin%2Faudit%3Faction%3Duser.create/);
  await page.getByLabel('邮箱').fill(E2E_ADMIN.email);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/newsroom\/admin\/audit\?action=user.create$/);
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
});

test('repeated wrong passwords lock the account with a clear message', async ({ page }) => {
  const email = 'lockout-target@e2e.test';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(formAlert(page)).toHaveText('邮箱或密码不正确');
  }
  await signIn(page, email, 'wrong-password-again');
  await expect(formAlert(page)).toHaveText(/登录失败次数过多，请 1[45] 分钟后再试/);
});

test('every page carries the security headers', async ({ request }) => {
  for (const path of ['/', '/login']) {
    const response = await request.get(path);
    const headers = response.headers();
    const scriptSrc =
      headers['content-security-policy']?.split(';').find((part) => part.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
  }
  const login = await request.get('/login');
  expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
