// What a screen reader meets on every reader page type, in both modes, read from Chromium's
// accessibility tree (Playwright's ARIA snapshot: the roles, names and order that assistive technology
// is given): the skip link first, then the site navigation, the masthead where there is one, the main
// content and the footer; one level-1 heading and no skipped levels after it; every link, button,
// field, image and named region named in Chinese; on the 版面 page the story list before the page
// image, on the article page the headline before the text. This is the part of a screen-reader trial a
// test can repeat on every change; the trial itself (Orca reading each page type,
// scripts/screen-reader-trial.sh) is described in docs/architecture.md, "Accessibility and care mode".
import { expect, test, type Page } from '@playwright/test';

import { chooseMode, DAYU, READER_MODES, READER_PAGE_TYPES, withEpaperImage } from './support/reader-pages';

type AriaNode = { depth: number; role: string; name: string; level: number | null };

/** Roles a reader must be able to tell apart by name: controls, images, and landmarks or tables that are named. */
const MUST_BE_NAMED = new Set([
  'link',
  'button',
  'checkbox',
  'searchbox',
  'textbox',
  'combobox',
  'img',
  'navigation',
  'region',
  'figure',
  'table',
]);
const HAN = /\p{Script=Han}/u;

/** The ARIA snapshot's nodes in reading order: `- role "name" [level=n]` lines with their indentation. */
function nodesOf(snapshot: string): AriaNode[] {
  const nodes: AriaNode[] = [];
  for (const line of snapshot.split('\n')) {
    const match = /^(\s*)- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?(?: \[level=(\d)\])?/.exec(line);
    if (!match) continue;
    nodes.push({
      depth: match[1]!.length / 2,
      role: match[2]!,
      name: match[3] ? (JSON.parse(`"${match[3]}"`) as string) : '',
      level: match[4] ? Number(match[4]) : null,
    });
  }
  return nodes;
}

async function readingOrder(page: Page): Promise<AriaNode[]> {
  return nodesOf(await page.locator('body').ariaSnapshot());
}

/** What a screen reader would get wrong on this page: each problem as one line naming the page. */
function problemsOf(path: string, nodes: AriaNode[]): string[] {
  const problems: string[] = [];
  // Landmarks and the skip link, at the top level, in this order (the masthead only on issue pages).
  const top = nodes.filter((node) => node.depth === 0 && node.role !== 'alert').map((node) => node.role);
  const expected = top.includes('banner')
    ? ['link', 'navigation', 'banner', 'navigation', 'main', 'contentinfo']
    : ['link', 'navigation', 'main', 'contentinfo'];
  if (top.join(' ') !== expected.join(' ')) problems.push(`${path}: 顶层顺序 ${top.join(' ')}`);
  if (nodes[0]?.name !== '跳到正文') problems.push(`${path}: 第一项不是“跳到正文”`);
  if (nodes.find((node) => node.role === 'navigation')?.name !== '网站导航')
    problems.push(`${path}: 第一个导航区不是“网站导航”`);

  for (const node of nodes)
    if (MUST_BE_NAMED.has(node.role) && !HAN.test(node.name))
      problems.push(`${path}: ${node.role} 没有中文名称（“${node.name}”）`);

  const headings = nodes.filter((node) => node.role === 'heading');
  if (headings[0]?.level !== 1) problems.push(`${path}: 第一个标题不是一级标题`);
  if (headings.filter((heading) => heading.level === 1).length !== 1) problems.push(`${path}: 一级标题不是恰好一个`);
  headings.forEach((heading, index) => {
    const before = headings[index - 1];
    if (before && heading.level! > before.level! + 1)
      problems.push(`${path}: 标题“${heading.name}”从 ${before.level} 级跳到 ${heading.level} 级`);
  });
  return problems;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // The 版面 page type with its printed image, so its story areas and 放大 are read too.
  await withEpaperImage(browser);
});

for (const mode of READER_MODES) {
  test(`every reader page type reads in order with Chinese names (${mode})`, async ({ page }) => {
    test.setTimeout(120_000);
    await chooseMode(page, mode);
    const problems: string[] = [];
    for (const path of READER_PAGE_TYPES) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-care')), path).toBe(mode === 'care');
      problems.push(...problemsOf(path, await readingOrder(page)));
    }
    expect(problems).toEqual([]);
  });

  test(`the 版面 page lists its stories before the page image, the article its headline before the text (${mode})`, async ({
    page,
  }) => {
    await chooseMode(page, mode);
    await page.goto('/issues/1705/pages/1');
    let nodes = await readingOrder(page);
    const firstArticle = nodes.findIndex((node) => node.role === 'heading' && node.level === 3);
    const pageImage = nodes.findIndex((node) => node.role === 'img' && node.name.endsWith('版面图'));
    expect(firstArticle).toBeGreaterThan(0);
    expect(pageImage).toBeGreaterThan(firstArticle);
    // The page image's story areas follow it, named by their headlines, in the list's order.
    const listed = nodes.filter((node) => node.role === 'heading' && node.level === 3).map((node) => node.name);
    const areas = nodes.slice(pageImage + 1).filter((node) => node.role === 'link' && listed.includes(node.name));
    expect(areas.map((area) => area.name)).toEqual(listed);

    await page.goto(DAYU);
    nodes = await readingOrder(page);
    const headline = nodes.findIndex((node) => node.role === 'heading' && node.level === 1);
    expect(nodes[headline]?.name).toBe('柯城夺下“大禹鼎”');
    // Nothing of the main content is read before the headline.
    const main = nodes.findIndex((node) => node.role === 'main');
    const firstText = nodes.findIndex((node, index) => index > main && node.role === 'paragraph');
    expect(headline).toBeGreaterThan(main);
    expect(firstText).toBeGreaterThan(headline);
  });
}
