// The co-editing process killed with SIGKILL (what the out-of-memory killer does) while two people type
// in one story (issue 27, deliverable 5): both keep typing while it is down, it comes back by itself
// (the e2e set-up runs it under npm start's supervisor, which writes its pid to DATA_DIR/collab.pid),
// and then everything either browser showed is in the database and in both browsers, nothing twice.
// Prints the keystrokes typed, saved and lost.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { body, newArticle, storedBodyText } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { E2E_DATA_DIR } from './support/env';

const REPORTER = { name: '沈知秋', email: 'shenzhiqiu@e2e.test', role: '记者', password: 'Uiqihznehs-pass-1' };
const EDITOR = { name: '闻嘉树', email: 'wenjiashu@e2e.test', role: '编辑', password: 'Uhsaijnew-pass-1' };

// Every keystroke a character of its own, so each can be counted in the database and in each browser.
const TYPED = {
  reporter: ['abcdefghij', 'klmnopqrst', 'uvwxyz0123'],
  editor: ['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ4567'],
} as const;

const PID_FILE = path.join(E2E_DATA_DIR, 'collab.pid');
const collabPid = () => (fs.existsSync(PID_FILE) ? Number(fs.readFileSync(PID_FILE, 'utf8')) : 0);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  for (const account of [REPORTER, EDITOR]) await provisionAccount(browser, account);
});

/** The body's text without the others' carets and name tags (which are drawn inside it). */
async function bodyText(page: Page): Promise<string> {
  return body(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return (copy.textContent ?? '').replace(/\s/g, '');
  });
}

async function typeAtEnd(page: Page, text: string) {
  await body(page).locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 20 });
}

/** Whether every character of `typed` appears in `text` in the order typed (others may be between). */
function keptInOrder(text: string, typed: string): boolean {
  let at = 0;
  for (const char of text) if (char === typed[at]) at += 1;
  return at === typed.length;
}

const occurrences = (text: string, char: string) => text.split(char).length - 1;

test('kill -9 of the co-editing process while two people type: it comes back by itself and no keystroke is lost or doubled', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await newArticle(reporter.page, '协同服务重启');
  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await editor.page.goto(`/newsroom/articles/${id}`);
  await expect(body(editor.page)).toContainText('开头。');
  const pages = [reporter.page, editor.page];

  // Both type at the end of one paragraph at once, so their keystrokes interleave.
  await Promise.all([typeAtEnd(reporter.page, TYPED.reporter[0]), typeAtEnd(editor.page, TYPED.editor[0])]);
  for (const page of pages) {
    await expect
      .poll(async () => {
        const text = await bodyText(page);
        return keptInOrder(text, TYPED.reporter[0]) && keptInOrder(text, TYPED.editor[0]);
      })
      .toBe(true);
  }

  const killed = collabPid();
  expect(killed, `no pid in ${PID_FILE}`).toBeGreaterThan(0);
  process.kill(killed, 'SIGKILL');
  // Down: the site says so, and still answers.
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, collab: 'unreachable' });

  // Both keep typing while it is down.
  await Promise.all([typeAtEnd(reporter.page, TYPED.reporter[1]), typeAtEnd(editor.page, TYPED.editor[1])]);

  // Back by itself: a new process, answering.
  await expect.poll(collabPid, { timeout: 30_000 }).not.toBe(killed);
  await expect
    .poll(async () => (await (await request.get('/api/health')).json()).collab, { timeout: 30_000 })
    .toBe('ok');

  await Promise.all([typeAtEnd(reporter.page, TYPED.reporter[2]), typeAtEnd(editor.page, TYPED.editor[2])]);

  const typed = [...TYPED.reporter.join(''), ...TYPED.editor.join('')];
  const expectedLength = '开头。'.length + typed.length;
  // Everything either browser showed reaches the other and the database (the browsers reconnect by themselves).
  for (const page of pages)
    await expect.poll(async () => (await bodyText(page)).length, { timeout: 60_000 }).toBe(expectedLength);
  await expect
    .poll(async () => (await storedBodyText(id)).replace(/\s/g, '').length, { timeout: 30_000 })
    .toBe(expectedLength);

  const stored = (await storedBodyText(id)).replace(/\s/g, '');
  const shown = await Promise.all(pages.map(bodyText));
  const saved = typed.filter((char) => occurrences(stored, char) === 1).length;
  const doubled = typed.filter(
    (char) => occurrences(stored, char) > 1 || shown.some((text) => occurrences(text, char) > 1),
  ).length;
  const lost = typed.length - typed.filter((char) => occurrences(stored, char) > 0).length;
  console.log(`kill -9 旅程：键入 ${typed.length} 次，入库 ${saved} 次，丢失 ${lost} 次，重复 ${doubled} 次`);
  expect({ lost, doubled, saved }).toEqual({ lost: 0, doubled: 0, saved: typed.length });
  for (const text of shown) expect(text).toBe(stored);
  expect(keptInOrder(stored, TYPED.reporter.join(''))).toBe(true);
  expect(keptInOrder(stored, TYPED.editor.join(''))).toBe(true);
  await reporter.context.close();
  await editor.context.close();
});
