// Layout checks for the screenshot specs: a page that scrolls sideways, and planner headlines or a
// reader page's text squeezed below a readable width. Both measure the rendered page, so they catch what CSS alone cannot promise.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';

/** Where the screenshots are kept for people to look at (README: 截图检查). */
export const SCREENS_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** How far (px) the document is wider than the window; 0 when nothing scrolls sideways. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });
}

/**
 * Boxes that scroll sideways inside the page (a wide table in an overflow-x-auto box): on a phone the
 * columns off to the side are as good as missing. Text fields scroll their own text and are left out.
 */
export async function sidewaysScrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')].flatMap((box) => {
      if (box.matches('input, textarea, select') || box.clientWidth === 0) return [];
      const overflowX = getComputedStyle(box).overflowX;
      if (overflowX !== 'auto' && overflowX !== 'scroll') return [];
      const hidden = box.scrollWidth - box.clientWidth;
      const name =
        box.getAttribute('aria-label') ?? box.querySelector('caption')?.textContent ?? box.tagName.toLowerCase();
      return hidden > 1 ? [`${name}: ${hidden} px hidden to the side`] : [];
    }),
  );
}

/**
 * Text boxes narrower than `chars` characters of their own text size (CJK: one em each): a column squeezed
 * until a headline reads one or two characters a line. Boxes not shown (width 0 or a 1 px screen-reader
 * text) are left out.
 */
export async function narrowTextBoxes(boxes: Locator, chars = 8): Promise<string[]> {
  return boxes.evaluateAll(
    (elements, minChars) =>
      elements.flatMap((box) => {
        const width = box.getBoundingClientRect().width;
        const em = parseFloat(getComputedStyle(box).fontSize);
        if (width <= 1 || !(box.textContent ?? '').trim()) return [];
        return width < minChars * em
          ? [`${(box.textContent ?? '').trim().slice(0, 20)}: ${Math.round(width)} px < ${minChars} × ${em} px`]
          : [];
      }),
    chars,
  );
}

/** Planner headline boxes narrower than `chars` characters. */
export async function narrowHeadlines(page: Page, chars = 8): Promise<string[]> {
  return narrowTextBoxes(page.getByTestId('board-headline'), chars);
}

/** A reader page's headings and paragraphs (in <main>) narrower than `chars` characters. */
export async function narrowReaderText(page: Page, chars = 8): Promise<string[]> {
  return narrowTextBoxes(page.locator('main').locator('h1, h2, h3, p'), chars);
}

/** A screenshot of the whole page (or of one part), kept under test-results/screens and attached to the report. */
export async function keepScreenshot(target: Page | Locator, testInfo: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  else await target.screenshot({ path: file, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
