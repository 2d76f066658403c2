// What readers must get from every cache they may meet: the shipped nginx front
// (e2e/through-front.spec.ts) and the app alone with its own micro-cache (e2e/through-app.spec.ts).
// A cached copy keeps its own render's nonce and cannot be poisoned; and in the freshness journey an
// editor publishes, corrects, retracts and schedules stories while readers keep the cache warm: the
// first request sent more than a second after each change must see it.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';

import { slugBase } from '../../lib/articles/slug';
import { wallClockSecondsIn } from '../../lib/dates/time-zone';
import { signOffThreeLevels, submitArticle, workflowStatus, writeArticle } from './article';
import { provisionAccount, signedInPage } from './auth';
import { dragToPage } from './planner';

/** How long a change may take to reach readers: the cache's one second. */
export const FRESH_WITHIN_MS = 1000;

/** Where readers ask (`url` of a function: the address may be known only once the spec has started it). */
export type ReaderSide = { name: string; url: () => string; cacheHeader: string };

type Account = { name: string; email: string; role: string; password: string };
export type JourneyAccounts = { reporter: Account; editorA: Account; editorB: Account; chief: Account };

type Answer = { status: number; body: string; cacheStatus: string };
type Fresh = (answer: Answer) => boolean;

async function ask(request: APIRequestContext, url: string, side: ReaderSide | null): Promise<Answer> {
  const response = await request.get(url, { maxRedirects: 0 });
  return {
    status: response.status(),
    body: await response.text(),
    cacheStatus: side ? (response.headers()[side.cacheHeader] ?? '-') : '-',
  };
}

/**
 * Asks `side` for `path` until `fresh` passes. A request sent within `ms` of `since` may pass; the
 * first request sent after that must pass (the time the app takes to render is not the cache's doing).
 * A miss names where the stale copy came from: the cache status and what the newsroom's app itself
 * answers for the same path right then, and how long the cache then took to catch up.
 */
