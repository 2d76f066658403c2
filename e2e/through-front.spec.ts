// Readers through the shipped nginx front (deploy/nginx/, started by the e2e setup): cached pages keep
// their own CSP nonce, junk router headers and cache-busting queries cannot poison the cache, photos come
// from disk as the app allows, and publish, correction, retraction and a scheduled story reach readers
// within a second (the journey e2e/through-app.spec.ts repeats through the app alone: e2e/support/freshness.ts).
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

import { findNginx } from '../server/front';
import { body, createArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { cachedCopyChecks, freshnessJourney } from './support/freshness';
import { FRONT_URL } from './support/front';

const REPORTER = { name: '周雨桐', email: 'zhouyutong@e2e.test', role: '记者', password: 'Gnotuyuohz-pass-1' };
const EDITOR_A = { name: '陈思远', email: 'chensiyuan@e2e.test', role: '编辑', password: 'Nauyisnehc-pass-1' };
const EDITOR_B = { name: '林晓雯', email: 'linxiaowen@e2e.test', role: '编辑', password: 'Newoaixnil-pass-1' };
const CHIEF = { name: '方建华', email: 'fangjianhua@e2e.test', role: '总编', password: 'Auhnaijgnaf-pass-1' };

test.describe.configure({ mode: 'serial' });
test.skip(!findNginx(), '跳过：没有 nginx，无法经前端测试（Debian：sudo apt-get install nginx）');

const front = (request: APIRequestContext, path: string, headers: Record<string, string> = {}) =>
  request.get(FRONT_URL + path, { headers, maxRedirects: 0 });
cachedCopyChecks({ name: 'the front', url: () => FRONT_URL, cacheHeader: 'x-cache-status' });

test('the front never caches for a signed-in visitor, the newsroom or sign-in; build files are immutable; unknown media are 404', async ({
  request,
  page,
}) => {
  const signedIn = await front(request, '/', { cookie: 'next-auth.session-token=forged' });
  expect(signedIn.headers()['x-cache-status']).toBe('BYPASS');
  expect(signedIn.headers()['cache-control']).toContain('no-store');
  // Asked twice: a second answer from the cache would show as X-Cache-Status.
  for (const path of [
    '/newsroom',
    '/newsroom',
    '/login',
    '/login',
    '/invite/no-such-token',
    '/invite/no-such-token',
    '/api/health',
    '/api/health',
  ]) {
    const answer = await front(request, path);
    expect(answer.headers()['cache-control'], path).toContain('no-store');
    expect(answer.headers()['x-cache-status'], path).toBeUndefined();
  }
  // A build file named by a page that loads Next's runtime (reader pages go out without it).
  await page.goto(`${FRONT_URL}/login`);
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await front(request, script!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-type']).toContain('javascript');
  const missing = await front(request, `/media/ab/${'0'.repeat(32)}/800.webp`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['x-content-type-options']).toBe('nosniff');
  expect((await front(request, '/media/../../etc/passwd')).status()).toBe(404);
});

test.describe('uploaded photos through the front', () => {
  test.beforeAll(async ({ browser }) => {
    await provisionAccount(browser, REPORTER);
  });

  test('an uploaded photo is served from disk by the front, only as the app allows, with the app’s headers', async ({
    browser,
    request,
  }) => {
    const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
    const page = reporter.page;
    await createArticle(page, null);
    await body(page).click();
    // A photo-sized JPEG under the upload form's 1 MB body limit (larger uploads have their own test).
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#5a7d4f' } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await page
      .getByLabel('选择要上传的图片')
      .setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: jpeg });
    const src = await body(page).locator('figure img').getAttribute('src', { timeout: 30_000 });
    expect(src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\/(800|1600)\.webp$/);
    const cookie = (await reporter.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    const fromApp = await request.get(src!, { headers: { cookie } });
    const fromFront = await front(request, src!, { cookie });
    expect(fromFront.status()).toBe(200);
    expect(fromFront.headers()['content-type']).toBe('image/webp');
    expect(fromFront.headers()['x-content-type-options']).toBe('nosniff');
    expect(fromFront.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(Buffer.compare(await fromFront.body(), await fromApp.body())).toBe(0);
    // Anonymous readers get what the app gives them (a draft's image may be withheld), never more.
    const anonymousApp = await request.get(src!, { headers: { cookie: '' } });
    const anonymousFront = await front(request, src!, { cookie: '' });
    expect(anonymousFront.status()).toBe(anonymousApp.status());
    if (anonymousFront.status() === 200)
      expect(anonymousFront.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await reporter.context.close();
  });
});

freshnessJourney(
  { name: 'the front', url: () => FRONT_URL, cacheHeader: 'x-cache-status' },
  { reporter: REPORTER, editorA: EDITOR_A, editorB: EDITOR_B, chief: CHIEF },
  { published: '柯城经前端发布的新闻', scheduled: '柯城经前端定时的新闻' },
);
