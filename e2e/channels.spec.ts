// 中央厨房: an admin switches channels on; an editor records a 微博 send of a published story, finds it
// with the dashboard's channel filter, and copies the 公众号 rendering, which keeps its inline styles
// when pasted into a rich-text editor in Chromium.
import { expect, test } from '@playwright/test';

import { createArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { withDb } from './support/database';
import { E2E_ADMIN } from './support/env';

const editor = {
  name: '渠道编辑',
  email: 'channels-editor@e2e.test',
  role: '编辑',
  password: 'Rotideslennahc-pass-1',
};

async function setChannels(page: import('@playwright/test').Page, on: boolean) {
  await page.goto('/newsroom/admin/settings');
  for (const name of ['微信公众号', '微博']) await page.getByRole('checkbox', { name, exact: true }).setChecked(on);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();
}

test('channels: record a 微博 send, filter the dashboard by channel, copy the 公众号 rendering', async ({
  browser,
}) => {
  await provisionAccount(browser, editor);
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await setChannels(admin.page, true);

  // A story of the sample issue that readers see, and that no other journey takes off the site.
  const story = await withDb((db) =>
    db.article.findFirstOrThrow({
      where: { liveRevisionId: { not: null }, retractedAt: null, deletedAt: null, coverMediaId: null },
      orderBy: { slug: 'asc' },
      select: { id: true, headline: true },
    }),
  );

  const { page, context } = await signedInPage(browser, editor.email, editor.password);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // A draft cannot go to any channel.
  await createArticle(page);
  await expect(page.getByTestId('channel-blocker')).toHaveText('稿件签发并在网站发布后才能发送到渠道');

  await page.goto(`/newsroom/articles/${story.id}`);
  const weibo = page.getByTestId('channel-WEIBO');
  await expect(weibo.getByTestId('channel-state')).toHaveText('未发送');
  // Bad input: a clear message, nothing recorded.
  await weibo.getByLabel('微博返回的链接或编号').fill('<b>x</b>');
  await weibo.getByRole('button', { name: '记录已发送' }).click();
  await expect(weibo.getByRole('alert')).toContainText('编号只能包含字母、数字和 _ - . : = /');
  await expect(weibo.getByTestId('channel-state')).toHaveText('未发送');
  await weibo.getByLabel('微博返回的链接或编号').fill('https://weibo.com/5123/PqRsT');
  await weibo.getByRole('button', { name: '记录已发送' }).click();
  await expect(weibo.getByTestId('channel-state')).toHaveText('已发送');
  await expect(weibo).toContainText('渠道编辑');
  await expect(weibo.getByRole('link', { name: 'https://weibo.com/5123/PqRsT' })).toBeVisible();

  // The dashboard: a 渠道 column, and a filter by channel and state.
  await page.goto('/newsroom?channel=WEIBO&cs=sent');
  const published = page.getByRole('table', { name: '最近发布' });
  await expect(published.getByRole('link', { name: story.headline })).toBeVisible();
  await expect(published.getByRole('row').filter({ hasText: story.headline })).toContainText('微博 已发送');
  await page.getByRole('combobox', { name: '状态' }).selectOption('unsent');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/cs=unsent/);
  await expect(published.getByRole('link', { name: story.headline })).toHaveCount(0);

  // 公众号: the rendering of the published copy, copied as rich text and pasted into an editor.
  await page.goto(`/newsroom/articles/${story.id}`);
  await page.getByRole('link', { name: '公众号排版与复制' }).click();
  await expect(page.getByRole('heading', { name: `公众号排版：${story.headline}` })).toBeVisible();
  await page.getByRole('button', { name: '复制到公众号' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制' })).toBeVisible();
  await page.evaluate(() => {
    const target = document.createElement('div');
    target.contentEditable = 'true';
    target.id = 'paste-target';
    document.body.append(target);
    target.focus();
  });
  await page.keyboard.press('Control+V');
  const pasted = page.locator('#paste-target');
  await expect(pasted).toContainText(story.headline);
  await expect(pasted).toContainText('原文链接：');
  // The inline styles survive the paste: the headline keeps its size and weight, paragraphs their spacing.
  const headlineStyle = await pasted
    .locator('p', { hasText: story.headline })
    .first()
    .evaluate((node) => ({
      size: getComputedStyle(node).fontSize,
      weight: getComputedStyle(node).fontWeight,
      inline: node.getAttribute('style') ?? '',
    }));
  expect(headlineStyle.size).toBe('22px');
  expect(Number(headlineStyle.weight)).toBeGreaterThanOrEqual(700);
  expect(headlineStyle.inline).toContain('font-size:22px');

  // The send is in the audit log.
  await admin.page.goto('/newsroom/admin/audit');
  await expect(admin.page.getByRole('cell', { name: '发送到渠道' }).first()).toBeVisible();
  await setChannels(admin.page, false);
  await admin.context.close();
  await context.close();
});
