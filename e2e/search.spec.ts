import { expect, test } from '@playwright/test';

import { signInAndExpect } from './support/auth';
import { E2E_ADMIN } from './support/env';

test('a reader searches in Chinese and sees highlighted snippets', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '搜索' }).click();
  await page.getByLabel('关键词').fill('大禹鼎');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=%E5%A4%A7%E7%A6%B9%E9%BC%8E/);
  await expect(page.getByText('找到 1 篇稿件')).toBeVisible();
  await expect(page.locator('.search-snippet mark').first()).toHaveText('大禹鼎');
  await page.getByRole('link', { name: '柯城夺下“大禹鼎”' }).click();
  await expect(page).toHaveURL('/articles/ke-cheng-duo-xia-da-yu-ding');

  await page.goto('/search?q=%E6%9F%AF%E5%9F%8E');
  await expect(page.getByText('找到 4 篇稿件')).toBeVisible();
  await page.goto('/search?q=%E6%9F%AF%E5%9F%8E&from=2021-01-01');
  await expect(page.getByText('没有找到相关稿件')).toBeVisible();
  await page.goto('/search?q=%E6%9F%AF%E5%9F%8E&from=2020-13-01');
  await expect(page.getByText('日期格式应为 年-月-日')).toBeVisible();
});

test('the newsroom search box finds stories', async ({ page }) => {
  await signInAndExpect(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('searchbox', { name: '搜索稿件' }).fill('巡察组');
  await page.getByRole('searchbox', { name: '搜索稿件' }).press('Enter');
  await expect(page.getByRole('heading', { name: '搜索稿件' })).toBeVisible();
  await expect(page.getByRole('link', { name: '柯城区八届区委第十二轮巡察全部进驻！' })).toBeVisible();
});
