// A story as the journeys start it: the body field, "saved" on the status line, a new story opened
// from the newsroom, written (headline and a first sentence) and sent to review, and its body as the
// database holds it.
import { expect, type Browser, type Page } from '@playwright/test';

import { signedInPage } from './auth';
import { withDb } from './database';

export const body = (page: Page) => page.getByRole('textbox', { name: '正文' });
export const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 20_000 });
export const workflowStatus = (page: Page) => page.getByTestId('workflow-status');

export async function storedBodyText(id: string): Promise<string> {
  return withDb(
    async (db) => (await db.article.findUniqueOrThrow({ where: { id }, select: { bodyText: true } })).bodyText,
  );
}

/**
 * A new, empty story from the newsroom's 新建稿件 button, its editor open; its id. `newsroom` is the
 * newsroom's address to go to first, null when the page is already there (just signed in).
 */
export async function createArticle(page: Page, newsroom: string | null = '/newsroom'): Promise<string> {
  if (newsroom !== null) await page.goto(newsroom);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await expect(page).toHaveURL(/\/newsroom\/articles\/\w+$/);
  return page.url().split('/').pop()!;
}

/** Types a headline and the body's first words into the open story's editor. */
export async function typeArticle(page: Page, headline: string, text: string): Promise<void> {
  await page.getByLabel('主题（必填）').fill(headline);
  await body(page).click();
  await page.keyboard.type(text);
}

/** A new story from the newsroom at `newsroom` (see createArticle) with headline and text, once saved; its editor's address. */
export async function writeArticle(
  page: Page,
  headline: string,
  text: string,
  newsroom: string | null = '/newsroom',
): Promise<string> {
  await createArticle(page, newsroom);
  await typeArticle(page, headline, text);
  await saved(page);
  return page.url();
}

/** A new story with its headline and 开头。 typed, once saved; its id. */
export async function newArticle(page: Page, headline: string): Promise<string> {
  return (await writeArticle(page, headline, '开头。')).split('/').pop()!;
}

/** Sends the open story to review, where it waits for the first review. */
export async function submitArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(workflowStatus(page)).toHaveText('状态：审核中（待初审）');
}

type Reviewer = { email: string; password: string };

/** 三审: 初审, 复审 and 终审（签发）, each by its own reviewer, signed in in a browser of their own. */
export async function signOffThreeLevels(
  browser: Browser,
  articleUrl: string,
  reviewers: readonly [Reviewer, Reviewer, Reviewer],
): Promise<void> {
  const levels = ['初审', '复审', '终审（签发）'] as const;
  for (const [index, level] of levels.entries()) {
    const reviewer = await signedInPage(browser, reviewers[index]!.email, reviewers[index]!.password);
    await reviewer.page.goto(articleUrl);
    await reviewer.page.getByRole('button', { name: `${level}通过` }).click();
    await expect(reviewer.page.getByRole('button', { name: `${level}通过` })).toHaveCount(0);
    await reviewer.context.close();
  }
}
