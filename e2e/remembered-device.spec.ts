import { expect, test, type Page } from '@playwright/test';

import { totpCodeAt } from '../lib/auth/totp';
import { TRUSTED_DEVICE_COOKIE } from '../lib/auth/trusted-device';
import { E2E_PORT } from '../playwright.config';
import { provisionAccount, signedInPage, signIn } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';

const CHIEF = { name: '祁望舒', email: 'qiwangshu@e2e.test', role: '总编', password: 'Uhsgnawiq-pass-1' };
// A fixed key: the journey computes codes itself (an authenticator app would show the same).
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// The chief editor's browser opens the newsroom by a second loopback address, as a LAN address would.
const CHIEF_ORIGIN = `http://127.0.0.2:${E2E_PORT}`;
const REMEMBER = '这台设备 30 天内不再询问验证码（公用电脑请勿勾选）';

test.afterAll(async () => {
  await withDb((db) => db.securityPolicy.updateMany({ data: { rememberDevice: false } }));
});

async function passwordStep(page: Page): Promise<void> {
  await signIn(page, CHIEF.email, CHIEF.password, `${CHIEF_ORIGIN}/login`);
}

test('a chief editor lets a browser skip the code for 30 days where the admin offers it, and forgets it', async ({
  browser,
}) => {
  await provisionAccount(browser, CHIEF);
  await withDb(async (db) => {
    const user = await db.user.update({
      where: { email: CHIEF.email },
      data: { totpSecret: SECRET, totpPending: null, totpEnabledAt: new Date(), totpLastStep: null },
    });
    await db.trustedDevice.deleteMany({ where: { userId: user.id } });
  });

  // Not offered by default: the code step has no box.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const early = await phone.newPage();
  await passwordStep(early);
  await expect(early.getByLabel('验证码', { exact: true })).toBeVisible();
  await expect(early.getByText(REMEMBER)).toHaveCount(0);
  await phone.close();

  const { page: admin, context: adminContext } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.goto('/newsroom/admin/settings');
  await admin.getByRole('checkbox', { name: /登录时允许选择/ }).check();
  await admin.getByRole('button', { name: '保存两步验证设置' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '两步验证设置已保存' })).toBeVisible();

  // Ticked at the code step: an httpOnly cookie sent only to the sign-in endpoint.
  const desk = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await desk.newPage();
  await passwordStep(page);
  await page.getByLabel('验证码', { exact: true }).fill(await totpCodeAt(SECRET, new Date()));
  await page.getByRole('checkbox', { name: REMEMBER }).check();
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  const [cookie] = (await desk.cookies(CHIEF_ORIGIN + '/api/auth')).filter((c) => c.name === TRUSTED_DEVICE_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Lax' });
  expect((await desk.cookies(CHIEF_ORIGIN + '/newsroom')).map((c) => c.name)).not.toContain(TRUSTED_DEVICE_COOKIE);

  // The session ends (idle, closed browser): the same browser signs in with the password alone.
  await desk.clearCookies({ name: 'next-auth.session-token' });
  await passwordStep(page);
  await expect(page).toHaveURL(/\/newsroom$/);

  // Another browser is still asked for the code.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await passwordStep(elsewhere);
  await expect(elsewhere.getByLabel('验证码', { exact: true })).toBeVisible();
  await expect(elsewhere.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked();
  await other.close();

  // 个人设置 lists the remembered browser; forgetting it brings the code back.
  await page.goto(`${CHIEF_ORIGIN}/newsroom/profile`);
  // The address is the client's (the socket's peer), not the one it opened: 127.0.0.1 here.
  await expect(page.getByTestId('remembered-devices')).toContainText('Chrome');
  await expect(page.getByTestId('remembered-devices')).toContainText('127.0.0.1');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '忘记这些设备' }).click();
  await expect(page.getByTestId('remembered-devices')).toHaveCount(0);
  await desk.clearCookies({ name: 'next-auth.session-token' });
  await passwordStep(page);
  await expect(page.getByLabel('验证码', { exact: true })).toBeVisible();
  await desk.close();

  await admin.goto('/newsroom/admin/audit');
  await expect(admin.getByRole('cell', { name: '忘记记住的设备' }).first()).toBeVisible();
  await expect(admin.getByRole('cell', { name: '修改“记住设备”设置' }).first()).toBeVisible();
  await adminContext.close();
});
