// One PDF page → WebP images at IMAGE_WIDTHS. poppler's pdftoppm rasterises the page once, at the
// largest width, to PNG; sharp scales that down and encodes WebP. Files are written under a temporary
// name and renamed, so a reader never gets half an image.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

import { IMAGE_WIDTHS, imageName } from './files';

const run = promisify(execFile);

export const PDFTOPPM_MISSING =
  '服务器没有安装 pdftoppm，无法生成版面图片：请管理员安装 poppler-utils（Debian：apt-get install -y poppler-utils）';
export const RENDER_FAILED = '无法把这一页 PDF 转成图片（文件可能已损坏）';
export const RENDER_TIMEOUT_MS = 120_000;

export class RenderError extends Error {}

/** Rasterises one page of a PDF to PNG bytes, `width` pixels wide. */
export async function rasterisePage(pdfFile: string, pdfPage: number, width: number): Promise<Buffer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-'));
  try {
    const out = path.join(scratch, 'page');
    try {
      await run(
        'pdftoppm',
        [
          '-png',
          '-singlefile',
          '-f',
          String(pdfPage),
          '-l',
          String(pdfPage),
          '-scale-to-x',
          String(width),
          '-scale-to-y',
          '-1',
          pdfFile,
          out,
        ],
        { timeout: RENDER_TIMEOUT_MS },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RenderError(PDFTOPPM_MISSING);
      throw new RenderError(RENDER_FAILED);
    }
    return fs.readFileSync(`${out}.png`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export type Rendered = { width: number; height: number };

/**
 * Writes p<page>-<width>.webp for every width into `dir`, the directory holding the PDF (skipped when they are there already: the
 * same PDF page always gives the same images). `onStep` reports progress from 0 to 100.
 */
export async function renderPageImages(
  pdfFile: string,
  pdfPage: number,
  dir: string,
  onStep: (percent: number) => Promise<void> = async () => {},
): Promise<Rendered> {
  const largest = IMAGE_WIDTHS.at(-1)!;
  const existing = path.join(dir, imageName(pdfPage, largest));
  if (IMAGE_WIDTHS.every((width) => fs.existsSync(path.join(dir, imageName(pdfPage, width))))) {
    const meta = await sharp(existing).metadata();
    return { width: meta.width ?? largest, height: meta.height ?? 0 };
  }
  await onStep(10);
  const png = await rasterisePage(pdfFile, pdfPage, largest);
  await onStep(50);
  const meta = await sharp(png).metadata();
  // `dir` is the PDF's own directory: not created here, so a render of a PDF deleted meanwhile fails
  // instead of bringing the directory back (cleanup.ts).
  for (const [index, width] of [...IMAGE_WIDTHS].reverse().entries()) {
    const target = path.join(dir, imageName(pdfPage, width));
    const temporary = `${target}.${randomUUID()}.tmp`;
    await sharp(png)
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: width === 240 ? 70 : 78 })
      .toFile(temporary);
    fs.renameSync(temporary, target);
    await onStep(50 + Math.round(((index + 1) / IMAGE_WIDTHS.length) * 45));
  }
  return { width: meta.width ?? largest, height: meta.height ?? 0 };
}
