// 中央厨房, the county app and the 微博 / 抖音 text pack: a story with a photo is signed off and
// published on the website; the social editor copies its 微博 text and downloads the chosen photo as
// a ZIP, records the post; the app fetches the feed and the story's JSON (ETag → 304), sees the
// correction, and the story leaves the feed once retracted. Screens of the panel at 1,400 and 390 px.
import fs from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { unzipSync } from 'fflate';

import { findNginx } from '../server/front';
import {
  body as articleBody,
  createArticle,
  signOffThreeLevels,
  submitArticle,
  typeArticle,
  workflowStatus,
} from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { cameraJpeg } from './support/camera-photo';
import { E2E_ADMIN } from './support/env';
import { FRONT_URL } from './support/front';

const REPORTER = { name: '陆知微', email: 'luzhiwei@e2e.test', role: '记者', password: 'Iewihzul-pass-123' };
const EDITOR_A = { name: '方文渠', email: 'fangwenqu@e2e.test', role: '编辑', password: 'Uqnewgnaf-pass-12' };
const EDITOR_B = { name: '沈墨川', email: 'shenmochuan@e2e.test', role: '编辑', password: 'Nauhcomnehs-pass-1' };
const CHIEF = { name: '顾承远', email: 'guchengyuan@e2e.test', role: '总编', password: 'Nauygnehcug-pass-1' };

const HEADLINE = '柯城口袋公园再添十二处';
const TEXT = '今年柯城新建口袋公园 12 处，市民出门五分钟就能到公园。';

type Feed = { version: string; items: { title: string; url: string; content_html: string; tags: string[] }[] };

async function feedTitles(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/app/feed.json');
  expect(response.status()).toBe(200);
  return ((await response.json()) as Feed).items.map((item) => item.title);
}

