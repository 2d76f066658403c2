import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromium } from 'playwright-core';

// Use Playwright's own Chromium when it is installed (a normal machine); otherwise Debian's
// (/usr/bin/chromium), which is what CI here has.
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

const SAMPLE_ISSUE_SPECS = ['**/front-page.spec.ts', '**/reader.spec.ts', '**/search.spec.ts'];

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Journeys that meet the site as a fresh install shows it (the sample issue is the newest one on
  // the front page, searches find only its stories) run first; every other journey may publish
  // stories and issues of its own, so it runs after them. Explicit here rather than left to the files' alphabetical order.
  projects: [
    { name: 'sample-issue', testMatch: SAMPLE_ISSUE_SPECS, use: browser },
    { name: 'chromium', testIgnore: SAMPLE_ISSUE_SPECS, dependencies: ['sample-issue'], use: browser },
  ],
});
