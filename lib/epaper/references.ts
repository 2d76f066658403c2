// Which e-paper files under MEDIA_DIR/epaper/ rows still reference (pure). A PDF's directory is named
// by the first 34 hex digits of its SHA-256 (files.ts): original.pdf is referenced while any scan row
// (draft or live, any page, any issue) names that PDF; p<N>-<width>.webp while a row shows page N of
// it. The services ask this after their transaction commits, the render job after it wrote images,
// and `npm run media:prune` for the whole directory; story images (MEDIA_DIR/<2 hex>/…) are never
// e-paper files, so nothing here can name one.
import { IMAGE_WIDTHS, type ImageWidth } from './files';

/** A page of a PDF as a scan row shows it. */
export type PageRef = { sha256: string; pdfPage: number };

export type EpaperFile =
  | { kind: 'pdf'; dir: string }
  | { kind: 'image'; dir: string; pdfPage: number; width: ImageWidth }
  /**
   * What a stopped process left: a directory renamed for deletion (cleanup.ts) or a file still under
   * its temporary name (render.ts, service.ts). Never referenced; prune.ts takes only old ones.
   */
  | { kind: 'leftover'; path: string };

/** The directory key of a PDF: `<2 hex>/<32 hex>`, as under MEDIA_DIR/epaper/. */
export function dirKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 34)}`;
}

/** The files of a displaced page: its PDF and that page's images. */
export function filesOf(ref: PageRef): EpaperFile[] {
  const dir = dirKey(ref.sha256);
  return [
    { kind: 'pdf', dir },
    ...IMAGE_WIDTHS.map((width) => ({ kind: 'image' as const, dir, pdfPage: ref.pdfPage, width })),
  ];
}

/** Which of these files no row references any more (the ones that may be deleted). */
export function unreferencedFiles(files: readonly EpaperFile[], references: readonly PageRef[]): EpaperFile[] {
  const pdfs = new Set(references.map((ref) => dirKey(ref.sha256)));
  const pages = new Set(references.map((ref) => `${dirKey(ref.sha256)}#${ref.pdfPage}`));
  return files.filter((file) => {
    if (file.kind === 'leftover') return true;
    if (file.kind === 'pdf') return !pdfs.has(file.dir);
    return !pages.has(`${file.dir}#${file.pdfPage}`);
  });
}

const OURS = /^([0-9a-f]{2}\/[0-9a-f]{32})\/(?:original\.pdf|p([1-9][0-9]{0,2})-(240|800|1200|2400)\.webp)$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TRASH = new RegExp(`^([0-9a-f]{2}/\\.[0-9a-f]{32}\\.deleting-${UUID})(?:/.*)?$`);
const TEMPORARY = new RegExp(
  `^[0-9a-f]{2}/[0-9a-f]{32}/(?:original\\.pdf|p[1-9][0-9]{0,2}-(?:240|800|1200|2400)\\.webp)\\.${UUID}\\.tmp$`,
);

/**
 * What a path relative to MEDIA_DIR/epaper/ is, or null for anything this app did not name (a file
 * someone put there, another width): those are never deleted.
 */
export function parseEpaperPath(relative: string): EpaperFile | null {
  const trash = TRASH.exec(relative);
  if (trash) return { kind: 'leftover', path: trash[1]! };
  if (TEMPORARY.test(relative)) return { kind: 'leftover', path: relative };
  const match = OURS.exec(relative);
  if (!match) return null;
  if (!match[2]) return { kind: 'pdf', dir: match[1]! };
  return { kind: 'image', dir: match[1]!, pdfPage: Number(match[2]), width: Number(match[3]) as ImageWidth };
}

/** The path of a file relative to MEDIA_DIR/epaper/ (a directory left half-deleted: the directory). */
export function epaperRelativePath(file: EpaperFile): string {
  if (file.kind === 'pdf') return `${file.dir}/original.pdf`;
  if (file.kind === 'image') return `${file.dir}/p${file.pdfPage}-${file.width}.webp`;
  return file.path;
}
