// Opening a PDF with pdf.js and reading a page as the page analysis needs it: its media box, its text
// pieces (string, position, size, font weight; Kangxi radicals folded) and what it draws (rules, images). Shared by
// the print importer (lib/importer/pdf-text.ts) and the 版面 page reader (lib/epaper/pdf-read.ts), so
// both read a page alike. An encrypted or damaged file gets the one Chinese sentence for it.
import { DAMAGED_PDF, ENCRYPTED_PDF, foldRadicals } from '../text/pdf';
import { fontWeight, NORMAL_WEIGHT } from './font-weight';
import { graphicsOf, type Box, type PageGraphics } from './page-graphics';
import type { Piece } from './pdf-segments';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type Document = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<Document['getPage']>>;
type TextItem = { str?: string; transform: number[]; width: number; fontName?: string };
/** What pdf.js keeps of a loaded font (FontFaceObject), as far as its weight goes. */
type LoadedFont = { name?: unknown; bold?: unknown; black?: unknown };

/** A page as read: `view` its media box in points; pieces and graphics in the PDF's own coordinates. */
export type ReadPage = { view: Box; pieces: Piece[]; graphics: PageGraphics };

/**
 * Calls `each` with every page of the PDF in turn (and destroys the document after), or says why the
 * file cannot be opened. `images`: have pdf.js hand images over as raw pixels (no OffscreenCanvas on
 * Node), for the photos. An error thrown inside `each` counts as a damaged file.
 */
export async function eachPdfPage(
  bytes: Uint8Array,
  options: { images: boolean },
  each: (page: PdfPage, number: number, pages: number) => Promise<void>,
): Promise<{ ok: true; pages: number } | { ok: false; error: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: Document;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      ...(options.images ? { isOffscreenCanvasSupported: false } : {}),
      verbosity: 0,
    }).promise;
  } catch (error) {
    return {
      ok: false,
      error: (error as { name?: string }).name === 'PasswordException' ? ENCRYPTED_PDF : DAMAGED_PDF,
    };
  }
  try {
    for (let number = 1; number <= pdf.numPages; number += 1)
      await each(await pdf.getPage(number), number, pdf.numPages);
    return { ok: true, pages: pdf.numPages };
  } catch {
    return { ok: false, error: DAMAGED_PDF };
  } finally {
    await pdf.destroy();
  }
}

export function pageView(page: PdfPage): Box {
  const [left, bottom, right, top] = page.view as [number, number, number, number];
  return { left, bottom, right, top };
}

/** A page's text pieces and graphics, as the page analysis takes them. */
export async function readPage(page: PdfPage): Promise<ReadPage> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const content = await page.getTextContent();
  // The fonts are the page's common objects once its operator list is read.
  const operators = await page.getOperatorList();
  const weights = new Map<string, number>();
  const weightOf = (fontName: string | undefined): number => {
    if (!fontName) return NORMAL_WEIGHT;
    let weight = weights.get(fontName);
    if (weight === undefined) {
      const font = (page.commonObjs.has(fontName) ? page.commonObjs.get(fontName) : null) as LoadedFont | null;
      weight = fontWeight(typeof font?.name === 'string' ? font.name : '', {
        bold: font?.bold === true,
        black: font?.black === true,
      });
      weights.set(fontName, weight);
    }
    return weight;
  };
  const pieces: Piece[] = (content.items as TextItem[])
    .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
    .map((item) => ({
      text: foldRadicals(item.str!),
      x: item.transform[4]!,
      y: item.transform[5]!,
      width: item.width,
      size: Math.hypot(item.transform[2]!, item.transform[3]!),
      weight: weightOf(item.fontName),
    }));
  return { view: pageView(page), pieces, graphics: graphicsOf(operators.fnArray, operators.argsArray, OPS) };
}
