// A PDF as the print system exports it (with a text layer) → plain text in reading order, for the
// same parser as a text export. pdfjs-dist reads the text layer; page-analysis.ts puts columns back in
// order. Some CJK fonts map characters to Kangxi radicals (⽇ for 日); foldRadicals turns them into the simplified characters. A PDF
// without text (a scan), an encrypted or a damaged one is refused with one Chinese sentence.
import { analysePage, type TitleRole } from '../page-layout/page-analysis';
import { graphicsOf } from '../page-layout/page-graphics';
import type { Piece } from '../page-layout/pdf-segments';
import { DAMAGED_PDF, ENCRYPTED_PDF, foldRadicals } from '../text/pdf';
import type { PdfPageLayout } from './pdf-layout';
import { encodePhoto, pdfImageOf } from './pdf-photos';

export { DAMAGED_PDF, ENCRYPTED_PDF, foldRadicals };

export const NO_TEXT_LAYER = '这个 PDF 没有文字层（可能是扫描件），请导出带文字的 PDF 或纯文本';

/**
 * `titleRoles`: title lines whose role the type sizes tell (page-analysis.ts), for the parser;
 * `layout`: each page's paragraphs (by their line in `text`) with their boxes and its photos.
 */
export type PdfText =
  | { ok: true; text: string; pages: number; titleRoles: Map<string, TitleRole>; layout: PdfPageLayout[] }
  | { ok: false; error: string };

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

type TextItem = { str: string; transform: number[]; width: number };

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      // Images as raw pixels (no OffscreenCanvas on Node), for the photos.
      isOffscreenCanvasSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, error: name === 'PasswordException' ? ENCRYPTED_PDF : DAMAGED_PDF };
  }
  try {
    const pages: string[] = [];
    const titleRoles = new Map<string, TitleRole>();
    const layout: PdfPageLayout[] = [];
    // Lines of the text as the parser numbers them (1-based; paragraphs and pages parted by a blank line).
    let line = 1;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = (content.items as TextItem[])
        .filter((item) => typeof item.str === 'string' && item.str !== '')
        .map((item) => ({
          text: foldRadicals(item.str),
          x: item.transform[4]!,
          y: item.transform[5]!,
          width: item.width,
          size: Math.hypot(item.transform[2]!, item.transform[3]!),
        }));
      const operators = await page.getOperatorList();
      const { rules, images } = graphicsOf(operators.fnArray, operators.argsArray, OPS);
      const analysed = analysePage(pieces, rules, images);
      pages.push(analysed.text);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const paragraphs = analysed.paragraphs.map((paragraph) => {
        const at = line;
        line += paragraph.text.split('\n').length + 1;
        return { line: at, text: paragraph.text, boxes: paragraph.boxes };
      });
      const photos = [];
      for (const photo of analysed.photos) {
        const image = await pdfImageOf(page, images[photo.image]!.ref);
        const caption = photo.caption === null ? null : paragraphs[photo.caption]!;
        photos.push({
          box: photo.box,
          caption: caption && { line: caption.line, text: caption.text },
          image: image && (await encodePhoto(image)),
        });
      }
      layout.push({ number, view: { left: x0, bottom: y0, right: x1, top: y1 }, paragraphs, photos });
      for (const [line, role] of analysed.titleRoles) titleRoles.set(line, role);
    }
    const text = pages.filter(Boolean).join('\n\n');
    if (text.replace(/\s/gu, '').length === 0) return { ok: false, error: NO_TEXT_LAYER };
    return { ok: true, text, pages: pdf.numPages, titleRoles, layout };
  } catch {
    return { ok: false, error: DAMAGED_PDF };
  } finally {
    await pdf.destroy();
  }
}
