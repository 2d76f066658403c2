// Where a page PDF and its images live: MEDIA_DIR/epaper/<2 hex>/<32 hex>/ named by the PDF's
// SHA-256, holding original.pdf and p<page>-<width>.webp for each page of it. A name never changes
// its content, so readers' browsers and the front keep the images for a year; a replaced PDF has
// another directory, and the images readers see stay until the new ones are published.
import fs from 'node:fs';
import path from 'node:path';

/** Widths of the page images: the thumbnail strip, a phone (about 400 CSS px at 2× density), desktop, and zoomed in. */
export const IMAGE_WIDTHS = [240, 800, 1200, 2400] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export function epaperDir(mediaDir: string, sha256: string): string {
  return path.join(mediaDir, 'epaper', sha256.slice(0, 2), sha256.slice(2, 34));
}

export function pdfPath(mediaDir: string, sha256: string): string {
  return path.join(epaperDir(mediaDir, sha256), 'original.pdf');
}

export function imageName(pdfPage: number, width: ImageWidth): string {
  return `p${pdfPage}-${width}.webp`;
}

export function imageUrl(sha256: string, pdfPage: number, width: ImageWidth): string {
  return `/media/epaper/${sha256.slice(0, 2)}/${sha256.slice(2, 34)}/${imageName(pdfPage, width)}`;
}

/** The image behind /media/epaper/… path segments, or null when the path is not one of ours (pure). */
export function parseImagePath(
  segments: readonly string[],
): { prefix: string; rest: string; pdfPage: number; width: ImageWidth } | null {
  if (segments.length !== 3) return null;
  const [prefix, rest, name] = segments as [string, string, string];
  const match = /^p([1-9][0-9]{0,2})-(240|800|1200|2400)\.webp$/.exec(name);
  if (!/^[0-9a-f]{2}$/.test(prefix) || !/^[0-9a-f]{32}$/.test(rest) || !match) return null;
  return { prefix, rest, pdfPage: Number(match[1]), width: Number(match[2]) as ImageWidth };
}

export function imageFile(mediaDir: string, segments: readonly string[]): string | null {
  const parsed = parseImagePath(segments);
  if (!parsed) return null;
  const file = path.join(mediaDir, 'epaper', parsed.prefix, parsed.rest, imageName(parsed.pdfPage, parsed.width));
  return fs.existsSync(file) ? file : null;
}
