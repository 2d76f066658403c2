// 公众号 through its API, against the local double (test/support/wechat-double.ts) on E2E_WECHAT_PORT,
// which the server knows as WECHAT_API_BASE: an admin saves the AppID and a wrong AppSecret (never shown
// again); 推送到草稿箱 says what is wrong in Chinese and sends nothing (wrong AppSecret, IP off the
// whitelist, an image over the size limit, no cover); with the right AppSecret an editor pushes, the
// editor may not 发布, the chief editor does and the page shows WeChat's result. Screens at 1,400 and 390 px.
import { expect, test, type Locator, type Page } from '@playwright/test';

import { makeActor } from '../test/support/users';
import { wechatReadyArticle, type WechatDesk } from '../test/support/wechat-article';
import { WechatDouble } from '../test/support/wechat-double';
import { provisionAccount, signedInPage } from './support/auth';
import { serverDatabaseEnv, withDb } from './support/database';
import { E2E_ADMIN, E2E_WECHAT_PORT } from './support/env';
import { keepScreenshot } from './support/layout';

const APP_ID = 'wx5e2ea0b1c2d3e4f5';
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const editor = { name: '公众号编辑', email: 'wechat-editor@e2e.test', role: '编辑', password: 'Nihcewhsup-pass-2' };
const chief = { name: '公众号总编', email: 'wechat-chief@e2e.test', role: '总编', password: 'Feihctahcew-pass-3' };

let double: WechatDouble;
test.beforeAll(async () => {
  double = new WechatDouble({ appId: APP_ID, secret: SECRET, publishPolls: 2 });
  await double.start(E2E_WECHAT_PORT);
});
test.afterAll(async () => {
  await double.stop();
});

/** How far the channel panel's row is wider than the room it has (nothing of it scrolls sideways on a phone). */
const wideBy = (row: Locator) => row.evaluate((node) => node.scrollWidth - node.clientWidth);

async function saveCredentials(page: Page, secret: string) {
  await page.goto('/newsroom/admin/settings');
  await page.getByLabel('AppID').fill(APP_ID);
  await page.getByLabel('AppSecret').fill(secret);
  await page.getByRole('button', { name: '保存公众号接口' }).click();
}

