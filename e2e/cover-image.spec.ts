// The 题图 (cover image) from the editor to every place readers meet it: the story card on its issue
// page, the figure at the head of the article, og:image and the NewsArticle JSON-LD.
import { expect, test, type Browser } from '@playwright/test';

import { slugBase } from '../lib/articles/slug';
import { body as articleBody, createArticle, signOffThreeLevels, typeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { cameraJpeg } from './support/camera-photo';
import { dragToPage } from './support/planner';

const REPORTER = { name: '叶知秋', email: 'yezhiqiu@e2e.test', role: '记者', password: 'Uiqihzey-pass-12' };
const EDITOR_A = { name: '程远航', email: 'chengyuanhang@e2e.test', role: '编辑', password: 'Gnahnauygnehc-pass' };
const EDITOR_B = { name: '宋清越', email: 'songqingyue@e2e.test', role: '编辑', password: 'Euygniqgnos-pass-1' };
const CHIEF = { name: '韩立诚', email: 'hanlicheng@e2e.test', role: '总编', password: 'Gnehcilnah-pass-12' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

async function signOff(browser: Browser, articleUrl: string): Promise<void> {
  await signOffThreeLevels(browser, articleUrl, [EDITOR_A, EDITOR_B, CHIEF]);
}

test('a camera photo chosen as 题图 reaches the issue page card, the article figure, og:image and JSON-LD once published', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const headline = '柯城古樟树挂牌保护';
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const page = reporter.page;
  await createArticle(page, null);
  const articleUrl = page.url();
  await typeArticle(page, headline, '全区 326 棵古樟树今天起挂牌保护。');
  const body = articleBody(page);

  // A 4 MB photo as a phone takes it, uploaded into the story, then picked from the library as 题图.
  await page
    .getByLabel('选择要上传的图片')
    .setInputFiles({ name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: await cameraJpeg(4 * 1024 * 1024) });
  const src = await body.locator('figure img').getAttribute('src', { timeout: 60_000 });
  const key = src!.match(/^\/media\/([0-9a-f]{2}\/[0-9a-f]{32})\/(800|1600)\.webp$/)?.[1];
  expect(key, `uploaded image URL ${src}`).toBeTruthy();
  // Publishing waits for every picture in the text to have its alt text.
  await body.locator('figure img').click();
  await page.getByLabel('图片替代文字').fill('挂上保护牌的古樟树');
  await page.getByRole('button', { name: '选择', exact: true }).click();
  const library = page.getByRole('dialog', { name: '图库' });
  await library
    .getByRole('button')
    .filter({ has: page.locator(`img[src*="${key}"]`) })
    .click();
  await expect(library).toHaveCount(0);
  await expect(page.getByRole('img', { name: '题图' })).toHaveAttribute('src', new RegExp(key!));
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('img', { name: '题图' })).toHaveAttribute('src', new RegExp(key!));
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('workflow-status')).toHaveText('状态：审核中（待初审）');
  await reporter.context.close();

  // Before publishing, anonymous readers cannot fetch the photo at all.
  const readers = await browser.newContext();
  const cover800 = `/media/${key}/800.webp`;
  const cover1600 = `/media/${key}/1600.webp`;
  expect((await readers.request.get(cover800)).status()).toBe(404);

  await signOff(browser, articleUrl);
  const editor = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  const planner = editor.page;
  await planner.goto('/newsroom/issues');
  const number = await planner.getByLabel('期号').inputValue();
  await planner.getByRole('button', { name: '新建一期' }).click();
  await expect(planner).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));
  await dragToPage(planner, headline, 1);
  await expect(planner.getByText('所有稿件都已签发，可以发布。')).toBeVisible();
  await planner.getByRole('button', { name: '发布本期' }).click();
  await expect(planner.getByTestId('issue-state')).toContainText('已于');
  await editor.context.close();

  const reader = await readers.newPage();
  await reader.goto(`/issues/${number}/pages/1`);
  const card = reader.locator('article').filter({ has: reader.getByRole('link', { name: headline }) });
  const cardImage = card.locator('img');
  await expect(cardImage).toHaveAttribute('src', cover800);
  await expect(cardImage).toHaveAttribute('alt', '');
  await expect
    .poll(() => cardImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const served = await readers.request.get(cover800);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/webp');
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  await card.getByRole('link', { name: headline }).click();
  await expect(reader).toHaveURL(new RegExp(`/articles/${slugBase(headline)}$`));
  const figure = reader.locator('figure.story-cover img');
  await expect(figure).toHaveAttribute('src', cover800);
  await expect(figure).toHaveAttribute('srcset', new RegExp(`${cover800} \\d+w, ${cover1600} \\d+w`));
  // The upload's media row has no alt text; the figure names the picture with the alt the reporter gave it in the text.
  await expect(figure).toHaveAttribute('alt', '挂上保护牌的古樟树');
  await expect(reader.getByRole('img', { name: '挂上保护牌的古樟树' })).toHaveCount(2);
  await expect
    .poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const absolute1600 = new URL(cover1600, baseURL).href;
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute('content', absolute1600);
  await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
    image?: unknown;
  };
  expect(JSON.stringify(jsonLd.image)).toContain(absolute1600);

  // The newsroom preview is "exactly what readers will get": the same article element, the cover's alt text
  // included, less the reader page's own 朗读 controls and their script (components/public/article-view.tsx).
  const readerArticle = await reader.locator('article.story').evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    const readAloud = copy.querySelector('[data-read-aloud]');
    if (readAloud?.nextElementSibling?.tagName === 'SCRIPT') readAloud.nextElementSibling.remove();
    readAloud?.remove();
    return copy.outerHTML;
  });
  expect(readerArticle).not.toContain('朗读');
  const author = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await author.page.goto(`${articleUrl}/preview`);
  expect(await author.page.locator('article.story').evaluate((element) => element.outerHTML)).toBe(readerArticle);
  await author.context.close();
  await readers.close();
});
