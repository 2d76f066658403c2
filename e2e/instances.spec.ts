// Two app instances on one database behind the nginx front: the global setup's server is
// instance A; this spec starts instance B (and a front with both as upstream) for itself only.
// People work through A or B; readers read through the other one, and see each change within a second.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

import { startInstance, stopInstance, type Instance } from '../server/cluster';
import { findNginx, startFront, stopFront } from '../server/front';
import { createArticle, saved, submitArticle, workflowStatus, writeArticle } from './support/article';
import { formAlert, provisionAccount, signedInPage, signIn, signInAndExpect } from './support/auth';
import { E2E_DATA_DIR, E2E_SERVER_ENV_FILE } from './support/env';
import { E2E_CLUSTER_FRONT_PORT, E2E_SECOND_PORT } from './support/front';

const A_PORT = Number(process.env.E2E_PORT ?? 3100);
const B_PORT = E2E_SECOND_PORT;
const CLUSTER_FRONT_PORT = E2E_CLUSTER_FRONT_PORT;
const A = `http://127.0.0.1:${A_PORT}`;
const B = `http://127.0.0.1:${B_PORT}`;
const FRONT = `http://127.0.0.1:${CLUSTER_FRONT_PORT}`;

const REPORTER = { name: '骆晓岚', email: 'luoxiaolan@e2e.test', role: '记者', password: 'Naloaixoul-pass-1' };
const EDITOR_A = { name: '方启明', email: 'fangqiming@e2e.test', role: '编辑', password: 'Gnimiqgnaf-pass-1' };
const EDITOR_B = { name: '童雅琴', email: 'tongyaqin@e2e.test', role: '编辑', password: 'Niqaygnot-pass-12' };
const CHIEF = { name: '叶建华', email: 'instances-yejianhua@e2e.test', role: '总编', password: 'yejianhua-pass-12' };

test.describe.configure({ mode: 'serial' });

let second: Instance | null = null;
let front: ChildProcess | null = null;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const shared = JSON.parse(fs.readFileSync(E2E_SERVER_ENV_FILE, 'utf8')) as Record<string, string>;
  // B is its own process on the same database, data directory and secret; people reach it at its own address.
  second = await startInstance({ env: { ...process.env, ...shared, NEXTAUTH_URL: B }, output: 'ignore' }, 'B', B_PORT);
  if (findNginx()) {
    front = await startFront({
      workDir: path.join(E2E_DATA_DIR, '..', 'cluster-front'),
      frontPort: CLUSTER_FRONT_PORT,
      appPort: A_PORT,
      otherAppPorts: [B_PORT],
      dataDir: shared.DATA_DIR!,
      stdio: 'ignore',
    });
  }
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

test.afterAll(async () => {
  if (front) await stopFront(front);
  if (second) await stopInstance(second.process);
});

/** Milliseconds from now until `check` holds for what `url` answers (polled every 50 ms, given up after 10 s). */
async function msUntil(url: string, check: (status: number, body: string) => boolean): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    const response = await fetch(url, { redirect: 'manual' });
    if (check(response.status, await response.text())) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not change within 10 s`);
}

test('an editor publishes through instance A; readers served by instance B see it, its correction and its retraction within a second', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A retry runs on the same database, where the first attempt may have published its story already.
  const headline = `柯城两实例发布测试稿${test.info().retry ? `（重试${test.info().retry}）` : ''}`;
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const articlePath = new URL(
    await writeArticle(
      reporter.page,
      headline,
      '两台应用实例共用一个数据库，读者在另一台上立即看到。',
      `${A}/newsroom`,
    ),
  ).pathname;
  await submitArticle(reporter.page);
  await reporter.context.close();

  // 初审 through A, 复审 from instance B's review queue (the queue is the database's, not an instance's), 签发 through A.
  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await editorA.page.goto(`${A}${articlePath}`);
  await editorA.page.getByRole('button', { name: '初审通过' }).click();
  await expect(workflowStatus(editorA.page)).toHaveText('状态：审核中（待复审）');
  const editorBContext = await browser.newContext();
  const editorB = await editorBContext.newPage();
  await signIn(editorB, EDITOR_B.email, EDITOR_B.password, `${B}/login`);
  await expect(editorB).toHaveURL(`${B}/newsroom`);
  const row = editorB.getByTestId('queue-row').filter({ hasText: headline });
  await row.getByRole('button', { name: '复审通过' }).click();
  await expect(row).toHaveCount(0);
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  await chief.page.goto(`${A}${articlePath}`);
  await chief.page.getByRole('button', { name: '终审（签发）通过' }).click();
  await expect(workflowStatus(chief.page)).toHaveText('状态：已签发');

  // Instance B has the feed cached (and the front has its copy) before the publish.
  const feedB = `${B}/feed.xml`;
  expect(await (await fetch(feedB)).text()).not.toContain(headline);
  expect(await (await fetch(feedB)).text()).not.toContain(headline);
  if (front) expect(await (await fetch(`${FRONT}/feed.xml`)).text()).not.toContain(headline);

  const editor = editorA.page;
  await editor.goto(`${A}${articlePath}`);
  await editor.getByRole('button', { name: '发布', exact: true }).click();
  await expect(workflowStatus(editor)).toHaveText('状态：已发布');
  const onB = await msUntil(feedB, (code, body) => code === 200 && body.includes(headline));
  const throughFront = front
    ? await msUntil(`${FRONT}/feed.xml`, (code, body) => code === 200 && body.includes(headline))
    : null;
  console.log(
    `publish through A visible on instance B after ${onB} ms, through the two-instance front after ${throughFront ?? 'n/a (no nginx)'} ms`,
  );
  expect(onB).toBeLessThan(1000);
  // The front keeps a page for at most one second (deploy/nginx), on top of the instance.
  if (throughFront !== null) expect(throughFront).toBeLessThan(2000);

  const readerPath = (await editor.getByRole('link', { name: '在网站上查看' }).getAttribute('href'))!;
  const readers = await browser.newContext();
  const reader = await readers.newPage();
  await reader.goto(`${B}${readerPath}`);
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  const correction = '本文所说“两台”为测试环境。';
  await editor.getByLabel('更正内容（读者可见，注明日期）').fill(correction);
  await editor.getByRole('button', { name: '追加更正' }).click();
  await expect(editor.getByText('更正已公开')).toBeVisible();
  const correctionOnB = await msUntil(`${B}${readerPath}`, (code, body) => code === 200 && body.includes(correction));
  expect(correctionOnB).toBeLessThan(1000);
  await reader.reload();
  await expect(reader.getByRole('region', { name: '更正' })).toContainText(correction);

  editor.once('dialog', (dialog) => dialog.accept());
  await editor.getByLabel('撤稿声明（读者可见）').fill('测试结束，撤稿。');
  await editor.getByRole('button', { name: '撤稿' }).click();
  await expect(workflowStatus(editor)).toHaveText('状态：已撤稿');
  const retractionOnB = await msUntil(`${B}${readerPath}`, (code) => code === 410);
  const feedWithout = await msUntil(feedB, (code, body) => code === 200 && !body.includes(headline));
  console.log(
    `correction through A visible on B after ${correctionOnB} ms; retraction after ${retractionOnB} ms (410), ${feedWithout} ms (off B's feed)`,
  );
  expect(retractionOnB).toBeLessThan(1000);
  expect(feedWithout).toBeLessThan(1000);
  const gone = await reader.goto(`${B}${readerPath}`);
  expect(gone?.status()).toBe(410);

  for (const context of [editorA.context, editorBContext, chief.context, readers]) await context.close();
});

