// 版面 (e-paper): an editor attaches the printed PDF of a new issue (made here by Chromium
// from the placed stories' headlines and text, with a real text layer), sees the story areas found,
// moves one from the keyboard, replaces a page with a scan and draws its area, publishes, and a reader
// clicks a story on the page image and lands on the story. Bad files each get a Chinese message.
// Then the editor replaces page 1's PDF and publishes the page: the old PDF and its images leave
// MEDIA_DIR, and readers see the new page.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

import { damagedPdf, encryptedPdf } from '../test/support/pdf-samples';
import { submitArticle, writeArticle } from './support/article';
import { provisionAccount, signedInPage } from './support/auth';
import { serverDatabaseEnv } from './support/database';
import { pdfFile, printedPdf } from './support/epaper';

const REPORTER = { name: '方晓燕', email: 'fangxiaoyan@e2e.test', role: '记者', password: 'Nayoaixgnaf-pass-1' };
const EDITOR_A = { name: '叶建华', email: 'yejianhua@e2e.test', role: '编辑', password: 'Auhnaijey-pass-12' };
const EDITOR_B = { name: '毛丽君', email: 'maolijun@e2e.test', role: '编辑', password: 'Nujiloam-pass-123' };
const CHIEF = { name: '姜志远', email: 'jiangzhiyuan@e2e.test', role: '总编', password: 'Nauyihzgnaij-pass' };

const ARTICLES = [
  {
    headline: '衢江沿岸绿道全线贯通',
    body: '经过一年建设，衢江沿岸绿道日前全线贯通，全长二十六公里，串起沿江八个村庄和三处湿地公园，市民可以骑行或步行游览。',
  },
  {
    headline: '柯城中小学午餐全面升级',
    body: '本学期起，全区中小学食堂推行营养配餐，每周公布菜单，家长可以在线评价，学校根据反馈调整菜品。',
  },
];

test.describe.configure({ mode: 'serial' });
/** Reading a PDF on the server takes seconds on a busy two-core machine. */
const SLOW = { timeout: 30_000 };
test.setTimeout(600_000);

/** The issue the first journey publishes (the journeys run in order). */
let publishedIssue = '';

test.beforeAll(async ({ browser }) => {
  for (const account of [REPORTER, EDITOR_A, EDITOR_B, CHIEF]) await provisionAccount(browser, account);
});

/** 初审 and 复审 from the dashboard's review queue, as reviewers do; 签发 on the story itself. */
async function approveFromQueue(page: Page, headline: string, level: string): Promise<void> {
  await page.goto('/newsroom');
  const row = page.getByTestId('queue-row').filter({ hasText: headline });
  await row.getByRole('button', { name: `${level}通过` }).click();
  await expect(row).toHaveCount(0);
}

async function signOff(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '终审（签发）通过' }).click();
  await expect(page.getByTestId('workflow-status')).toHaveText('状态：已签发');
}

async function scanPdf(browser: Browser): Promise<Buffer> {
  const maker = await browser.newPage();
  await maker.setContent('<div style="width:160mm;height:230mm;background:#777"></div>');
  const pdf = await maker.pdf({ format: 'A4', printBackground: true });
  await maker.close();
  return pdf;
}