test('公众号 API: credentials sealed, every refusal in Chinese with nothing half-sent, push, chief-only 发布 and its result', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await provisionAccount(browser, editor);
  await provisionAccount(browser, chief);
  // Stories the desk made through the services (signed off by 三审, published), pictures in MEDIA_DIR.
  const mediaDir = `${serverDatabaseEnv().DATA_DIR}/media`;
  const [withCover, noCover] = await withDb(async (db) => {
    const desk: WechatDesk = {
      publicationId: (await db.publication.findFirstOrThrow()).id,
      reporter: await makeActor(db, 'REPORTER', { name: '公众号记者' }),
      editorA: await makeActor(db, 'EDITOR', { name: '公众号初审' }),
      editorB: await makeActor(db, 'EDITOR', { name: '公众号复审' }),
      chief: await makeActor(db, 'CHIEF_EDITOR', { name: '公众号签发' }),
    };
    const size: [number, number] = [960, 720];
    return [
      await wechatReadyArticle(db, desk, mediaDir, { headline: '口袋公园推送到公众号', images: 2, seed: 7, size }),
      await wechatReadyArticle(db, desk, mediaDir, {
        headline: '没有封面的稿件',
        cover: false,
        images: 1,
        seed: 8,
        size,
      }),
    ];
  });

  // The admin: channel on, AppSecret refused when malformed, saved (wrong on purpose) and never shown again.
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto('/newsroom/admin/settings');
  await admin.page.getByRole('checkbox', { name: '微信公众号', exact: true }).setChecked(true);
  await admin.page.getByRole('button', { name: '保存设置' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();
  await saveCredentials(admin.page, 'short');
  await expect(admin.page.getByRole('alert').filter({ hasText: 'AppSecret 应为 32 位字母和数字' })).toBeVisible();
  await saveCredentials(admin.page, 'ffffffffffffffffffffffffffffffff');
  await expect(admin.page.getByRole('status').filter({ hasText: '公众号接口已保存' })).toBeVisible();
  await admin.page.reload();
  await expect(admin.page.getByLabel('AppSecret')).toHaveValue('');
  await expect(admin.page.getByText('已保存（不再显示）；留空则不修改')).toBeVisible();
  expect(await admin.page.content()).not.toContain('ffffffffffffffffffffffffffffffff');
  const sealed = await withDb((db) => db.publication.findFirstOrThrow({ select: { wechatSecretSealed: true } }));
  expect(sealed.wechatSecretSealed).toMatch(/^v1:/);
  expect(sealed.wechatSecretSealed).not.toContain('ffffffff');

  const { page, context } = await signedInPage(browser, editor.email, editor.password);
  const wechat = page.getByTestId('channel-WECHAT');
  const push = (label = '推送到草稿箱') => wechat.getByRole('button', { name: label }).click();

  // A story with no cover: refused before WeChat is called.
  await page.goto(`/newsroom/articles/${noCover}`);
  await push();
  await expect(wechat.getByRole('alert').filter({ hasText: '稿件没有封面图' })).toBeVisible();
  expect(double.calls).toEqual([]);

  // Wrong AppSecret: WeChat's refusal in Chinese, recorded as the failure, no draft.
  await page.goto(`/newsroom/articles/${withCover}`);
  await push();
  await expect(wechat.getByRole('alert').filter({ hasText: 'AppSecret 不正确' }).first()).toBeVisible();
  await page.reload();
  await expect(wechat.getByTestId('channel-state')).toHaveText('发送失败');
  expect(double.drafts.size).toBe(0);

  // The right AppSecret; an IP off the whitelist, then an image over the limit: each refused, nothing half-sent.
  await saveCredentials(admin.page, SECRET);
  await expect(admin.page.getByRole('status').filter({ hasText: '公众号接口已保存' })).toBeVisible();
  double.options.whitelisted = false;
  await page.reload();
  await push('重试：推送到草稿箱');
  await expect(wechat.getByRole('alert').filter({ hasText: 'IP 白名单' }).first()).toBeVisible();
  double.options.whitelisted = true;
  double.options.contentImageLimit = 1024;
  await page.reload();
  await push('重试：推送到草稿箱');
  await expect(wechat.getByRole('alert').filter({ hasText: '图片超过微信的大小限制' }).first()).toBeVisible();
  expect(double.drafts.size).toBe(0);
  expect(double.materials.size).toBe(0);
  double.options.contentImageLimit = undefined;

  // Pushed: in the draft box; the editor may not 发布.
  await page.reload();
  await push('重试：推送到草稿箱');
  await expect(wechat.getByRole('status').filter({ hasText: '已推送到公众号草稿箱' })).toBeVisible();
  await page.reload();
  await expect(wechat.getByTestId('channel-state')).toHaveText('已进草稿箱');
  expect(double.drafts.size).toBe(1);
  const [draft] = [...double.drafts.values()];
  expect(draft!.title).toBe('口袋公园推送到公众号');
  expect(draft!.content).toContain('http://mmbiz.qpic.cn/');
  expect(draft!.content).not.toContain('/media/');
  await expect(wechat.getByRole('button', { name: '发布', exact: true })).toHaveCount(0);
  await expect(wechat).toContainText('由总编在这里发布');

  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wideBy(wechat)).toBeLessThanOrEqual(0);
    await keepScreenshot(wechat, testInfo, `wechat-push-draft-${width}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  // The chief editor: 发布, then the result WeChat reports (publishing twice, then published).
  const boss = await signedInPage(browser, chief.email, chief.password);
  await boss.page.goto(`/newsroom/articles/${withCover}`);
  const bossWechat = boss.page.getByTestId('channel-WECHAT');
  boss.page.once('dialog', (dialog) => void dialog.accept());
  await bossWechat.getByRole('button', { name: '发布', exact: true }).click();
  await expect(bossWechat.getByText('正在等待微信的发布结果')).toBeVisible();
  await expect(bossWechat.getByTestId('channel-state')).toHaveText('已发送', { timeout: 20_000 });
  await expect(bossWechat.getByRole('link', { name: /mp\.weixin\.qq\.com/ })).toBeVisible();
  for (const width of [1400, 390]) {
    await boss.page.setViewportSize({ width, height: 900 });
    expect(await wideBy(bossWechat)).toBeLessThanOrEqual(0);
    await keepScreenshot(bossWechat, testInfo, `wechat-push-sent-${width}`);
  }
  await admin.page.setViewportSize({ width: 1400, height: 900 });
  await keepScreenshot(admin.page.getByRole('region', { name: '公众号接口' }), testInfo, 'wechat-settings-1400');

  // Switched off again for the journeys after this one.
  await admin.page.goto('/newsroom/admin/settings');
  await admin.page.getByRole('checkbox', { name: '微信公众号', exact: true }).setChecked(false);
  await admin.page.getByRole('button', { name: '保存设置' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();
  await Promise.all([admin.context.close(), boss.context.close(), context.close()]);
});