// Before co-editing this journey ended in the conflict dialog; now both people's changes are kept. Their
// sockets reach the deployment's one co-editing process through different instances (README, "Co-editing").
test('a reporter on A and an editor on B edit one story together: each sees the other and both changes are kept', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(reporter.page, `${A}/newsroom`);
  const articlePath = new URL(reporter.page.url()).pathname;
  await reporter.page.getByLabel('主题（必填）').fill('跨实例协同测试稿');
  await saved(reporter.page);

  // The editor signs in on B: the session cookie B signed is accepted by A too (one shared secret).
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, EDITOR_A.email, EDITOR_A.password, `${B}/login`);
  await expect(editor).toHaveURL(`${B}/newsroom`);
  const onA = await editorContext.newPage();
  await onA.goto(`${A}/newsroom`);
  await expect(onA).toHaveURL(`${A}/newsroom`);
  await onA.close();

  await editor.goto(`${B}${articlePath}`);
  await expect(editor.getByLabel('主题（必填）')).toHaveValue('跨实例协同测试稿');
  await expect(editor.getByTestId('collab-people')).toContainText(REPORTER.name);
  await expect(reporter.page.getByTestId('collab-people')).toContainText(EDITOR_A.name);

  await Promise.all([
    editor.getByLabel('主题（必填）').fill('编辑在实例B改过的标题'),
    reporter.page.getByLabel('副题').fill('记者在实例A写的副题'),
  ]);
  for (const page of [reporter.page, editor]) {
    await expect(page.getByLabel('主题（必填）')).toHaveValue('编辑在实例B改过的标题', { timeout: 15_000 });
    await expect(page.getByLabel('副题')).toHaveValue('记者在实例A写的副题', { timeout: 15_000 });
  }
  await saved(reporter.page);
  await saved(editor);
  await expect(reporter.page.getByRole('dialog', { name: '保存冲突' })).toHaveCount(0);
  await reporter.context.close();
  await editorContext.close();

  // What was stored: the working copy as the story list on B shows it, after both have left.
  const check = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  await check.page.goto(`${B}${articlePath}/preview`);
  await expect(check.page.getByRole('heading', { name: '编辑在实例B改过的标题' })).toBeVisible({ timeout: 15_000 });
  await expect(check.page.getByText('记者在实例A写的副题')).toBeVisible();
  await check.context.close();
});

test('sign-in lockout counts failures on every instance', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signIn(page, CHIEF.email, 'wrong-password-123', `${attempt % 2 === 0 ? A : B}/login`);
    await expect(formAlert(page)).toContainText(/邮箱或密码|登录失败/);
  }
  await signIn(page, CHIEF.email, CHIEF.password, `${B}/login`);
  await expect(formAlert(page)).toContainText('登录失败次数过多');
  await signInAndExpect(page, REPORTER.email, REPORTER.password);
  await context.close();
});