test('an editor attaches the issue PDF, corrects the areas, publishes, and a reader taps a story on the page', async ({
  browser,
}) => {
  const reporter = await signedInPage(browser, REPORTER.email, REPORTER.password);
  const urls: string[] = [];
  for (const story of ARTICLES) {
    urls.push(await writeArticle(reporter.page, story.headline, story.body));
    await submitArticle(reporter.page);
  }
  const editorA = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  const editorB = await signedInPage(browser, EDITOR_B.email, EDITOR_B.password);
  const chief = await signedInPage(browser, CHIEF.email, CHIEF.password);
  for (const [index, url] of urls.entries()) {
    await approveFromQueue(editorA.page, ARTICLES[index]!.headline, '初审');
    await approveFromQueue(editorB.page, ARTICLES[index]!.headline, '复审');
    await signOff(chief.page, url);
  }

  // A two-page issue with one story on each page.
  const planner = editorA.page;
  await planner.goto('/newsroom/issues');
  const number = await planner.getByLabel('期号').inputValue();
  publishedIssue = number;
  await planner.getByLabel('版数').fill('2');
  await planner.getByRole('button', { name: '新建一期' }).click();
  await expect(planner).toHaveURL(new RegExp(`/newsroom/issues/${number}$`));
  for (const [index, story] of ARTICLES.entries()) {
    await planner.getByLabel(`把《${story.headline}》排到`).selectOption({ index: index + 1 });
    await expect(planner.getByTestId(`page-${index + 1}`).getByTestId('board-story')).toContainText(story.headline);
  }

  const panel = planner.getByTestId('epaper-panel');
  const message = panel.getByTestId('epaper-message');
  const issueFile = panel.getByTestId('epaper-issue-file');
  // Bad files: each refused with its reason, nothing attached.
  await issueFile.setInputFiles(pdfFile('one-page.pdf', await printedPdf(browser, [ARTICLES])));
  await expect(message).toHaveText('这个 PDF 只有 1 页，本期有 2 个版面：整期 PDF 须每版一页，或按版分别上传', SLOW);
  await issueFile.setInputFiles(
    pdfFile('three-pages.pdf', await printedPdf(browser, [[ARTICLES[0]!], [ARTICLES[1]!], [ARTICLES[0]!]])),
  );
  await expect(message).toHaveText('这个 PDF 有 3 页，本期只有 2 个版面：请上传本期的 PDF，或先调整版数', SLOW);
  await issueFile.setInputFiles(pdfFile('locked.pdf', encryptedPdf()));
  await expect(message).toHaveText('这个 PDF 有密码保护，无法读取，请导出不加密的 PDF 或纯文本', SLOW);
  const good = await printedPdf(browser, [[ARTICLES[0]!], [ARTICLES[1]!]]);
  await issueFile.setInputFiles(pdfFile('cut-off.pdf', damagedPdf(good)));
  await expect(message).toHaveText('这个 PDF 已损坏或不完整，无法读取，请重新导出', SLOW);
  await issueFile.setInputFiles(pdfFile('photo.pdf', Buffer.from('\xff\xd8\xff\xe0 not a pdf at all', 'latin1')));
  await expect(message).toContainText('这不是 PDF 文件', SLOW);
  await expect(panel.getByTestId('epaper-status').first()).toHaveText('没有 PDF（读者看到稿件列表）');

  // The real PDF: both pages rendered in the background, each story's area found.
  await issueFile.setInputFiles(pdfFile(`issue-${number}.pdf`, good));
  await expect(message).toContainText('整期 PDF（2 页）已上传', SLOW);
  for (const pageNumber of [1, 2]) {
    const row = panel.getByTestId(`epaper-page-${pageNumber}`);
    await expect(row.getByTestId('epaper-status')).toHaveText('版面图片已生成', { timeout: 60_000 });
    await expect(row.getByTestId('epaper-found')).toHaveText('已找到 1/1 篇稿件的区域');
  }

  // Page 1: the found area over the image; moved to the right from the keyboard and saved.
  await panel.getByTestId('epaper-page-1').getByRole('link', { name: '校正稿件区域' }).click();
  const area = planner.getByRole('button', { name: new RegExp(`《${ARTICLES[0]!.headline}》区域 1`) });
  await expect(area).toBeVisible();
  const before = (await area.boundingBox())!;
  await area.focus();
  for (let step = 0; step < 6; step += 1) await planner.keyboard.press('ArrowRight');
  const after = (await area.boundingBox())!;
  expect(after.x).toBeGreaterThan(before.x + 5);
  await planner.getByRole('button', { name: '保存区域' }).click();
  await expect(planner.getByTestId('area-message')).toHaveText('稿件区域已保存', SLOW);
  await planner.reload();
  expect(
    (await planner.getByRole('button', { name: new RegExp(`《${ARTICLES[0]!.headline}》区域 1`) }).boundingBox())!.x,
  ).toBeCloseTo(after.x, 0);

  // Page 2 replaced by a scan: no text layer, so the editor draws the story's area.
  await planner.goto(`/newsroom/issues/${number}`);
  await panel.getByTestId('epaper-file-2').setInputFiles(pdfFile('scan.pdf', await scanPdf(browser)));
  await expect(message).toContainText('第2版 PDF 已上传', SLOW);
  const row2 = panel.getByTestId('epaper-page-2');
  // The old scan of page 2 was ready too: wait for the new one, which finds no area for the story.
  await expect(row2.getByTestId('epaper-unmatched')).toContainText(ARTICLES[1]!.headline, { timeout: 60_000 });
  await expect(row2.getByTestId('epaper-status')).toHaveText('版面图片已生成');
  await expect(row2.getByTestId('epaper-no-text')).toContainText(
    '没有文字层（可能是扫描件），无法自动找到稿件区域：请在版面图上为每篇稿件画出区域',
  );
  await row2.getByRole('link', { name: '校正稿件区域' }).click();
  await expect(planner.getByTestId('unmatched')).toContainText(ARTICLES[1]!.headline);
  await planner.getByTestId('draw-for').selectOption({ label: ARTICLES[1]!.headline });
  const frame = (await planner.getByTestId('area-frame').boundingBox())!;
  await planner.mouse.move(frame.x + frame.width * 0.2, frame.y + frame.height * 0.2);
  await planner.mouse.down();
  await planner.mouse.move(frame.x + frame.width * 0.5, frame.y + frame.height * 0.4, { steps: 5 });
  await planner.mouse.up();
  await expect(planner.getByRole('button', { name: new RegExp(`《${ARTICLES[1]!.headline}》区域 1`) })).toBeVisible();
  await planner.getByRole('button', { name: '保存区域' }).click();
  await expect(planner.getByTestId('area-message')).toHaveText('稿件区域已保存', SLOW);
  await expect(planner.getByTestId('unmatched')).toHaveCount(0);

  // Not for readers before the issue is out.
  const readers = await browser.newContext();
  const reader = await readers.newPage();
  expect((await reader.goto(`/issues/${number}/pages/1`))?.status()).toBe(404);

  await planner.goto(`/newsroom/issues/${number}`);
  await planner.getByRole('button', { name: '发布本期' }).click();
  await expect(planner.getByTestId('issue-label')).toContainText('已发布');

  // The reader: page image, thumbnails of both pages, story areas as links in reading order.
  await reader.goto(`/issues/${number}/pages/1`);
  await expect(reader.getByTestId('page-scan').getByRole('img')).toBeVisible();
  await expect(reader.getByRole('navigation', { name: '本期版面缩略图' }).getByRole('link')).toHaveCount(2);
  const articleArea = reader
    .getByTestId('page-scan')
    .getByRole('link', { name: ARTICLES[0]!.headline, exact: true })
    .first();
  await articleArea.hover();
  await articleArea.click();
  await expect(reader.getByRole('heading', { level: 1, name: ARTICLES[0]!.headline })).toBeVisible();
  await reader.goto(`/issues/${number}/pages/2`);
  await expect(reader.getByTestId('story-area')).toHaveCount(1);
  await expect(reader.getByTestId('story-area')).toHaveAccessibleName(ARTICLES[1]!.headline);

  for (const context of [reporter.context, editorA.context, editorB.context, chief.context, readers])
    await context.close();
});

