import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './support/env';
import { acceptInvitation, createAccount, formAlert, signInAndExpect } from './support/auth';

const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/imports/issue-1732.txt');

test('an editor uploads a print export, checks the report, imports it as a draft, and is asked before replacing it', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndExpect(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  const invitation = await createAccount(admin, { name: '郑霞', email: 'zhengxia@e2e.test', role: '编辑' });
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await acceptInvitation(page, invitation, 'zhengxia-password-1');
  await signInAndExpect(page, 'zhengxia@e2e.test', 'zhengxia-password-1');
  await page.getByRole('link', { name: '导入期次' }).click();

  await page.getByLabel(/印刷系统导出的纯文本文件/).setInputFiles(FIXTURE);
  await page.getByRole('button', { name: '上传并预览' }).click();
  const report = page.getByRole('region', { name: /预览：第1732期/ });
  await expect(report).toContainText('2021-03-01 · 8版 · 3篇稿件');
  await expect(report).toContainText('第1版 · 打造共同富裕示范区，柯城先行先试');
  await expect(report).toContainText('编者按：编者按：垃圾分类是新时尚');
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByRole('status')).toContainText('已导入第1732期（草稿，未出版）：3篇稿件');

  // Drafts are not for readers.
  const reader = await context.newPage();
  await reader.goto('/search?q=%E5%BA%9C%E5%B1%B1%E8%A1%97%E9%81%93');
  await expect(reader.getByText('没有找到相关稿件')).toBeVisible();
  await reader.close();

  // The same issue again: the report says so, and replacing needs a choice.
  await page.reload();
  await page.getByLabel(/印刷系统导出的纯文本文件/).setInputFiles(FIXTURE);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(formAlert(page)).toContainText('第1732期已有草稿。要用这个文件替换它吗？');
  await page.getByLabel('第1732期已有草稿，用这个文件替换它').check();
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByRole('status')).toContainText('替换了原来的草稿');

  // A binary file is refused with a message.
  await page.reload();
  await page.getByLabel(/印刷系统导出的纯文本文件/).setInputFiles({ name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(formAlert(page)).toContainText('文件不是文本');
  await context.close();
});
