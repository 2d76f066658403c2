// 版面 PDFs for the journeys, printed by Chromium with a real text layer, and their upload form value.
import { expect, type Browser, type Page } from '@playwright/test';

/** A PDF printed by Chromium: one page per list of stories, headline and text in three columns. */
export async function printedPdf(browser: Browser, pages: { headline: string; body: string }[][]): Promise<Buffer> {
  const maker = await browser.newPage();
  const html = pages
    .map(
      (stories) => `<div class="page">${stories.map((s) => `<h2>${s.headline}</h2><p>${s.body}</p>`).join('')}</div>`,
    )
    .join('');
  await maker.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body { margin: 0; font-family: 'Noto Serif CJK SC', serif }
    .page { height: 260mm; column-count: 3; column-gap: 7mm; break-after: page; overflow: hidden } .page:last-child { break-after: auto }
    h2 { font-size: 19pt; margin: 0 0 3mm } p { font-size: 10pt; line-height: 1.6; text-indent: 2em; margin: 0 }</style></head><body>${html}</body></html>`);
  const pdf = await maker.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
  await maker.close();
  return pdf;
}

/** What `setInputFiles` takes for a PDF held in memory. */
export const pdfFile = (name: string, buffer: Buffer | Uint8Array) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(buffer),
});

/**
 * Gives a published issue's page a 版面 image readers see, as an editor does: the page printed from
 * the stories readers find on it (so their areas are found), uploaded in the planner, rendered, and
 * published with 发布本版. Does nothing when readers already see an image there.
 */
export async function publishPageImage(editor: Page, issue: number, pageNumber: number): Promise<void> {
  const reader = await editor.context().browser()!.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`/issues/${issue}/pages/${pageNumber}`);
  const shown = (await readerPage.getByTestId('page-scan').count()) > 0;
  const stories = await readerPage.locator('main article').evaluateAll((articles) =>
    articles.map((article) => ({
      headline: article.querySelector('h3')?.textContent ?? '',
      body: [...article.querySelectorAll('p')].map((p) => p.textContent ?? '').join(''),
    })),
  );
  await reader.close();
  if (shown) return;
  const pdf = await printedPdf(editor.context().browser()!, [stories]);
  await editor.goto(`/newsroom/issues/${issue}`);
  const panel = editor.getByTestId('epaper-panel');
  await panel.getByTestId(`epaper-file-${pageNumber}`).setInputFiles(pdfFile(`page-${pageNumber}.pdf`, pdf));
  await expect(panel.getByTestId('epaper-message')).toContainText(`第${pageNumber}版 PDF 已上传`, { timeout: 30_000 });
  const row = panel.getByTestId(`epaper-page-${pageNumber}`);
  await expect(row.getByTestId('epaper-status')).toHaveText('版面图片已生成', { timeout: 60_000 });
  await row.getByRole('button', { name: '发布本版' }).click();
  await expect(row.getByText(/发布本版后更新/)).toHaveCount(0, { timeout: 30_000 });
}
