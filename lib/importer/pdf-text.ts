// A PDF as the print system exports it (with a text layer) → plain text in reading order, for the
// same parser as a text export. pdfjs-dist reads the text layer; pdf-layout.ts puts columns back in
// order. Some CJK fonts map characters to Kangxi radicals (⽇ for 日); NFKC folds those back. A PDF
// without text (a scan), an encrypted or a damaged one is refused with one Chinese sentence.
import { readingOrder, type Piece } from './pdf-layout';

export const NO_TEXT_LAYER = '这个 PDF 没有文字层（可能是扫描件），请导出带文字的 PDF 或纯文本';
export const ENCRYPTED_PDF = '这个 PDF 有密码保护，无法读取，请导出不加密的 PDF 或纯文本';
export const DAMAGED_PDF = '这个 PDF 已损坏或不完整，无法读取，请重新导出';

export type PdfText = { ok: true; text: string; pages: number } | { ok: false; error: string };

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** Simplified-form radicals that stand for whole characters and have no NFKC mapping. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母',
};

/** Only radical characters are folded (⽇ → 日, ⻔ → 门); NFKC on the whole text would turn （，：into ASCII. */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (char) => RADICAL_SUPPLEMENT[char] ?? char.normalize('NFKC'));
}

type TextItem = { str: string; transform: number[]; width: number };

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, error: name === 'PasswordException' ? ENCRYPTED_PDF : DAMAGED_PDF };
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = (content.items as TextItem[])
        .filter((item) => typeof item.str === 'string' && item.str !== '')
        .map((item) => ({ text: foldRadicals(item.str), x: item.transform[4]!, y: item.transform[5]!, width: item.width, size: Math.hypot(item.transform[2]!, item.transform[3]!) }));
      pages.push(readingOrder(pieces));
    }
    const text = pages.filter(Boolean).join('\n\n');
    if (text.replace(/\s/gu, '').length === 0) return { ok: false, error: NO_TEXT_LAYER };
    return { ok: true, text, pages: pdf.numPages };
  } catch {
    return { ok: false, error: DAMAGED_PDF };
  } finally {
    await pdf.destroy();
  }
}
