// The reader site at desktop (1400 px) and phone (390 px) width, in the normal layout and in 长辈模式:
// screenshots kept for people to look at (test-results/screens, `reader-<screen>-<mode>-<width>.png`,
// and the report's attachments), and checks that fail the run: a page that scrolls sideways on a phone
// (or hides part of itself in a sideways scroll box), and a heading or paragraph squeezed narrower than
// 8 characters (as the 版面 page's story list was beside its page image: about 40 px). The 版面 page
// is the sample issue's page 1 with a printed page image, published here as an editor does.
import { expect, test, type Page } from '@playwright/test';

import { keepScreenshot, narrowReaderText, sidewaysOverflow, sidewaysScrollBoxes } from './support/layout';
import { DAYU, withEpaperImage } from './support/reader-pages';

const EPAPER_PAGE = '/issues/1705/pages/1';
const WIDTHS = [1400, 390] as const;
const MODES = ['normal', 'care'] as const;

type Screen = { name: string; path: string; ready: (page: Page) => Promise<void> };

const SCREENS: Screen[] = [
  { name: 'front-page', path: '/', ready: (p) => expect(p.getByTestId('list-headline').first()).toBeVisible() },
  {
    name: 'epaper-page',
    path: EPAPER_PAGE,
    ready: async (p) => {
      await expect(p.getByTestId('page-scan').getByRole('img')).toBeVisible();
      // The thumbnails load lazily: in view once, so the full-page screenshot has them.
      await p.getByRole('navigation', { name: '本期版面缩略图' }).scrollIntoViewIfNeeded();
      await imagesShown(p);
    },
  },
  {
    name: 'article',
    path: DAYU,
    ready: (p) => expect(p.getByRole('heading', { level: 1, name: '柯城夺下“大禹鼎”' })).toBeVisible(),
  },
  {
    name: 'page-without-image',
    path: '/issues/1705/pages/2',
    ready: (p) => expect(p.getByTestId('list-headline').first()).toBeVisible(),
  },
  {
    name: 'archive-month',
    path: '/archive/2020/8',
    ready: (p) => expect(p.getByRole('link', { name: '2020-08-17 第1705期' })).toBeVisible(),
  },
  { name: 'search', path: '/search?q=柯城', ready: (p) => expect(p.getByText(/找到 \d+ 篇/)).toBeVisible() },
  {
    name: 'archive',
    path: '/archive',
    ready: (p) => expect(p.getByRole('heading', { level: 1, name: '往期' })).toBeVisible(),
  },
  {
    name: 'accessibility-statement',
    path: '/accessibility',
    ready: (p) => expect(p.getByRole('heading', { level: 1, name: '无障碍声明' })).toBeVisible(),
  },
];

test.describe.configure({ mode: 'serial' });

/** Every image of the page decoded at the size the layout chose (srcset), so the screenshot shows it. */
async function imagesShown(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const images = [...document.images].filter((image) => image.loading !== 'lazy' || image.complete);
        await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
        return images.every((image) => image.complete && image.naturalWidth > 0);
      }),
    )
    .toBe(true);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  await withEpaperImage(browser);
});

/** Turns 长辈模式 on or off with its switch, as a reader does. */
async function setMode(page: Page, mode: (typeof MODES)[number]): Promise<void> {
  const toggle = page.getByRole('button', { name: '长辈模式' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(mode === 'care')) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', String(mode === 'care'));
}

async function checks(page: Page, label: string, width: number): Promise<string[]> {
  const found: string[] = [];
  if (width <= 390) {
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) found.push(`${label}: the page scrolls sideways by ${overflow} px`);
    found.push(...(await sidewaysScrollBoxes(page)).map((line) => `${label}: a box scrolls sideways: ${line}`));
  }
  found.push(...(await narrowReaderText(page)).map((line) => `${label}: text column too narrow: ${line}`));
  return found;
}

test('reader screens at 1400 px and 390 px in both modes: kept as screenshots; nothing scrolls sideways on a phone and no text column is narrower than 8 characters', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const mode of MODES) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const screen of SCREENS) {
        await page.goto(screen.path);
        await setMode(page, mode);
        await screen.ready(page);
        problems.push(...(await checks(page, `${screen.name} (${mode}) at ${width} px`, width)));
        await keepScreenshot(page, testInfo, `reader-${screen.name}-${mode}-${width}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('the 版面 page on a desktop: the page image takes the room, the story list beside it reads its headlines on one or two lines; on a phone and in 长辈模式 the list comes first', async ({
  page,
}) => {
  const image = page.getByTestId('page-scan').getByRole('img');
  const list = page.getByTestId('list-headline').first();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(EPAPER_PAGE);
  await setMode(page, 'normal');
  const imageBox = (await image.boundingBox())!;
  const listBox = (await list.boundingBox())!;
  expect(imageBox.width).toBeGreaterThanOrEqual(800);
  // Side by side: the list's column beside the image, at least 18rem wide.
  expect(listBox.x + listBox.width).toBeLessThanOrEqual(imageBox.x);
  expect(listBox.width).toBeGreaterThanOrEqual(288);
  const lines = await page
    .getByTestId('list-headline')
    .evaluateAll((headlines) =>
      headlines.map((h) => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))),
    );
  expect(Math.max(...lines)).toBeLessThanOrEqual(2);

  await page.setViewportSize({ width: 390, height: 900 });
  await page.reload();
  expect((await list.boundingBox())!.y).toBeLessThan((await image.boundingBox())!.y);

  await page.setViewportSize({ width: 1400, height: 900 });
  await setMode(page, 'care');
  expect((await list.boundingBox())!.y + (await list.boundingBox())!.height).toBeLessThan(
    (await image.boundingBox())!.y,
  );
});

test('the check bites: the 版面 page squeezed as it was (a 42rem image in a 48rem column) is caught', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(EPAPER_PAGE);
  await setMode(page, 'normal');
  expect(await narrowReaderText(page)).toEqual([]);
  await page.addStyleTag({
    content:
      '.reader { max-width: 48rem !important } .epaper-spread > .grid { grid-template-columns: minmax(0, 1fr) minmax(0, 42rem) !important }',
  });
  expect((await narrowReaderText(page)).length).toBeGreaterThan(0);
});