test('text pack and app feed: copy, ZIP, record; feed with ETag, correction, retraction', async ({ browser }) => {
  test.setTimeout(240_000);
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);

  // The admin runs the app and 微博 besides the website.
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.page.goto('/newsroom/admin/settings');
  for (const name of ['客户端', '微博']) await admin.page.getByRole('checkbox', { name, exact: true }).check();
  await admin.page.getByRole('button', { name: '保存设置' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: '设置已保存' })).toBeVisible();
  await admin.context.close();

  // A story with a photo in its text, signed off through 三审 and published on the website.
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(reporter.page, null);
  const articleUrl = reporter.page.url();
  await typeArticle(reporter.page, HEADLINE, TEXT);
  const body = articleBody(reporter.page);
  await reporter.page
    .getByLabel('选择要上传的图片')
    .setInputFiles({ name: 'park.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(300 * 1024) });
  await body.locator('figure img').click({ timeout: 60_000 });
  await reporter.page.getByLabel('图片替代文字').fill('新建的口袋公园');
  await expect(reporter.page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  await submitArticle(reporter.page);
  await reporter.context.close();
  await signOffThreeLevels(browser, articleUrl, [EDITOR_A, EDITOR_B, CHIEF]);
  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(articleUrl);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(workflowStatus(page)).toHaveText('状态：已发布');
  const readerPath = (await page.getByRole('link', { name: '在网站上查看' }).getAttribute('href'))!;
  const slug = readerPath.split('/').pop()!;

  // 微博 text pack: the text as the panel shows it goes to the clipboard whole.
  const weibo = page.getByTestId('channel-WEIBO');
  const text = await weibo.getByLabel('微博', { exact: true }).inputValue();
  expect(text).toContain(`【${HEADLINE}】${TEXT}`);
  expect(text).toMatch(new RegExp(`https?://[^ ]+/articles/${slug}$`));
  await weibo.getByRole('button', { name: '复制微博文案' }).click();
  await expect(weibo.getByRole('status').filter({ hasText: '已复制微博文案' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // The chosen photo as one ZIP: the original JPEG and the texts.
  await expect(weibo.getByRole('checkbox', { name: /选择第 1 张图片/ })).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    weibo.getByRole('link', { name: '下载所选图片（1 张，ZIP）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${slug}-weibo.zip`);
  const zipPath = await download.path();
  const files = unzipSync(new Uint8Array(await fs.readFile(zipPath)));
  expect(Object.keys(files)).toEqual(['01.jpg', '文案.txt']);
  expect([...files['01.jpg']!.slice(0, 2)]).toEqual([0xff, 0xd8]);
  expect(new TextDecoder().decode(files['文案.txt'])).toContain(text);
  // None chosen: no download is offered.
  await weibo.getByRole('checkbox', { name: /选择第 1 张图片/ }).uncheck();
  await expect(weibo.getByText('请至少选择一张图片')).toBeVisible();
  await expect(weibo.getByRole('link', { name: /下载所选图片/ })).toHaveCount(0);
  // A photo that is not the story's: a clear refusal from the download address, nothing built.
  const foreign = await page.request.get(`/newsroom/articles/${articleUrl.split('/').pop()}/text-pack.zip?media=x`);
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error).toBe('所选图片不在这篇稿件的已发布版本中');
  await weibo.getByRole('checkbox', { name: /选择第 1 张图片/ }).check();

  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page
      .getByRole('region', { name: '发布渠道' })
      .screenshot({ path: `test-results/screens/channel-panel-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Posting is recorded as on any channel.
  await weibo.getByLabel('微博返回的链接或编号').fill('https://weibo.com/5123/QwErT');
  await weibo.getByRole('button', { name: '记录已发送' }).click();
  await expect(weibo.getByTestId('channel-state')).toHaveText('已发送');

  // The app: the story is in the feed (JSON Feed 1.1), tagged and cached like a reader page.
  const app = await browser.newContext();
  const feed = await app.request.get('/app/feed.json');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/feed+json');
  expect(feed.headers()['cache-control']).toContain('s-maxage=1');
  const parsed = (await feed.json()) as Feed;
  expect(parsed.version).toBe('https://jsonfeed.org/version/1.1');
  const item = parsed.items.find((entry) => entry.title === HEADLINE);
  expect(item?.content_html).toMatch(/<img[^>]* src="https?:\/\/[^"]+\/media\//);
  // Held copies are answered 304 without a body.
  const etag = feed.headers().etag!;
  expect(etag).toMatch(/^W\/"[\w-]+"$/);
  const again = await app.request.get('/app/feed.json', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe('');
  const single = await app.request.get(`/app/articles/${slug}`);
  expect(single.status()).toBe(200);
  expect((await single.json()).title).toBe(HEADLINE);
  const articleEtag = single.headers().etag!;
  expect((await app.request.get(`/app/articles/${slug}`, { headers: { 'If-None-Match': articleEtag } })).status()).toBe(
    304,
  );

  // Through the shipped nginx front the same: it answers validators from its copy.
  if (findNginx()) {
    const viaFront = await app.request.get(`${FRONT_URL}/app/feed.json`);
    expect(viaFront.status()).toBe(200);
    const frontTag = viaFront.headers().etag!;
    const held = await app.request.get(`${FRONT_URL}/app/feed.json`, { headers: { 'If-None-Match': frontTag } });
    expect(held.status()).toBe(304);
  }

  // A correction shows in the app as on the website, and the held copy is no longer current.
  await page.getByLabel('更正内容（读者可见，注明日期）').fill('本文“12 处”应为“13 处”。');
  await page.getByRole('button', { name: '追加更正' }).click();
  await expect(page.getByText('更正已公开')).toBeVisible();
  await expect
    .poll(async () => (await app.request.get(`/app/articles/${slug}`)).text(), { timeout: 10_000 })
    .toContain('本文“12 处”应为“13 处”。');
  expect((await app.request.get(`/app/articles/${slug}`, { headers: { 'If-None-Match': articleEtag } })).status()).toBe(
    200,
  );

  // Retracted: gone from the feed, and the story's JSON says so (410).
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByLabel('撤稿声明（读者可见）').fill('本文信息有误，已撤稿。');
  await page.getByRole('button', { name: '撤稿' }).click();
  await expect(workflowStatus(page)).toHaveText('状态：已撤稿');
  await expect.poll(() => feedTitles(app.request), { timeout: 10_000 }).not.toContain(HEADLINE);
  const gone = await app.request.get(`/app/articles/${slug}`);
  expect(gone.status()).toBe(410);
  expect(await gone.json()).toMatchObject({ retracted: true, note: '本文信息有误，已撤稿。' });
  await app.close();
  await context.close();
});
