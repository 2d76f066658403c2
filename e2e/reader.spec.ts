import { expect, test } from '@playwright/test';

import { seriousViolations } from './support/axe';

const DAYU = '/articles/ke-cheng-duo-xia-da-yu-ding';

test('a reader goes from the front page to a story, its pages and the archive', async ({ page }) => {
  await page.goto('/');
  const tabs = page.getByRole('navigation', { name: '版面' });
  await expect(tabs.getByRole('link')).toHaveText(['第1版', '第2版', '第3版', '第4版']);
  await expect(tabs.getByRole('link', { name: '第1版' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('link', { name: '柯城夺下“大禹鼎”' }).click();
  await expect(page).toHaveURL(DAYU);
  await expect(page.getByRole('heading', { level: 1, name: '柯城夺下“大禹鼎”' })).toBeVisible();
  await expect(page.getByText('■记者 黄淑妍 通讯员 闻凌世')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '治水治出美丽河湖' })).toBeVisible();
  await expect(page.getByRole('link', { name: '第1705期' })).toHaveAttribute('href', '/issues/1705');
  await expect(page.getByRole('link', { name: '第2版' })).toHaveAttribute('href', '/issues/1705/pages/2');
  // Body paragraphs are indented two characters.
  const indent = await page
    .locator('.story-body p')
    .first()
    .evaluate((p) => getComputedStyle(p).textIndent);
  const fontSize = await page
    .locator('.story-body p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(parseFloat(indent)).toBeCloseTo(fontSize * 2, 0);

  await page.getByRole('link', { name: '第2版' }).click();
  await expect(page.getByRole('heading', { name: '第1705期 · 第2版' })).toBeVisible();
  await expect(page.locator('main article h3')).toHaveText(['（上接第1版）柯城夺下“大禹鼎”']);

  await page.getByRole('link', { name: /下一版：第3版/ }).click();
  await expect(page.getByText('本版暂无可阅读的稿件。')).toBeVisible();

  await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '往期' }).click();
  await page.getByRole('link', { name: /8月/ }).click();
  await expect(page).toHaveURL('/archive/2020/8');
  await page.getByRole('link', { name: '2020-08-17 第1705期' }).click();
  await expect(page).toHaveURL('/issues/1705');
});

test('a story with a table: header cells, and the table scrolls instead of the page on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByRole('link', { name: '柯城区八届区委第十二轮巡察全部进驻！' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('.table-scroll')).toHaveCSS('overflow-x', 'auto');
});

test('articles carry canonical, OpenGraph and NewsArticle data', async ({ page }) => {
  await page.goto(DAYU);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/articles\/ke-cheng-duo-xia-da-yu-ding$/,
  );
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    /\/feed\.xml$/,
  );
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: '柯城夺下“大禹鼎”',
    datePublished: '2020-08-16T16:00:00.000Z',
    author: [{ name: '黄淑妍' }, { name: '闻凌世' }],
    publisher: { name: '今日柯城' },
    isPartOf: { '@type': 'PublicationIssue', issueNumber: '1705' },
  });
});

test('feed, sitemap and robots are valid and absolute', async ({ request, baseURL }) => {
  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  const rss = await feed.text();
  expect(rss).toContain(`<link>${baseURL}/articles/ke-cheng-duo-xia-da-yu-ding</link>`);
  expect(rss).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  // The sample issue's stories, and any story a journey before this one published.
  expect(rss.match(/<item>/g)?.length ?? 0).toBeGreaterThanOrEqual(4);

  const index = await (await request.get('/sitemap.xml')).text();
  expect(index).toContain(`<loc>${baseURL}/sitemaps/2020.xml</loc>`);
  const year = await (await request.get('/sitemaps/2020.xml')).text();
  expect(year).toContain(`<loc>${baseURL}/issues/1705/pages/4</loc>`);
  expect(year).toMatch(/<url><loc>[^<]+\/articles\/ke-cheng-duo-xia-da-yu-ding<\/loc><lastmod>\d{4}-\d{2}-\d{2}T/);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /newsroom');
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('missing pages get a friendly Chinese 404', async ({ page }) => {
  for (const path of [
    '/articles/no-such-story',
    '/issues/99999',
    '/issues/1705/pages/9',
    '/archive/2020/13',
    '/no/such/page',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();
  }
});

test('reader pages have no serious accessibility violations', async ({ page }) => {
  for (const path of ['/', DAYU, '/issues/1705/pages/2', '/archive/2020/8']) {
    await page.goto(path);
    expect(await seriousViolations(page, path)).toEqual([]);
  }
});