export async function freshWithin(
  request: APIRequestContext,
  side: ReaderSide,
  what: string,
  since: number,
  path: string,
  fresh: Fresh,
): Promise<number> {
  for (;;) {
    const sentAt = Date.now();
    const answer = await ask(request, side.url() + path, side);
    if (fresh(answer)) return sentAt - since;
    if (sentAt - since > FRESH_WITHIN_MS) {
      const app = await ask(request, path, null);
      let caughtUp = 'not within 10 s';
      while (Date.now() - since < 10_000) {
        const again = Date.now();
        if (fresh(await ask(request, side.url() + path, side))) {
          caughtUp = `after ${again - since} ms`;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `${what}: still stale ${sentAt - since} ms after the change (${side.name}: ${answer.status}, ${side.cacheHeader} ${answer.cacheStatus}; ` +
          `the app itself: ${fresh(app) ? 'fresh' : 'stale'} ${app.status}; ${side.name} caught up ${caughtUp})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Keeps readers asking `side` for `paths` every 100 ms until stopped, so the cache holds a copy made
 * just before a change (otherwise the check after it would only ever meet an empty cache).
 */
function keepWarm(request: APIRequestContext, side: ReaderSide, paths: string[]): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(paths.map((path) => request.get(side.url() + path, { maxRedirects: 0 })));
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
  // The latest date anywhere on the page, not the first: a story's summary may name an older day.
  const shown = [...(await (await request.get('/')).text()).matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map((match) =>
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  );
  if (shown.length === 0) return proposed;
  const latest = new Date(Math.max(...shown));
  if (latest.toISOString().slice(0, 10) < proposed) return proposed;
  return new Date(latest.getTime() + 86_400_000).toISOString().slice(0, 10);
}

async function signedOffArticle(browser: Browser, accounts: JourneyAccounts, headline: string, text: string) {
  const reporter = await signedInPage(browser, accounts.reporter.email, accounts.reporter.password);
  const page = reporter.page;
  const url = await writeArticle(page, headline, text, null);
  await submitArticle(page);
  await reporter.context.close();
  await signOffThreeLevels(browser, url, [accounts.editorA, accounts.editorB, accounts.chief]);
  return url;
}

const bodyNonces = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]))];
const headerNonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

/** What a cached copy must be, wherever it is kept: its own render's nonce, and not poisoned by anyone's request. */
export function cachedCopyChecks(side: ReaderSide): void {
  const get = (request: APIRequestContext, path: string, headers: Record<string, string> = {}) =>
    request.get(side.url() + path, { headers, maxRedirects: 0 });

  test(`a page cached by ${side.name} carries its own render’s nonce in both the CSP header and the scripts`, async ({
    request,
  }) => {
    // Within one second the second request is answered from the cache (a new second starts a new copy).
    let cached = await get(request, '/');
    for (let tries = 0; cached.headers()[side.cacheHeader] !== 'HIT' && tries < 10; tries += 1)
      cached = await get(request, '/');
    expect(cached.headers()[side.cacheHeader]).toBe('HIT');
    expect(cached.headers()['cache-control']).toContain('s-maxage=1');
    const csp = cached.headers()['content-security-policy'];
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const nonces = bodyNonces(await cached.text());
    expect(nonces.length).toBeGreaterThan(0);
    expect(nonces).toEqual([headerNonce(csp)]);
  });

  test(`junk router headers and cache-busting queries do not change what readers of ${side.name} get`, async ({
    request,
  }) => {
    const junk: Record<string, string>[] = [
      { RSC: '2', 'Next-Router-State-Tree': '%5B%22junk%22%5D', 'Next-Router-Prefetch': '1' },
      { RSC: 'true', 'Next-Router-Segment-Prefetch': '/_tree' },
      { RSC: '1', 'Next-Router-State-Tree': 'not-json-at-all', 'Next-Url': '/newsroom' },
      { RSC: '1' },
    ];
    for (const headers of junk) await get(request, '/', headers);
    await get(request, '/?utm=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await get(request, '/?_rsc=poison');
    for (let i = 0; i < 3; i += 1) {
      const page = await get(request, '/');
      expect(page.status()).toBe(200);
      expect(page.headers()['content-type']).toContain('text/html');
      const html = await page.text();
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).not.toContain('alert(1)');
      expect(html).not.toContain('poison');
      expect(html).not.toContain('junk');
    }
    // An RSC request stays an RSC answer for the client router (Next first redirects to its `_rsc` URL).
    const redirect = await get(request, '/', { RSC: '1' });
    expect(redirect.status()).toBe(307);
    const rsc = await get(request, redirect.headers()['location']!, { RSC: '1' });
    expect(rsc.headers()['content-type']).toContain('text/x-component');
    expect((await get(request, redirect.headers()['location']!)).headers()['content-type']).toContain('text/html');
    // Shared caches are told what the page varies on.
    expect((await get(request, '/')).headers()['vary']).toMatch(/next-router-state-tree/i);
  });
}

/**
 * The journey's two tests, in a describe of their own: publish (front page, article, issue page),
 * correction, retraction (410), and a story scheduled 10 s ahead. People work through the newsroom's
 * app (baseURL); readers ask `side`. `headlines` must be unique to the spec (they make the slugs).
 */
export function freshnessJourney(
  side: ReaderSide,
  accounts: JourneyAccounts,
  headlines: { published: string; scheduled: string },
): void {
  test.describe(`changes reach readers through ${side.name} within a second`, () => {
    test.beforeAll(async ({ browser }) => {
      for (const account of Object.values(accounts)) await provisionAccount(browser, account);
    });

    test('publish on the front page and the article, a correction, then a retraction (410)', async ({
      browser,
      request,
    }) => {
      // Four people sign off, an issue is planned and published, corrected and retracted: 44 s through
      // the front on a quiet machine, over a minute while other suites share its two cores.
      test.setTimeout(150_000);
      const headline = headlines.published;
      const articleUrl = await signedOffArticle(browser, accounts, headline, `这篇稿件经${side.name}读到。`);
      const editor = await signedInPage(browser, accounts.editorA.email, accounts.editorA.password);
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
      await dragToPage(planner, headline, 1);
      await expect(planner.getByText('所有稿件都已签发，可以发布。')).toBeVisible();

      // Readers have the current front page cached; the story is not there yet.
      const article = `/articles/${slugBase(headline)}`;
      expect((await ask(request, `${side.url()}/`, side)).body).not.toContain(headline);
      let stopWarm = keepWarm(request, side, ['/', article, `/issues/${number}/pages/1`]);
      await planner.getByRole('button', { name: '发布本期' }).click();
      await expect(planner.getByTestId('issue-state')).toContainText('已于');
      await stopWarm();
      const published = Date.now();
      const onFront = await freshWithin(request, side, 'publish → front page', published, '/', (answer) =>
        answer.body.includes(headline),
      );
      const onArticle = await freshWithin(
        request,
        side,
        'publish → article',
        published,
        article,
        (answer) => answer.status === 200,
      );
      const onIssue = await freshWithin(
        request,
        side,
        'publish → issue page',
        published,
        `/issues/${number}/pages/1`,
        (answer) => answer.body.includes(headline),
      );
      console.log(
        `publish visible through ${side.name} after ${onFront} ms (front page), ${onArticle} ms (article), ${onIssue} ms (issue page)`,
      );

      // A reader in a browser.
      const readers = await browser.newContext();
      const reader = await readers.newPage();
      await reader.goto(`${side.url()}/`);
      await reader.getByRole('link', { name: headline }).click();
      await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();

      await planner.goto(articleUrl);
      await planner.getByLabel('更正内容（读者可见，注明日期）').fill('本文第一段“缓存”应为“缓存副本”。');
      stopWarm = keepWarm(request, side, [article]);
      await planner.getByRole('button', { name: '追加更正' }).click();
      await expect(planner.getByText('更正已公开')).toBeVisible();
      await stopWarm();
      const corrected = Date.now();
      const correction = await freshWithin(request, side, 'correction → article', corrected, article, (answer) =>
        answer.body.includes('应为“缓存副本”'),
      );
      console.log(`correction visible through ${side.name} after ${correction} ms`);

      planner.once('dialog', (dialog) => dialog.accept());
      await planner.getByLabel('撤稿声明（读者可见）').fill('本文系测试，已撤稿。');
      stopWarm = keepWarm(request, side, ['/', article]);
      await planner.getByRole('button', { name: '撤稿' }).click();
      await expect(workflowStatus(planner)).toHaveText('状态：已撤稿');
      await stopWarm();
      const retracted = Date.now();
      const gone = await freshWithin(
        request,
        side,
        'retraction → article 410',
        retracted,
        article,
        (answer) => answer.status === 410,
      );
      const offFront = await freshWithin(
        request,
        side,
        'retraction → off the front page',
        retracted,
        '/',
        (answer) => !answer.body.includes(headline),
      );
      console.log(
        `retraction visible through ${side.name} after ${gone} ms (410), ${offFront} ms (off the front page)`,
      );
      const notice = await reader.goto(`${side.url()}${article}`);
      expect(notice?.status()).toBe(410);
      await expect(reader.getByRole('heading', { name: '本文已撤稿' })).toBeVisible();
      await expect(reader.getByText('撤稿说明：本文系测试，已撤稿。')).toBeVisible();
      await readers.close();
      await editor.context.close();
    });

    test('a story scheduled 10 s ahead is 404 before its time and 200 within a second after', async ({
      browser,
      request,
    }) => {
      const headline = headlines.scheduled;
      const articleUrl = await signedOffArticle(browser, accounts, headline, '这篇稿件定时发布。');
      const editor = await signedInPage(browser, accounts.editorA.email, accounts.editorA.password);
      await editor.page.goto(articleUrl);
      const at = new Date(Math.ceil((Date.now() + 10_000) / 1000) * 1000);
      const wall = wallClockSecondsIn(at);
      await editor.page.getByRole('radio', { name: '定时' }).check();
      await editor.page.locator('#publish-date').fill(wall.date);
      await editor.page.locator('#publish-time').fill(wall.time);
      await editor.page.getByRole('button', { name: '发布', exact: true }).click();
      await expect(editor.page.getByTestId('workflow-status')).toContainText('定时 ');

      const article = `/articles/${slugBase(headline)}`;
      const early = await request.get(side.url() + article, { maxRedirects: 0 });
      expect(Date.now()).toBeLessThan(at.getTime());
      expect(early.status()).toBe(404);
      expect(early.headers()['cache-control']).toContain('s-maxage=1');
      const stopWarm = keepWarm(request, side, [article]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));
      await stopWarm();
      const visible = await freshWithin(
        request,
        side,
        'schedule → article',
        at.getTime(),
        article,
        (answer) => answer.status === 200,
      );
      console.log(`scheduled story visible through ${side.name} ${visible} ms after its time`);
      await editor.context.close();
    });
  });
}
