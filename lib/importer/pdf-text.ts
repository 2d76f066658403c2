// A PDF as the print system exports it (with a text layer) → plain text in reading order, for the
// same parser as a text export. pdfjs-dist reads the text layer; page-analysis.ts puts columns back in
// order. Some CJK fonts map characters to Kangxi radicals (⽇ for 日); foldRadicals turns them into the simplified characters. A PDF
// without text (a scan), an encrypted or a damaged one is refused with one Chinese sentence.
import { analysePage, type TitleRole } from '../page-layout/page-analysis';
import { eachPdfPage, readPage } from '../page-layout/pdf-pages';
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

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const pages: string[] = [];
  const titleRoles = new Map<string, TitleRole>();
  const layout: PdfPageLayout[] = [];
  // Lines of the text as the parser numbers them (1-based; paragraphs and pages parted by a blank line).
  let line = 1;
  const read = await eachPdfPage(bytes, { images: true }, async (page, number) => {
    const { view, pieces, graphics } = await readPage(page);
    const { images } = graphics;
    const analysed = analysePage(pieces, graphics.rules, images);
    pages.push(analysed.text);
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
    layout.push({ number, view, paragraphs, photos });
    for (const [line, role] of analysed.titleRoles) titleRoles.set(line, role);
  });
  if (!read.ok) return read;
  const text = pages.filter(Boolean).join('\n\n');
  if (text.replace(/\s/gu, '').length === 0) return { ok: false, error: NO_TEXT_LAYER };
  return { ok: true, text, pages: read.pages, titleRoles, layout };
}