test('an editor replaces a published page’s PDF: the old PDF and its images leave MEDIA_DIR, readers see the new page', async ({
  browser,
}) => {
  expect(publishedIssue, 'the first journey publishes the issue').not.toBe('');
  const mediaDir = path.join(serverDatabaseEnv().DATA_DIR, 'media');
  // The directory of a page image URL (/media/epaper/<2 hex>/<32 hex>/p1-1200.webp) under MEDIA_DIR.
  const dirOf = (src: string) => path.join(mediaDir, ...new URL(src, 'http://x').pathname.split('/').slice(2, 5));
  const readers = await browser.newContext();
  const reader = await readers.newPage();
  await reader.goto(`/issues/${publishedIssue}/pages/1`);
  const oldSrc = (await reader.getByTestId('page-scan').getByRole('img').getAttribute('src'))!;
  const oldDir = dirOf(oldSrc);
  // Page 1 shows the whole-issue PDF; page 2 was replaced by a scan, so page 1 is the last to show it.
  expect(fs.readdirSync(oldDir)).toEqual(
    expect.arrayContaining(['original.pdf', 'p1-1200.webp', 'p1-240.webp', 'p1-2400.webp', 'p1-800.webp']),
  );

  const { page: planner, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await planner.goto(`/newsroom/issues/${publishedIssue}`);
  const panel = planner.getByTestId('epaper-panel');
  const row1 = panel.getByTestId('epaper-page-1');
  const corrected = {
    headline: ARTICLES[0]!.headline,
    body: `${ARTICLES[0]!.body}（本版已更正：绿道全长二十六点五公里。）`,
  };
  await panel
    .getByTestId('epaper-file-1')
    .setInputFiles(pdfFile('page-1-corrected.pdf', await printedPdf(browser, [[corrected]])));
  await expect(panel.getByTestId('epaper-message')).toContainText('第1版 PDF 已上传', SLOW);
  await expect(row1.getByText('读者仍看到上次发布的版面图，发布本版后更新。')).toBeVisible();
  await expect(row1.getByTestId('epaper-found')).toHaveText('已找到 1/1 篇稿件的区域', { timeout: 60_000 });
  await expect(row1.getByTestId('epaper-status')).toHaveText('版面图片已生成');
  // Readers still see the published page: its files stay until the new one is published.
  expect(fs.existsSync(path.join(oldDir, 'original.pdf'))).toBe(true);

  await row1.getByRole('button', { name: '发布本版' }).click();
  await expect(row1.getByText('读者仍看到上次发布的版面图，发布本版后更新。')).toHaveCount(0, SLOW);
  // No row shows the old PDF any more: its directory is gone from MEDIA_DIR.
  expect(fs.existsSync(oldDir)).toBe(false);
  expect((await reader.request.get(oldSrc)).status()).toBe(404);

  // The reader's page view shows the new page, its image served, the story still a link on it.
  await reader.goto(`/issues/${publishedIssue}/pages/1`);
  const image = reader.getByTestId('page-scan').getByRole('img');
  const newSrc = (await image.getAttribute('src'))!;
  expect(newSrc).not.toBe(oldSrc);
  expect(fs.existsSync(path.join(dirOf(newSrc), 'original.pdf'))).toBe(true);
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(
    reader.getByTestId('page-scan').getByRole('link', { name: ARTICLES[0]!.headline, exact: true }).first(),
  ).toBeVisible();
  await context.close();
  await readers.close();
});

test('the PDF just imported on the import page becomes the new issue’s 版面 PDF with one button', async ({
  browser,
}) => {
  const maker = await browser.newPage();
  await maker.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body { font-family: 'Noto Serif CJK SC', serif; font-size: 11pt }
    h1 { font-size: 20pt } p { text-indent: 2em; margin: 0 0 2mm }</style></head><body>
    <p>2024年5月20日 星期一 第 1971 期</p><p>第1版：要闻</p><h1>柯城启动老旧小区加装电梯</h1>
    <p>本报讯（记者 叶青）今年全区计划为四十个老旧小区加装电梯，居民可向所在街道提出申请，符合条件的给予补助。</p></body></html>`);
  const pdf = await maker.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await maker.close();

  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await page.goto('/newsroom/issues/import');
  await page.getByLabel(/印刷系统导出的纯文本文件/).setInputFiles(pdfFile('issue-1971.pdf', pdf));
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导入第1971期' })).toBeVisible();
  const attach = page.getByTestId('attach-imported-pdf');
  await attach.getByRole('button', { name: '作为本期版面 PDF 上传' }).click();
  await expect(attach.getByRole('status')).toContainText('整期 PDF（1 页）已上传', SLOW);
  await attach.getByRole('link', { name: '去版面规划查看' }).click();
  await expect(page.getByTestId('epaper-page-1').getByTestId('epaper-status')).toHaveText('版面图片已生成', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('epaper-page-1').getByTestId('epaper-found')).toHaveText('已找到 1/1 篇稿件的区域');
  await context.close();
});

test('a one-page PDF imported as 第3版 attaches as that page, the 版 the editor chooses', async ({ browser }) => {
  const maker = await browser.newPage();
  await maker.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body { font-family: 'Noto Serif CJK SC', serif; font-size: 11pt }
    h1 { font-size: 20pt } p { text-indent: 2em; margin: 0 0 2mm }</style></head><body>
    <p>2024年5月27日 星期一 第 1972 期</p><p>第3版：综合</p><h1>航埠镇柑橘种植大户增收</h1>
    <p>本报讯（记者 叶青）今年航埠镇引进柑橘深加工企业，种植大户和农户的鲜果收购价比去年提高两成，全镇柑橘产业产值预计突破三亿元。</p></body></html>`);
  const pdf = await maker.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await maker.close();

  const { page, context } = await signedInPage(browser, EDITOR_A.email, EDITOR_A.password);
  await page.goto('/newsroom/issues/import');
  await page.getByLabel(/印刷系统导出的纯文本文件/).setInputFiles(pdfFile('issue-1972-page-3.pdf', pdf));
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导入第1972期' })).toBeVisible();
  const attach = page.getByTestId('attach-imported-pdf');
  // Offered as the page its story is on; the editor may choose another.
  await expect(attach.getByLabel('版次')).toHaveValue('3');
  await attach.getByLabel('版次').selectOption('2');
  await attach.getByLabel('版次').selectOption('3');
  await attach.getByRole('button', { name: '作为第3版的版面 PDF 上传' }).click();
  await expect(attach.getByRole('status')).toContainText('已上传', SLOW);
  await attach.getByRole('link', { name: '去版面规划查看' }).click();
  await expect(page.getByTestId('epaper-page-3').getByTestId('epaper-status')).toHaveText('版面图片已生成', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('epaper-page-3').getByTestId('epaper-found')).toHaveText('已找到 1/1 篇稿件的区域');
  await context.close();
});
