// Anonymous reader pages leave the app without Next's client runtime (server/reader-html.ts, issue 35):
// no /_next/ script is loaded on any reader page type, through the app or through the nginx front, and
// the App Router's route announcer (read by Orca as "通知 可点击对象") is gone with it; 长辈模式, 朗读 and
// the read beacon are the pages' own small scripts and still work. Signed-in visitors and RSC requests
// keep the runtime.
import { expect, test, type Page } from '@playwright/test';

import { findNginx } from '../server/front';
import { signedInPage } from './support/auth';
import { E2E_ADMIN } from './support/env';
import { FRONT_URL } from './support/front';
import { DAYU, READER_PAGE_TYPES } from './support/reader-pages';
import { spokenTexts, stubSpeech } from './support/speech';

/** Every script the page asks for from now on. */
function scriptRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
}

const RUNTIME_SCRIPT = /<script[^>]*\ssrc="\/_next\//;

test('no reader page type loads a script of Next’s runtime, through the app or through the front', async ({
  page,
  request,
}) => {
  const scripts = scriptRequests(page);
  const sites = findNginx() ? ['', FRONT_URL] : [''];
  for (const site of sites)
    for (const path of READER_PAGE_TYPES) {
      const answer = await page.goto(site + path);
      expect(answer?.status(), site + path).toBe(200);
      const html = await (await request.get(site + path)).text();
      expect(html, site + path).not.toMatch(RUNTIME_SCRIPT);
      expect(html, site + path).not.toContain('self.__next_f');
      expect(html, site + path).not.toMatch(/modulepreload|as="script"/);
      // The stylesheet is still there, and the page's own first script (长辈模式).
      expect(html, site + path).toMatch(/<link rel="stylesheet" href="\/_next\/static\//);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.locator('next-route-announcer')).toHaveCount(0);
    }
  expect(scripts.filter((url) => url.includes('/_next/'))).toEqual([]);
});

test('长辈模式, 朗读 and the read beacon work on an article without the runtime', async ({ page }) => {
  const scripts = scriptRequests(page);
  await stubSpeech(page, ['zh-CN']);
  const beacon = page.waitForResponse((response) => response.url().endsWith('/api/reads'));
  await page.goto(DAYU);
  expect((await beacon).status()).toBe(204);

  const care = page.getByRole('button', { name: '长辈模式' });
  await care.click();
  await expect(page.locator('html')).toHaveAttribute('data-care', '');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-care', '');
  await expect(care).toHaveAttribute('aria-pressed', 'true');

  const controls = page.getByRole('group', { name: '朗读本文' });
  await controls.getByRole('button', { name: '朗读' }).click();
  await expect.poll(() => spokenTexts(page)).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('data-reading', '');
  await expect(controls.getByRole('button', { name: '暂停' })).toBeVisible();
  await controls.getByRole('button', { name: '停止' }).click();
  await expect(page.locator('[data-reading]')).toHaveCount(0);
  expect(scripts.filter((url) => url.includes('/_next/'))).toEqual([]);
});

test('signed-in visitors and RSC requests keep Next’s runtime', async ({ browser, request }) => {
  // An RSC request is still answered for the client router (Next redirects it to its `_rsc` URL first).
  const redirect = await request.get('/', { headers: { RSC: '1' }, maxRedirects: 0 });
  const location = redirect.headers()['location'] ?? '/';
  const rsc = await request.get(location, { headers: { RSC: '1' } });
  expect(rsc.headers()['content-type']).toContain('text/x-component');

  const { page, context } = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  try {
    const scripts = scriptRequests(page);
    await page.goto(DAYU);
    expect(await (await page.request.get(DAYU)).text()).toMatch(RUNTIME_SCRIPT);
    await expect(page.locator('next-route-announcer')).toHaveCount(1);
    expect(scripts.some((url) => url.includes('/_next/static/chunks/'))).toBe(true);
    // 朗读's script works under React as well: the note or the controls appear (this browser's voices).
    const controls = page.getByRole('group', { name: '朗读本文' });
    const note = page.getByTestId('read-aloud-note');
    await expect.poll(async () => (await controls.isVisible()) || !!(await note.textContent())).toBe(true);
  } finally {
    await context.close();
  }
});
