// 阅读数 (issue 34): a reader opening a story is counted once, after load, by a beacon the front never
// caches, while the page itself stays cacheable; a reload within 30 minutes and a headless browser are
// not counted.
import { expect, test, type Page } from '@playwright/test';

import { visibleArticleWhere } from '../lib/revisions/visibility';
import { withDb } from './support/database';

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

// A browser of its own: a spec before this one (e2e/read-aloud.spec.ts) read the same story from the same
// address with Playwright's usual browser, and a read repeated within 30 minutes is not counted.
const READER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 reads-spec';

test('a reader is counted once after load; a reload within 30 minutes and a headless browser are not', async ({
  browser,
}) => {
  const slug = await visibleSlug();
  const before = await readsOf(slug);
  const reader = await browser.newContext({ userAgent: READER_UA });
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
