// A story as the journeys of co-editing and sign-out start it: the body field, "saved" on the status
// line, a new story with a headline and a first sentence, and its body as the database holds it.
import { expect, type Page } from '@playwright/test';
import { withDb } from './database';

export const body = (page: Page) => page.getByRole('textbox', { name: '正文' });
export const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 20_000 });

export async function storedBodyText(id: string): Promise<string> {
  return withDb(async (db) => (await db.article.findUniqueOrThrow({ where: { id }, select: { bodyText: true } })).bodyText);
}

/** A new story with its headline and 开头。 typed, once saved; its id. */
export async function newStory(page: Page, headline: string): Promise<string> {
  await page.goto('/newsroom');
  await page.getByRole('button', { name: '新建稿件' }).click();
  await expect(page).toHaveURL(/\/newsroom\/articles\/\w+$/);
  await page.getByLabel('主题（必填）').fill(headline);
  await body(page).click();
  await page.keyboard.type('开头。');
  await saved(page);
  return page.url().split('/').pop()!;
}
