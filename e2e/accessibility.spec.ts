// GB/T 37668 checks a tool can make on the reader site (docs/architecture.md, "Accessibility and care
// mode", lists the rest and how they were checked): a reader reads an issue with the keyboard only,
// axe finds no serious violation on any reader page type in either mode (and no text below 7:1 in
// 长辈模式), every Tab stop of every reader page type shows where the focus is, text enlarged to 200 %
// loses nothing, each page names its language and has its landmarks, and the 无障碍声明 is one link away.
import { expect, test, type Page } from '@playwright/test';

import { contrastBelowAAA, seriousViolations } from './support/axe';
import { narrowReaderText, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';
import {
  chooseMode,
  DAYU,
  READER_PAGE_TYPES as PAGE_TYPES,
  READER_MODES,
  withEpaperImage,
} from './support/reader-pages';

const MODES = READER_MODES;
const MAX_TAB_STOPS = 200;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // The 版面 page type with its printed image: story areas and the 放大 switch are Tab stops too.
  await withEpaperImage(browser);
});

for (const mode of MODES) {
  test(`axe finds no serious violation on any reader page type (${mode})${mode === 'care' ? ', and all text is at 7:1 or more' : ''}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await chooseMode(page, mode);
    const problems: string[] = [];
    for (const path of PAGE_TYPES) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-care')), path).toBe(mode === 'care');
      problems.push(...(await seriousViolations(page, `${path} (${mode})`)));
      if (mode === 'care') problems.push(...(await contrastBelowAAA(page, path)));
    }
    expect(problems).toEqual([]);
  });
}

type Stop = { label: string; visible: boolean; inView: boolean; first: boolean };

/** The focused element: its name, whether a focus indicator shows (on it, or for a hidden checkbox on its label), and whether it is in view. */
function focusedStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    // Focus that comes round to the page's first stop again has been everywhere.
    const first = !document.querySelector('[data-first-tab-stop]');
    if (first) element.setAttribute('data-first-tab-stop', '');
    const shows = (box: Element) => {
      const style = getComputedStyle(box);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const rect = element.getBoundingClientRect();
    // A visually hidden control (the 放大 checkbox) shows its focus on the label around it.
    const indicator = rect.width <= 1 && element.closest('label') ? element.closest('label')! : element;
    const box = indicator.getBoundingClientRect();
    return {
      label: (
        element.getAttribute('aria-label') ??
        (element as HTMLInputElement).labels?.[0]?.textContent ??
        element.textContent ??
        element.tagName
      )
        .trim()
        .slice(0, 30),
      visible: shows(indicator),
      inView: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
      first: first || element.hasAttribute('data-first-tab-stop'),
    };
  });
}

/** Presses Tab until the focused element's text or name matches `name`; fails after MAX_TAB_STOPS. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let stop = 0; stop < MAX_TAB_STOPS; stop += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedStop(page);
    if (focused && (typeof name === 'string' ? focused.label === name : name.test(focused.label))) return;
  }
  throw new Error(`Tab never reached “${name}” on ${page.url()}`);
}

test('a reader reads an issue with the keyboard only: skip link, a story, the next page, the archive, 长辈模式', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeInViewport();
  await page.keyboard.press('Enter');
  // The next Tab starts inside the main content, past the navigation and the masthead.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  await page.goto('/');
  await tabTo(page, '柯城夺下“大禹鼎”');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(DAYU);
  await tabTo(page, '第2版');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '第1705期 · 第2版' })).toBeVisible();
  await tabTo(page, /^下一版/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/issues/1705/pages/3');
  await tabTo(page, '往期');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/archive');
  await tabTo(page, /^8月/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/archive/2020/8');
  await tabTo(page, '2020-08-17 第1705期');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/issues/1705');

  await tabTo(page, /^长辈模式/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'false');
});

for (const mode of MODES) {
  test(`every Tab stop of every reader page type shows its focus and scrolls into view (${mode})`, async ({ page }) => {
    test.setTimeout(180_000);
    await chooseMode(page, mode);
    const problems: string[] = [];
    for (const path of PAGE_TYPES) {
      await page.goto(path);
      let stops = 0;
      for (; stops < MAX_TAB_STOPS; stops += 1) {
        await page.keyboard.press('Tab');
        const focused = await focusedStop(page);
        if (!focused || (focused.first && stops > 0)) break;
        if (!focused.visible) problems.push(`${path}: no focus indicator on “${focused.label}”`);
        if (!focused.inView) problems.push(`${path}: “${focused.label}” focused out of view`);
      }
      if (stops === MAX_TAB_STOPS) problems.push(`${path}: more than ${MAX_TAB_STOPS} Tab stops`);
      expect(stops, `${path}: Tab stops`).toBeGreaterThan(3);
    }
    expect(problems).toEqual([]);
  });
}

test('text enlarged to 200 % loses nothing: no sideways scrolling, no squeezed column, in both modes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems: string[] = [];
  for (const mode of MODES) {
    await chooseMode(page, mode);
    for (const path of PAGE_TYPES) {
      await page.goto(path);
      // 200 % of the browser's default text size (长辈模式 itself is 150 %).
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const label = `${path} (${mode}, text 200 %)`;
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow} px`);
      problems.push(...(await sidewaysScrollBoxes(page)).map((line) => `${label}: ${line}`));
      problems.push(...(await narrowReaderText(page)).map((line) => `${label}: ${line}`));
    }
  }
  expect(problems).toEqual([]);
});

test('each reader page names its language and has its landmarks; the 无障碍声明 is linked from every page', async ({
  page,
}) => {
  for (const path of PAGE_TYPES) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: '网站导航' }), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: '无障碍声明' }), path).toHaveAttribute(
      'href',
      '/accessibility',
    );
  }
  await page.getByRole('contentinfo').getByRole('link', { name: '无障碍声明' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '无障碍声明' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '反馈问题' })).toBeVisible();
  await expect(page.getByText(/采编热线：\S+/).last()).toBeVisible();
});
