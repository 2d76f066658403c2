// The newsroom opened by whatever address reaches the server: by localhost, by 127.0.0.1, by
// a second loopback address standing in for a LAN address such as http://192.168.1.20:3000 (tests send
// traffic to loopback addresses only), and through the nginx front. At each a reporter starts a story,
// types in the headline and the body, sees it saved by the co-editing service, and finds it after a reload.
import { expect, test, type Browser } from '@playwright/test';

import { E2E_PORT } from '../playwright.config';
import { findNginx } from '../server/front';
import { body, createArticle, saved, storedBodyText, typeArticle } from './support/article';
import { provisionAccount, signInAndExpect } from './support/auth';
import { FRONT_URL } from './support/front';

const REPORTER = { name: '祝晓岚', email: 'zhuxiaolan@e2e.test', role: '记者', password: 'Naloaixuhz-pass-1' };

const ADDRESSES = [
  ['localhost', `http://localhost:${E2E_PORT}`],
  ['127.0.0.1', `http://127.0.0.1:${E2E_PORT}`],
  ['127.0.0.2 (a LAN address)', `http://127.0.0.2:${E2E_PORT}`],
  ['the nginx front', FRONT_URL],
] as const;

test.beforeAll(async ({ browser }) => {
  await provisionAccount(browser, REPORTER);
});

async function writeAt(browser: Browser, label: string, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAndExpect(
    page,
    REPORTER.email,
    REPORTER.password,
    new RegExp(`^${baseURL.replace(/[.]/g, '\\.')}/newsroom$`),
  );
  const id = await createArticle(page, null);
  const headline = `从 ${label} 打开的稿件`;
  await typeArticle(page, headline, `在 ${label} 写下的正文。`);
  await saved(page);
  await expect(page.getByTestId('save-status')).not.toHaveText(/无法连接|离线/);
  await page.reload();
  await expect(page.getByLabel('主题（必填）')).toHaveValue(headline);
  await expect(body(page)).toContainText(`在 ${label} 写下的正文。`);
  await saved(page);
  await expect.poll(() => storedBodyText(id), { timeout: 20_000 }).toContain(`在 ${label} 写下的正文。`);
  await context.close();
}

for (const [label, baseURL] of ADDRESSES) {
  test(`opened by ${label}: a new story takes typing, is saved and comes back after a reload`, async ({ browser }) => {
    test.skip(
      baseURL === FRONT_URL && !findNginx(),
      '跳过：没有 nginx，无法经前端测试（Debian：sudo apt-get install nginx）',
    );
    await writeAt(browser, label, baseURL);
  });
}
