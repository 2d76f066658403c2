// The imported PDF's pages as the report shows them: each page's image (pdftoppm, as the 版面 render
// job makes them, drawn at the report's width and sent as a WebP data URL with the report: nothing is
// stored before confirm) and its paragraphs' rectangles, for the story areas and the unsure regions
// (unsure-regions.ts). A page pdftoppm cannot draw gets no image and the report says why. Drawn at
// 700 px directly, not at twice that and scaled down: 8 pages took 5.3 s instead of 7.5 s here
// (load 11 on two cores), and a column's lines stay readable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

import { rasterisePage, RenderError } from '../epaper/render';
import { rectsOf, type PdfPageLayout } from './pdf-layout';
import type { ReportPage } from './unsure-regions';

/** Wide enough to see a column's lines on the report page; a page is about 40 KB at this width. */
export const REPORT_PAGE_WIDTH = 700;

export async function reportPages(
  bytes: Uint8Array,
  layout: readonly PdfPageLayout[],
): Promise<{ pages: ReportPage[]; error: string | null }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pages-'));
  let error: string | null = null;
  try {
    const file = path.join(scratch, 'import.pdf');
    fs.writeFileSync(file, bytes);
    const pages: ReportPage[] = [];
    for (const page of layout) {
      let image: string | null = null;
      if (!error)
        try {
          const png = await rasterisePage(file, page.number, REPORT_PAGE_WIDTH);
          const webp = await sharp(png).webp({ quality: 60 }).toBuffer();
          image = `data:image/webp;base64,${webp.toString('base64')}`;
        } catch (cause) {
          error = cause instanceof RenderError ? cause.message : '无法生成版面图片';
        }
      pages.push({
        number: page.number,
        image,
        paragraphs: page.paragraphs.map((paragraph) => ({
          line: paragraph.line,
          text: paragraph.text,
          rects: rectsOf(paragraph.boxes, page.view),
        })),
      });
    }
    return { pages, error };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
