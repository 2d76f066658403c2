// Opens a page PDF (lib/page-layout/pdf-pages.ts, as the importer does): its page count, each page's
// size, text pieces and ruling lines (the page analysis's, for finding story areas), in points from
// the page's bottom left corner. An encrypted or damaged file gets the importer's Chinese sentences
// (one wording for the same problem everywhere).
import type { Rule } from '../page-layout/page-graphics';
import { eachPdfPage, pageView, readPage } from '../page-layout/pdf-pages';
import type { PageBox, TextPiece } from './match-areas';

export type PdfPageText = PageBox & { pieces: TextPiece[]; rules: Rule[] };
export type PdfRead = { ok: true; pages: PdfPageText[] } | { ok: false; error: string };

/** `onlyPage`: read the text of that page only (0: of none, for the page count and sizes). */
export async function readPdf(bytes: Uint8Array, onlyPage?: number): Promise<PdfRead> {
  const pages: PdfPageText[] = [];
  const read = await eachPdfPage(bytes, { images: false }, async (page, number) => {
    const view = pageView(page);
    const size = { width: view.right - view.left, height: view.top - view.bottom };
    if (onlyPage !== undefined && onlyPage !== number) {
      pages.push({ ...size, pieces: [], rules: [] });
      return;
    }
    const { pieces, graphics } = await readPage(page);
    pages.push({
      ...size,
      pieces: pieces.map((piece) => ({ ...piece, x: piece.x - view.left, y: piece.y - view.bottom })),
      rules: graphics.rules.map((rule) => ({
        x0: rule.x0 - view.left,
        y0: rule.y0 - view.bottom,
        x1: rule.x1 - view.left,
        y1: rule.y1 - view.bottom,
      })),
    });
  });
  return read.ok ? { ok: true, pages } : read;
}
