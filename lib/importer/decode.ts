// Bytes of an uploaded or given file → text. UTF-8 (with or without BOM), UTF-16 with BOM, and
// GB18030/GBK (what Chinese Windows tools write) are recognised; empty, binary and oversized files
// are refused with a message saying so.
import { stripBidiControls } from '../text/bidi';
import { foldRadicals } from '../text/pdf';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; error: string };

function controlShare(bytes: Uint8Array): number {
  let control = 0;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const byte of sample)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  return control / Math.max(1, sample.length);
}

// Bidi controls would let an imported headline or byline display as something else; text copied out
// of a PDF viewer carries the same Kangxi radicals as the PDF's text layer (⼾ for 户).
function clean(text: string): string {
  return foldRadicals(stripBidiControls(text));
}

export function decodeImportFile(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: '文件为空' };
  if (bytes.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      ok: true,
      text: clean(new TextDecoder('utf-16le').decode(bytes.subarray(2))),
      encoding: 'utf-16le',
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      ok: true,
      text: clean(new TextDecoder('utf-16be').decode(bytes.subarray(2))),
      encoding: 'utf-16be',
    };
  if (bytes.includes(0) || controlShare(bytes) > 0.01)
    return {
      ok: false,
      error: '文件不是文本，也不是 PDF（可能是 Word 或图片等文件），请导出为纯文本 .txt 或带文字的 PDF 后再导入',
    };
  let text: string;
  let encoding: Encoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      encoding = 'gb18030';
    } catch {
      return { ok: false, error: '无法识别文件编码（支持 UTF-8、GB18030/GBK、UTF-16），请另存为 UTF-8 文本后再导入' };
    }
  }
  text = clean(text.replace(/^\uFEFF/, ''));
  if (text.trim() === '') return { ok: false, error: '文件里没有文字' };
  return { ok: true, text, encoding };
}
