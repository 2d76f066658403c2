import { expect, test } from '@playwright/test';

import { formAlert, signedInPage } from './support/auth';
import { E2E_ADMIN } from './support/env';

test('an admin changes the masthead lines and publishing days; a bad postcode is refused and readers see the new hotline', async ({
  browser,
}) => {
  const { page, context } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: '报刊设置' }).first().click();
  await expect(page.getByRole('heading', { name: '报刊设置' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '三审：初审、复审、终审（签发）' })).toBeChecked();

  await page.getByLabel('邮编').fill('3240');
  await page.getByLabel('采编热线').fill('0570-3099999');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(formAlert(page)).toContainText('邮编应为 6 位数字');
  // Nothing typed is lost when the server refuses the form.
  await expect(page.getByLabel('采编热线')).toHaveValue('0570-3099999');
  await expect(page.getByLabel('邮编')).toHaveValue('3240');

  const readers = await browser.newContext();
  const reader = await readers.newPage();
  await reader.goto('/');
  await expect(reader.getByText('采编热线：0570-3099999')).toHaveCount(0);

  await page.getByLabel('邮编').fill('324000');
  await page.getByRole('checkbox', { name: '星期四' }).check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();

  await reader.reload();
  await expect(reader.getByText('采编热线：0570-3099999').first()).toBeVisible();
  await page.goto('/newsroom/admin/audit');
  await expect(page.getByRole('cell', { name: '修改报刊设置' }).first()).toBeVisible();
  await readers.close();
  await context.close();
});
