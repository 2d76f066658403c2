// Readers through the shipped nginx front (deploy/nginx/, started by the e2e setup): cached pages keep
// their own CSP nonce, junk router headers and cache-busting queries cannot poison the cache, and
// publish, correction, retraction and a scheduled story reach readers within a second.
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

import { slugBase } from '../lib/articles/slug';
import { wallClockSecondsIn } from '../lib/dates/time-zone';
import { findNginx } from '../server/front';
import { body, createArticle, submitArticle, workflowStatus, writeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { FRONT_URL } from './support/front';

const REPORTER = { name: '周雨桐', email: 'zhouyutong@e2e.test', role: '记者', password: 'Gnotuyuohz-pass-1' };
const EDITOR_A = { name: '陈思远', email: 'chensiyuan@e2e.test', role: '编辑', password: 'Nauyisnehc-pass-1' };
const EDITOR_B = { name: '林晓雯', email: 'linxiaowen@e2e.test', role: '编辑', password: 'Newoaixnil-pass-1' };
const CHIEF = { name: '方建华', email: 'fangjianhua@e2e.test', role: '总编', password: 'Auhnaijgnaf-pass-1' };

test.describe.configure({ mode: 'serial' });
test.skip(!findNginx(), '跳过：没有 nginx，无法经前端测试（Debian：sudo apt-get install nginx）');

/** How long a change may take to reach readers through the front: the micro-cache's one second. */
const FRESH_WITHIN_MS = 1000;

type Answer = { status: number; body: string; cacheStatus: string };
type Fresh = (answer: Answer) => boolean;

/**
 * Asks the front for `path` until `fresh` passes. A request sent within `ms` of `since` may pass; the
 * first request sent after that must pass (the time the app takes to render is not the cache's doing).
 * A miss names where the stale copy came from: the front's cache status and what the app itself answers
 * for the same path right then, and how long the front then took to catch up.
 */
async function freshWithin(
  request: APIRequestContext,
  what: string,
  since: number,
  ms: number,
  path: string,
  fresh: Fresh,
): Promise<number> {
  for (;;) {
    const sentAt = Date.now();
    const answer = await ask(request, FRONT_URL + path);
    if (fresh(answer)) return sentAt - since;
    if (sentAt - since > ms) {
      const app = await ask(request, path);
      let caughtUp = 'not within 10 s';
      while (Date.now() - since < 10_000) {
        const again = Date.now();
        if (fresh(await ask(request, FRONT_URL + path))) {
          caughtUp = `after ${again - since} ms`;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `${what}: still stale ${sentAt - since} ms after the change (front: ${answer.status}, X-Cache-Status ${answer.cacheStatus}; ` +
          `the app itself: ${fresh(app) ? 'fresh' : 'stale'} ${app.status}; the front caught up ${caughtUp})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ask(request: APIRequestContext, url: string): Promise<Answer> {
  const response = await request.get(url, { maxRedirects: 0 });
  return {
    status: response.status(),
    body: await response.text(),
    cacheStatus: response.headers()['x-cache-status'] ?? '-',
  };
}

/**
 * Keeps readers asking for `paths` through the front every 100 ms until stopped, so the cache holds a
 * copy made just before a change (otherwise the check after it would only ever meet an empty cache).
 */
function keepWarm(request: APIRequestContext, paths: string[]): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(paths.map((path) => front(request, path)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** `proposed` (YYYY-MM-DD), or the day after the front page's issue date when that is not earlier. */
async function laterThanFrontPage(request: APIRequestContext, proposed: string): Promise<string> {
  const shown = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(await (await request.get('/')).text());
  if (!shown) return proposed;
  const latest = new Date(Date.UTC(Number(shown[1]), Number(shown[2]) - 1, Number(shown[3])));
  if (latest.toISOString().slice(0, 10) < proposed) return proposed;
  return new Date(latest.getTime() + 86_400_000).toISOString().slice(0, 10);
}

const front = (request: APIRequestContext, path: string, headers: Record<string, string> = {}) =>
  request.get(FRONT_URL + path, { headers, maxRedirects: 0 });
const bodyNonces = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]))];
const headerNonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test('a cached page carries its own render’s nonce in both the CSP header and the scripts', async ({ request }) => {
  // Within one second the second request is answered from the cache (a new second starts a new copy).
  let cached = await front(request, '/');
  for (let tries = 0; cached.headers()['x-cache-status'] !== 'HIT' && tries < 10; tries += 1)
    cached = await front(request, '/');
  expect(cached.headers()['x-cache-status']).toBe('HIT');
  expect(cached.headers()['cache-control']).toContain('s-maxage=1');
  const csp = cached.headers()['content-security-policy'];
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  const nonces = bodyNonces(await cached.text());
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces).toEqual([headerNonce(csp)]);
});

test('junk router headers and cache-busting queries do not change what other readers get', async ({ request }) => {
  const junk: Record<string, string>[] = [
    { RSC: '2', 'Next-Router-State-Tree': '%5B%22junk%22%5D', 'Next-Router-Prefetch': '1' },
    { RSC: 'true', 'Next-Router-Segment-Prefetch': '/_tree' },
    { RSC: '1', 'Next-Router-State-Tree': 'not-json-at-all', 'Next-Url': '/newsroom' },
    { RSC: '1' },
  ];
  for (const headers of junk) await front(request, '/', headers);
  await front(request, '/?utm=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await front(request, '/?_rsc=poison');
  for (let i = 0; i < 3; i += 1) {
    const page = await front(request, '/');
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toContain('text/html');
    const html = await page.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('alert(1)');
    expect(html).not.toContain('poison');
    expect(html).not.toContain('junk');
  }
  // An RSC request stays an RSC answer for the client router (Next first redirects to its `_rsc` URL).
  const redirect = await front(request, '/', { RSC: '1' });
  expect(redirect.status()).toBe(307);
  const rsc = await front(request, redirect.headers()['location']!, { RSC: '1' });
  expect(rsc.headers()['content-type']).toContain('text/x-component');
  expect((await front(request, redirect.headers()['location']!)).headers()['content-type']).toContain('text/html');
  // Shared caches are told what the page varies on.
  expect((await front(request, '/')).headers()['vary']).toMatch(/next-router-state-tree/i);
});

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
  await page.goto(`${FRONT_URL}/`);
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await front(request, script!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-type']).toContain('javascript');
  const missing = await front(request, `/media/ab/${'0'.repeat(32)}/800.webp`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['x-content-type-options']).toBe('nosniff');
  expect((await front(request, '/media/../../etc/passwd')).status()).toBe(404);
});

test.describe('changes reach readers through the front within a second', () => {
  test.beforeAll(async ({ browser }) => {
    for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
  });

  async function signedOffArticle(
    browser: import('@playwright/test').Browser,
    headline: string,
    text: string,
  ): Promise<string> {
    const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
    const page = reporter.page;
    const url = await writeArticle(page, headline, text, null);
    await submitArticle(page);
    await reporter.context.close();
    for (const [account, level] of [
      [EDITOR_A, '初审'],
      [EDITOR_B, '复审'],
      [CHIEF, '终审（签发）'],
    ] as const) {
      const reviewer = await signedInPage(browser, account.email, account.password);
      await reviewer.page.goto(url);
      await reviewer.page.getByRole('button', { name: `${level}通过` }).click();
      await expect(reviewer.page.getByRole('button', { name: `${level}通过` })).toHaveCount(0);
      await reviewer.context.close();
    }
    return url;
  }

  test('publish on the front page and the article, a correction, then a retraction (410)', async ({
    browser,
    request,
  }) => {
    const headline = '柯城经前端发布的新闻';
    const articleUrl = await signedOffArticle(browser, headline, '这篇稿件经 nginx 前端读到。');
    const editor = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
    const planner = editor.page;
    await planner.goto('/newsroom/issues');
    const number = await planner.getByLabel('期号').inputValue();
    // The front page shows the published issue with the latest date. The planner proposes the next
    // publishing day after the highest-numbered issue, which earlier journeys may have dated before an
    // issue they published (an imported 2024 issue numbered above a published 2026-12-07 one): the new
    // issue must be the newest, or the front page rightly keeps showing the other one.
    const date = await laterThanFrontPage(request, await planner.getByLabel('出版日期').inputValue());
    await planner.getByLabel('出版日期').fill(date);
    await planner.getByRole('button', { name: '新建一期' }).click();
    await expect(planner).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));
    await planner.getByTestId('candidate').filter({ hasText: headline }).dragTo(planner.getByTestId('page-1'));
    await expect(planner.getByText('所有稿件都已签发，可以发布。')).toBeVisible();

    // Readers have the current front page cached; the story is not there yet.
    const article = `/articles/${slugBase(headline)}`;
    expect(await (await front(request, '/')).text()).not.toContain(headline);
    let stopWarm = keepWarm(request, ['/', article, `/issues/${number}/pages/1`]);
    await planner.getByRole('button', { name: '发布本期' }).click();
    await expect(planner.getByTestId('issue-state')).toContainText('已于');
    await stopWarm();
    const published = Date.now();
    const onFront = await freshWithin(request, 'publish → front page', published, FRESH_WITHIN_MS, '/', (answer) =>
      answer.body.includes(headline),
    );
    const onArticle = await freshWithin(
      request,
      'publish → article',
      published,
      FRESH_WITHIN_MS,
      article,
      (answer) => answer.status === 200,
    );
    const onIssue = await freshWithin(
      request,
      'publish → issue page',
      published,
      FRESH_WITHIN_MS,
      `/issues/${number}/pages/1`,
      (answer) => answer.body.includes(headline),
    );
    console.log(
      `publish visible through the front after ${onFront} ms (front page), ${onArticle} ms (article), ${onIssue} ms (issue page)`,
    );

    // A reader in a browser, through the front.
    const readers = await browser.newContext();
    const reader = await readers.newPage();
    await reader.goto(`${FRONT_URL}/`);
    await reader.getByRole('link', { name: headline }).click();
    await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();

    await planner.goto(articleUrl);
    await planner.getByLabel('更正内容（读者可见，注明日期）').fill('本文第一段“nginx”应为“nginx 前端”。');
    stopWarm = keepWarm(request, [article]);
    await planner.getByRole('button', { name: '追加更正' }).click();
    await expect(planner.getByText('更正已公开')).toBeVisible();
    await stopWarm();
    const corrected = Date.now();
    const correction = await freshWithin(
      request,
      'correction → article',
      corrected,
      FRESH_WITHIN_MS,
      article,
      (answer) => answer.body.includes('应为“nginx 前端”'),
    );
    console.log(`correction visible through the front after ${correction} ms`);

    planner.once('dialog', (dialog) => dialog.accept());
    await planner.getByLabel('撤稿声明（读者可见）').fill('本文系测试，已撤稿。');
    stopWarm = keepWarm(request, ['/', article]);
    await planner.getByRole('button', { name: '撤稿' }).click();
    await expect(workflowStatus(planner)).toHaveText('状态：已撤稿');
    await stopWarm();
    const retracted = Date.now();
    const gone = await freshWithin(
      request,
      'retraction → article 410',
      retracted,
      FRESH_WITHIN_MS,
      article,
      (answer) => answer.status === 410,
    );
    const offFront = await freshWithin(
      request,
      'retraction → off the front page',
      retracted,
      FRESH_WITHIN_MS,
      '/',
      (answer) => !answer.body.includes(headline),
    );
    console.log(`retraction visible through the front after ${gone} ms (410), ${offFront} ms (off the front page)`);
    const notice = await reader.goto(`${FRONT_URL}${article}`);
    expect(notice?.status()).toBe(410);
    await expect(reader.getByRole('heading', { name: '本文已撤稿' })).toBeVisible();
    await expect(reader.getByText('撤稿说明：本文系测试，已撤稿。')).toBeVisible();
    await readers.close();
    await editor.context.close();
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

  test('a story scheduled 10 s ahead is 404 through the front before its time and 200 within a second after', async ({
    browser,
    request,
  }) => {
    const headline = '柯城经前端定时的新闻';
    const articleUrl = await signedOffArticle(browser, headline, '这篇稿件定时发布。');
    const editor = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
    await editor.page.goto(articleUrl);
    const at = new Date(Math.ceil((Date.now() + 10_000) / 1000) * 1000);
    const wall = wallClockSecondsIn(at);
    await editor.page.getByRole('radio', { name: '定时' }).check();
    await editor.page.locator('#publish-date').fill(wall.date);
    await editor.page.locator('#publish-time').fill(wall.time);
    await editor.page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(editor.page.getByTestId('workflow-status')).toContainText('定时 ');

    const article = `/articles/${slugBase(headline)}`;
    const early = await front(request, article);
    expect(Date.now()).toBeLessThan(at.getTime());
    expect(early.status()).toBe(404);
    expect(early.headers()['cache-control']).toContain('s-maxage=1');
    const stopWarm = keepWarm(request, [article]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));
    await stopWarm();
    const visible = await freshWithin(
      request,
      'schedule → article',
      at.getTime(),
      FRESH_WITHIN_MS,
      article,
      (answer) => answer.status === 200,
    );
    console.log(`scheduled story visible through the front ${visible} ms after its time`);
    await editor.context.close();
  });
});
