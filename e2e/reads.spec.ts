// 阅读数 (issue 34): a reader opening a story is counted once, after load, by a beacon the front never
// caches, while the page itself stays cacheable; a reload within 30 minutes and a headless browser are
// not counted.
import { expect, test, type Page } from '@playwright/test';

import { visibleArticleWhere } from '../lib/revisions/visibility';
import { withDb } from './support/database';

const READER_UA = (build: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${build}.0 Safari/537.36`;
const HEADLESS_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';

/** A story's reads so far, all days. */
async function readsOf(slug: string): Promise<number> {
  return withDb(async (db) => {
    const rows = await db.articleRead.findMany({ where: { article: { slug } } });
    return rows.reduce((sum, row) => sum + row.count, 0);
  });
}

/** A story readers can see (the sample issue has several). */
async function visibleSlug(): Promise<string> {
  return withDb(async (db) => {
    const story = await db.article.findFirstOrThrow({
      where: visibleArticleWhere(new Date()),
      orderBy: { publishAt: 'desc' },
      select: { slug: true },
    });
    return story.slug;
  });
}

async function openAndBeacon(page: Page, path: string): Promise<number> {
  const beacon = page.waitForResponse((response) => response.url().endsWith('/api/reads'));
  const answer = await page.goto(path);
  expect(answer?.headers()['cache-control']).toMatch(/s-maxage=1/);
  expect(answer?.headers()['set-cookie']).toBeUndefined();
  const sent = await beacon;
  expect(sent.request().method()).toBe('POST');
  expect(sent.headers()['cache-control']).toMatch(/no-store/);
  return sent.status();
}

test('a reader is counted once after load; a reload within 30 minutes and a headless browser are not', async ({
  browser,
}) => {
  const slug = await visibleSlug();
  const before = await readsOf(slug);
  // A reader of their own: one client is its address and browser, and other journeys' browsers (same
  // address, Playwright's user agent) may have opened this story within the last 30 minutes.
  const reader = await browser.newContext({ userAgent: READER_UA(Date.now() % 100_000) });
  const page = await reader.newPage();

  expect(await openAndBeacon(page, `/articles/${slug}`)).toBe(204);
  // Written with the next batch (every 2 s).
  await expect.poll(() => readsOf(slug), { timeout: 10_000 }).toBe(before + 1);

  expect(await openAndBeacon(page, `/articles/${slug}`)).toBe(204);
  const headless = await browser.newContext({ userAgent: HEADLESS_UA });
  try {
    expect(await openAndBeacon(await headless.newPage(), `/articles/${slug}`)).toBe(204);
  } finally {
    await headless.close();
  }
  // Two more batches' time: neither the reload nor the headless browser added a read.
  await new Promise((resolve) => setTimeout(resolve, 4500));
  expect(await readsOf(slug)).toBe(before + 1);
  await reader.close();
});
