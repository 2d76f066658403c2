// Every type of reader page, for the checks that must cover all of them (axe in both modes, AAA
// contrast in 长辈模式, a focus indicator on every Tab stop, text at 200 %), and the 版面 page with its
// printed image published first, so those checks meet the story areas and the 放大 switch too.
import type { Browser, Page } from '@playwright/test';

import { provisionAccount, signedInPage } from './auth';
import { publishPageImage } from './epaper';

export const DAYU = '/articles/ke-cheng-duo-xia-da-yu-ding';

/** One of each: front page, 版面 with its image, a page without one, article, archive, a month, search, 无障碍声明. */
export const READER_PAGE_TYPES = [
  '/',
  '/issues/1705/pages/1',
  '/issues/1705/pages/2',
  DAYU,
  '/archive',
  '/archive/2020/8',
  '/search?q=柯城',
  '/accessibility',
] as const;

const EPAPER_EDITOR = {
  name: '郑佳怡',
  email: 'reader-screens-zhengjiayi@e2e.test',
  role: '编辑',
  password: 'zhengjiayi-pass-1',
};

/** The sample issue's page 1 with its printed image, as an editor publishes it (nothing when it has one). */
export async function withEpaperImage(browser: Browser): Promise<void> {
  await provisionAccount(browser, EPAPER_EDITOR);
  const { page, context } = await signedInPage(browser, EPAPER_EDITOR.email, EPAPER_EDITOR.password);
  await publishPageImage(page, 1705, 1);
  await context.close();
}

/** The two layouts every reader page is checked in. */
export const READER_MODES = ['normal', 'care'] as const;

/** 长辈模式 on or off in this browser, as the switch leaves it (the next page load applies it). */
export async function chooseMode(page: Page, mode: (typeof READER_MODES)[number]): Promise<void> {
  await page.goto('/');
  await page.evaluate((on) => localStorage.setItem('kecheng-reader-care', on ? '1' : '0'), mode === 'care');
}
