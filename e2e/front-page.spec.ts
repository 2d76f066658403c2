import { expect, test } from '@playwright/test';

test('the front page shows the sample issue masthead and its four page-1 headlines', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);

  const masthead = page.getByRole('banner', { name: '报头' });
  await expect(masthead.getByRole('heading', { level: 1 })).toHaveText('今日柯城');
  await expect(masthead).toContainText('第1705期');
  await expect(masthead).toContainText('2020年8月17日 星期一 农历庚子年六月廿八');
  await expect(masthead).toContainText('衢州市柯城区融媒体中心编印');
  await expect(masthead).toContainText('采编热线：3049743');
  await expect(masthead).toContainText('今日四版');

  const headlines = page.locator('main article h3');
  await expect(headlines).toHaveText([
    '现场会在柯城召开',
    '柯城区人民医院干部职工大会召开',
    '柯城区八届区委第十二轮巡察全部进驻！',
    '柯城夺下“大禹鼎”',
  ]);
  await expect(page.getByText('市域社会治理现代化·红色物业联盟治理篇', { exact: true })).toBeVisible();
  await expect(page.getByText('电话邮箱公布', { exact: true })).toBeVisible();
});

test('the health endpoint reports the database and migrations as ready', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, database: 'ok' });
  expect(body.migrations.pending).toEqual([]);
  expect(body.migrations.applied).toBe(body.migrations.expected);
});
