// What a probe of the running app found, each replayed against the real server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import { serveArgs } from '../server/serve-command';
import { body, createArticle } from './support/article';
import { createAccount, formAlert, provisionAccount, signedInPage, signIn, signInAndExpect } from './support/auth';
import { cameraJpeg } from './support/camera-photo';
import { serverDatabaseEnv, withDb } from './support/database';
import { E2E_ADMIN } from './support/env';

const REPORTER = { name: '方若溪', email: 'fangruoxi@e2e.test', role: '记者', password: 'Ixourgnaf-pass-1' };
const EDITOR = { name: '徐秉文', email: 'xubingwen@e2e.test', role: '编辑', password: 'Newgnibux-pass-1' };
const EDITOR_B = { name: '童思远', email: 'tongsiyuan@e2e.test', role: '编辑', password: 'Nauyisgnot-pass-1' };
const CHIEF = { name: '金伟国', email: 'jinweiguo@e2e.test', role: '总编', password: 'Ougiewnij-pass-12' };
const ROOT = path.resolve(import.meta.dirname, '..');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  for (const account of [REPORTER, EDITOR, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

/** A valid PNG header claiming 30000×30000 pixels (what a decompression bomb looks like). */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(8 + data.length + 4);
    framed.writeUInt32BE(data.length, 0);
    typed.copy(framed, 4);
    framed.writeUInt32BE(zlib.crc32(typed) >>> 0, 4 + typed.length);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30000, 0);
  header.writeUInt32BE(30000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('camera JPEGs of 1.5 and 9.5 MB upload with progress; 11 MB and 30000×30000 are refused with a message and nothing is kept', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  await createArticle(page);
  await body(page).click();
  // Watch the progress line for the whole upload (it may come and go between two polls).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="upload-progress"]');
      if (line?.textContent) seen.push(line.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // A slow uplink, as from a reporter's phone hotspot: the upload takes seconds.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 4 * 1024 * 1024,
  });

  const figures = body(page).locator('figure img');
  for (const [index, size] of [1.5, 9.5].entries()) {
    const jpeg = await cameraJpeg(Math.round(size * 1024 * 1024));
    await page
      .getByLabel('选择要上传的图片')
      .setInputFiles({ name: `camera-${size}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
    await expect(figures).toHaveCount(index + 1, { timeout: 60_000 });
  }
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((text) => /正在上传 camera-9\.5\.jpg/.test(text))).toBe(true);
  expect(
    seen.some((text) => /([1-9]|[1-9]\d)%$/.test(text)),
    seen.join(' | '),
  ).toBe(true);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const mediaBefore = await withDb((db) => db.media.count());
  await page
    .getByLabel('选择要上传的图片')
    .setInputFiles({ name: 'too-big.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(11 * 1024 * 1024) });
  await expect(formAlert(page)).toContainText('图片不能超过 10 MB');
  await page
    .getByLabel('选择要上传的图片')
    .setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: pixelBomb() });
  await expect(formAlert(page)).toContainText('图片像素太多（30000×30000）');
  await expect(figures).toHaveCount(2);

  // The server refuses an oversized body on its own too (a client that skips the browser check).
  const direct = await page.request.post('/api/media', {
    multipart: { file: { name: 'direct.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(10.5 * 1024 * 1024) } },
  });
  expect(direct.status()).toBe(413);
  expect(await direct.json()).toEqual({ ok: false, error: '图片不能超过 10 MB' });
  expect(await withDb((db) => db.media.count())).toBe(mediaBefore);
  await context.close();
});

test('an image is private while its story is a draft and public once the story is published', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const articleUrl = `/newsroom/articles/${await createArticle(page)}`;
  await page.getByLabel('主题（必填）').fill('石梁溪整治完工');
  await body(page).click();
  await page.keyboard.type('石梁溪整治工程全面完工。');
  // Media are stored by content: an image of its own each run, so a retry does not find the first
  // run's copy already public.
  const shade = () => Math.floor(Math.random() * 256);
  const png = await sharp({
    create: { width: 900, height: 600, channels: 3, background: { r: shade(), g: shade(), b: shade() } },
  })
    .png()
    .toBuffer();
  await page
    .getByLabel('选择要上传的图片')
    .setInputFiles({ name: 'draft-only.png', mimeType: 'image/png', buffer: png });
  const figure = body(page).locator('figure img');
  await figure.click();
  await page.getByLabel('图片替代文字').fill('完工后的石梁溪');
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  const src = (await figure.getAttribute('src'))!;
  expect(src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\/1600\.webp$/);

  const mine = await page.request.get(src);
  expect(mine.status()).toBe(200);
  expect(mine.headers()['cache-control']).toMatch(/^private/);
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get(src);
  expect(refused.status()).toBe(404);
  expect(refused.headers()['cache-control']).toBe('no-store');

  // 三审 and publication, as the workflow journeys do it.
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('workflow-status')).toHaveText('状态：审核中（待初审）');
  const steps = [
    [EDITOR, '初审', '状态：审核中（待复审）'],
    [EDITOR_B, '复审', '状态：审核中（待终审（签发））'],
    [CHIEF, '终审（签发）', '状态：已签发'],
  ] as const;
  for (const [person, level, after] of steps) {
    const reviewer = await signedInPage(browser, person.email, person.password);
    await reviewer.page.goto(articleUrl);
    await reviewer.page.getByRole('button', { name: `${level}通过` }).click();
    await expect(reviewer.page.getByTestId('workflow-status')).toHaveText(after);
    await reviewer.context.close();
  }
  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await editor.page.goto(articleUrl);
  await editor.page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(editor.page.getByTestId('workflow-status')).toHaveText('状态：已发布');
  await editor.context.close();

  await expect.poll(async () => (await anonymous.get(src)).status(), { timeout: 15_000 }).toBe(200);
  expect((await anonymous.get(src)).headers()['cache-control']).toContain('immutable');
  await anonymous.dispose();
  await context.close();
});

test('typing steadily through several writes of the co-editing service: every write reported, none refused, nothing lost or doubled', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(page);
  // Every status the line shows, whichever element shows it.
  await page.evaluate(() => {
    const statuses: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = statuses;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="save-status"]')?.textContent ?? '';
      if (text && statuses.at(-1) !== text) statuses.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const statuses = () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  await page.getByLabel('主题（必填）').fill('连续输入的稿件');
  await body(page).click();
  const typed: string[] = [];
  for (let round = 1; round <= 5; round += 1) {
    const sentence = `第${round}段：柯城区持续推进城市更新，群众满意度不断提升`;
    await page.keyboard.type(sentence, { delay: 15 });
    // Past the service's 2 s debounce: a write of the shared document starts. Meanwhile the writer
    // presses 立即保存 (a second write at once), types on and moves to another field.
    await page.waitForTimeout(2_300);
    await page.getByRole('button', { name: '立即保存' }).click({ timeout: 5000 });
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('。');
    typed.push(`${sentence}。`);
    await page.getByLabel('摘要').click();
    expect(
      (await statuses()).filter((text) => /保存失败|无法连接/.test(text)),
      `round ${round}`,
    ).toEqual([]);
    await body(page).click();
    await page.keyboard.press('Control+End');
  }
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 20_000 });
  const seen = await statuses();
  // Several writes, each reported; none refused; the socket never lost.
  expect(seen.filter((text) => text.startsWith('已保存')).length).toBeGreaterThanOrEqual(3);
  expect(seen.filter((text) => /保存失败|无法连接|离线/.test(text))).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // What the browser showed is what the database holds, each sentence once, also after a reload.
  const storedText = async () =>
    (
      await withDb((db) => db.article.findUniqueOrThrow({ where: { id }, select: { bodyText: true } }))
    ).bodyText.replace(/\s/g, '');
  await expect.poll(storedText, { timeout: 20_000 }).toBe(typed.join('').replace(/\s/g, ''));
  await page.reload();
  await expect(body(page)).toContainText(typed.join(''));
  for (const sentence of typed) expect((await body(page).textContent())!.split(sentence).length - 1, sentence).toBe(1);
  await context.close();
});

test('an admin reads a story (preview and history) but cannot edit it', async ({ browser }) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const id = await createArticle(reporter.page);
  await reporter.page.getByLabel('主题（必填）').fill('管理员可以阅读的稿件');
  await reporter.page.getByLabel('主题（必填）').blur();
  await expect(reporter.page.getByTestId('save-status')).toHaveText(/^已保存/, { timeout: 15_000 });
  await reporter.context.close();

  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  const response = await admin.page.goto(`/newsroom/articles/${id}`);
  expect(response?.status()).toBe(200);
  await expect(admin.page).toHaveURL(new RegExp(`/newsroom/articles/${id}/preview$`));
  await expect(admin.page.getByRole('heading', { level: 1, name: '管理员可以阅读的稿件' })).toBeVisible();
  await admin.page.getByRole('link', { name: '历史版本' }).click();
  await expect(admin.page.getByRole('heading', { name: /历史版本：管理员可以阅读的稿件/ })).toBeVisible();
  await expect(admin.page.getByRole('button', { name: /恢复/ })).toHaveCount(0);
  await expect(admin.page.getByLabel('主题（必填）')).toHaveCount(0);
  await admin.context.close();
});

test('the client address is the socket’s: a forged X-Forwarded-For reaches neither the sign-in limits nor the audit log', async ({
  browser,
}) => {
  const forged = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7' };
  const context = await browser.newContext({ extraHTTPHeaders: forged });
  const page = await context.newPage();
  await signIn(page, 'forged-address@e2e.test', 'wrong-password-1');
  await expect(formAlert(page)).toHaveText('邮箱或密码不正确');
  const attempt = await withDb((db) =>
    db.loginAttempt.findFirstOrThrow({ where: { email: 'forged-address@e2e.test' }, select: { ip: true } }),
  );
  expect(attempt.ip).toBe('127.0.0.1');

  await signInAndExpect(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await createAccount(page, { name: '地址测试', email: 'forged-audit@e2e.test', role: '记者' });
  const events = await withDb((db) =>
    db.auditEvent.findMany({
      where: { ip: { not: null } },
      orderBy: { createdAt: 'desc' },
      take: 1,
      select: { ip: true },
    }),
  );
  expect(events.map((event) => event.ip)).toEqual(['127.0.0.1']);
  await context.close();
});

test('after sign-in only same-site paths are followed: tabs, backslashes, encoded and dot-slashes go to the newsroom', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/login?callbackUrl=${encodeURIComponent('/\\/evil.example')}`);
  await page.getByLabel('邮箱').fill(EDITOR.email);
  await page.getByLabel('密码').fill(EDITOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(`${baseURL}/newsroom`);
  for (const hostile of [
    '/\t/evil.example',
    '/\n/evil.example',
    '/.//evil.example',
    '/%2F/evil.example',
    '//evil.example',
    'https://evil.example/',
  ]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await expect(page, hostile).toHaveURL(`${baseURL}/newsroom`);
  }
  await context.close();
});

test('malformed percent-escapes in any dynamic route are a 404, never a 500', async ({ browser, request }) => {
  const bad = ['%ff', '%C0%AF', '%E6%9F'];
  const publicRoutes = (x: string) => [
    `/articles/${x}`,
    `/retracted/${x}`,
    `/issues/${x}`,
    `/issues/${x}/pages/1`,
    `/issues/1705/pages/${x}`,
    `/archive/${x}/1`,
    `/archive/2020/${x}`,
    `/sitemaps/${x}`,
    `/invite/${x}`,
    `/media/${x}/${x}/${x}`,
  ];
  const newsroomRoutes = (x: string) => [
    `/newsroom/articles/${x}`,
    `/newsroom/articles/${x}/history`,
    `/newsroom/articles/${x}/preview`,
    `/newsroom/issues/${x}`,
    `/newsroom/issues/${x}/preview/1`,
    `/newsroom/issues/1705/preview/${x}`,
  ];
  for (const x of bad) {
    for (const route of publicRoutes(x)) expect((await request.get(route)).status(), route).toBe(404);
  }
  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  for (const x of bad) {
    for (const route of newsroomRoutes(x)) expect((await editor.page.request.get(route)).status(), route).toBe(404);
  }
  await editor.context.close();
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const x of bad) expect((await admin.page.request.get(`/newsroom/admin/users/${x}`)).status()).toBe(404);
  await admin.context.close();
});

test('a server action posted from another site is refused with 403', async ({ request }) => {
  for (const target of ['/newsroom', '/login', '/newsroom/admin/users']) {
    const response = await request.post(target, {
      headers: {
        origin: 'https://evil.example',
        'next-action': '0'.repeat(42),
        'content-type': 'text/plain;charset=UTF-8',
      },
      data: '[]',
    });
    expect(response.status(), target).toBe(403);
    const text = await response.text();
    expect(text).toBe('拒绝来自其他网站的请求');
  }
});

test('account names lose bidi override characters', async ({ browser }) => {
  const admin = await signedInPage(browser, E2E_ADMIN.email, E2E_ADMIN.password);
  await createAccount(admin.page, { name: '记者二号\u202Egnp.exe', email: 'bidi-name@e2e.test', role: '记者' });
  await admin.page.goto('/newsroom/admin/users');
  await expect(admin.page.getByText('记者二号gnp.exe')).toBeVisible();
  expect(await admin.page.content()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  await admin.context.close();
});

test('import, export and backup from the command line work beside the running server', async ({ browser }) => {
  test.setTimeout(180_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-beside-server-'));
  // The server's own database (SQLite in its data directory, or PostgreSQL when the journeys run there).
  const env: NodeJS.ProcessEnv = { ...process.env, ...serverDatabaseEnv() };
  const loader = serveArgs({ port: 0 }).slice(0, 2);
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [...loader, path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });

  const exportFile = path.join(scratch, '1705.json');
  const exported = run('export.ts', '--issue', '1705', '--out', exportFile);
  expect(exported.status, exported.stderr).toBe(0);
  expect(exported.stderr.trim()).toMatch(/^已导出第1705期（\d+篇稿件）到 /);
  const json = JSON.parse(fs.readFileSync(exportFile, 'utf8')) as { issue: { number: number } };
  expect(json.issue.number).toBe(1705);

  json.issue.number = 1901;
  const importFile = path.join(scratch, '1901.json');
  fs.writeFileSync(importFile, JSON.stringify(json));
  const imported = run('import.ts', importFile);
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.stdout).toMatch(/已导入第1901期（草稿，未出版）/);
  expect(`${imported.stdout}${imported.stderr}`).not.toMatch(/Error|迁移失败|at .*\.js/);

  const backup = run('backup.ts', '--out', path.join(scratch, 'backup.tar.gz'));
  expect(backup.status, backup.stderr).toBe(0);
  expect(backup.stdout).toMatch(/^备份完成/);

  // The server, still running, sees the imported issue.
  const editor = await signedInPage(browser, EDITOR.email, EDITOR.password);
  expect((await editor.page.goto('/newsroom/issues/1901'))?.status()).toBe(200);
  await editor.context.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('an editor imports a 5 MB print export; an 11 MB file is refused before it is sent', async ({ browser }) => {
  test.setTimeout(180_000);
  const fixture = fs.readFileSync(path.join(ROOT, 'test/fixtures/imports/issue-1732.txt'), 'utf8');
  const paragraph = '\n　　柯城区坚持把共同富裕作为发展的出发点和落脚点，推动各项工作落地见效，群众获得感持续增强。\n';
  const big = (bytes: number) =>
    Buffer.from(
      fixture.replace('第 1732 期', '第 1902 期') +
        paragraph.repeat(Math.ceil((bytes - Buffer.byteLength(fixture)) / Buffer.byteLength(paragraph))),
    );
  const { page, context } = await signedInPage(browser, EDITOR.email, EDITOR.password);
  await page.goto('/newsroom/issues/import');
  const file = page.getByLabel(/印刷系统导出的纯文本文件/);

  await file.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: big(11 * 1024 * 1024) });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(formAlert(page)).toHaveText('文件过大（上限 10 MB）');

  const fiveMb = big(5 * 1024 * 1024);
  expect(fiveMb.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
  await file.setInputFiles({ name: 'five-mb.txt', mimeType: 'text/plain', buffer: fiveMb });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('region', { name: /预览：第1902期/ })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByRole('status')).toContainText('已导入第1902期（草稿，未出版）', { timeout: 120_000 });
  await context.close();
});
