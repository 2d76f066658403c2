// 长辈模式 (care mode) as a reader meets it: one switch on every reader page turns on larger text, wider
// line and paragraph spacing and AAA contrast; the browser remembers it (nothing reaches the server, so
// the pages stay one cacheable copy), it is on <html> before the page's content is parsed (no flash of
// the normal layout), and a page served from the nginx front's cache applies it too (its nonce'd
// script runs). axe and the AAA contrast check in 长辈模式 are in e2e/accessibility.spec.ts, with the
// other checks over every reader page type.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

import { findNginx } from '../server/front';
import { FRONT_URL } from './support/front';
import { DAYU } from './support/reader-pages';

const CARE_KEY = 'kecheng-reader-care';

/** Records whether <html> carried the mode when the page's <main> was parsed, before any paint of it. */
async function watchFirstContent(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = window as Window & { careAtFirstContent?: boolean };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('main')) return;
      seen.careAtFirstContent = document.documentElement.hasAttribute('data-care');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

type Typography = { fontSize: number; lineHeight: number; gap: number };

/** The first two body paragraphs: text size, line height and the space between them (px). */
async function bodyTypography(page: Page): Promise<Typography> {
  return page
    .locator('.story-body p')
    .first()
    .evaluate((first) => {
      const style = getComputedStyle(first);
      const next = first.nextElementSibling!;
      return {
        fontSize: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight),
        gap: next.getBoundingClientRect().top - first.getBoundingClientRect().bottom,
      };
    });
}

const careOn = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-care'));

test('长辈模式: one switch, larger text with wider spacing, remembered in this browser before the first paint, and nowhere else', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await watchFirstContent(context);
  const page = await context.newPage();
  await page.goto(DAYU);
  const toggle = page.getByRole('button', { name: '长辈模式' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toHaveText('长辈模式：关', { useInnerText: true });
  const normal = await bodyTypography(page);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toHaveText('长辈模式：开', { useInnerText: true });
  expect(await careOn(page)).toBe(true);
  const care = await bodyTypography(page);
  expect(care.fontSize).toBeGreaterThanOrEqual(normal.fontSize * 1.5);
  expect(care.lineHeight / care.fontSize).toBeGreaterThanOrEqual(1.5);
  // From one paragraph's last line to the next one's first: at least 1.3 × the line spacing.
  expect((care.lineHeight + care.gap) / care.lineHeight).toBeGreaterThanOrEqual(1.3);
  // No motion.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.reader a')!).transitionDuration)).toMatch(
    /^0s/,
  );
  expect(await page.evaluate((key) => localStorage.getItem(key), CARE_KEY)).toBe('1');

  // Remembered: on at once after a reload and on every other reader page.
  await page.reload();
  expect(await page.evaluate(() => (window as Window & { careAtFirstContent?: boolean }).careAtFirstContent)).toBe(
    true,
  );
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  for (const path of ['/', '/issues/1705/pages/2', '/archive/2020/8', '/search']) {
    await page.goto(path);
    expect(await careOn(page), path).toBe(true);
    await expect(page.getByRole('button', { name: '长辈模式' }), path).toHaveAttribute('aria-pressed', 'true');
  }
  // Kept in the browser only: no cookie, so the server and the front see every reader alike.
  expect(await context.cookies()).toEqual([]);

  // Another browser does not have it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(DAYU);
  expect(await careOn(otherPage)).toBe(false);
  await other.close();

  // Off again from the keyboard, and remembered off.
  await page.goto(DAYU);
  await page.getByRole('button', { name: '长辈模式' }).focus();
  await page.keyboard.press('Enter');
  expect(await careOn(page)).toBe(false);
  await page.reload();
  expect(await careOn(page)).toBe(false);
  expect((await bodyTypography(page)).fontSize).toBeCloseTo(normal.fontSize, 1);
  await context.close();
});

test('a page from the front’s cache applies 长辈模式 too: its script runs under the cached copy’s own nonce', async ({
  page,
}) => {
  test.skip(!findNginx(), '跳过：没有 nginx，无法经前端测试（Debian：sudo apt-get install nginx）');
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(`${FRONT_URL}${DAYU}`);
  await page.getByRole('button', { name: '长辈模式' }).click();
  let hits = 0;
  for (let attempt = 0; attempt < 20 && hits < 2; attempt += 1) {
    const response = await page.reload();
    if (response?.headers()['x-cache-status'] === 'HIT') hits += 1;
    expect(await careOn(page)).toBe(true);
    await expect(page.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'true');
  }
  expect(hits, 'pages served from the front’s cache').toBeGreaterThan(0);
  expect(blocked).toEqual([]);
});
