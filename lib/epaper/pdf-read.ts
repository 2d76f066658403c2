// Opens a page PDF with pdfjs-dist: its page count, each page's size, text pieces and ruling lines
// (the page analysis's, lib/page-layout, for finding story areas). An encrypted or
// damaged file gets the importer's Chinese sentences (one wording for the same problem everywhere).
import { graphicsOf, type Rule } from '../page-layout/page-graphics';
import { DAMAGED_PDF, ENCRYPTED_PDF } from '../text/pdf';
import type { PageBox, TextPiece } from './match-areas';

export type PdfPageText = PageBox & { pieces: TextPiece[]; rules: Rule[] };
export type PdfRead = { ok: true; pages: PdfPageText[] } | { ok: false; error: string };

type TextItem = { str?: string; transform: number[]; width: number };

/** `onlyPage`: read the text of that page only (0: of none, for the page count and sizes). */
export async function readPdf(bytes: Uint8Array, onlyPage?: number): Promise<PdfRead> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    return {
      ok: false,
      error: (error as { name?: string }).name === 'PasswordException' ? ENCRYPTED_PDF : DAMAGED_PDF,
    };
  }
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      let pieces: TextPiece[] = [];
      let rules: Rule[] = [];
      if (onlyPage === undefined || onlyPage === number) {
        const content = await page.getTextContent();
        pieces = (content.items as TextItem[])
          .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
          .map((item) => ({
            text: item.str!,
            x: item.transform[4]! - x0,
            y: item.transform[5]! - y0,
            width: item.width,
            size: Math.hypot(item.transform[2]!, item.transform[3]!),
          }));
        const operators = await page.getOperatorList();
        rules = graphicsOf(operators.fnArray, operators.argsArray, OPS).rules.map((rule) => ({
          x0: rule.x0 - x0,
          y0: rule.y0 - y0,
          x1: rule.x1 - x0,
          y1: rule.y1 - y0,
        }));
      }
      pages.push({ width: x1 - x0, height: y1 - y0, pieces, rules });
    }
    return { ok: true, pages };
  } catch {
    return { ok: false, error: DAMAGED_PDF };
  } finally {
    await pdf.destroy();
  }
}
