// What any PDF reader in the project says and does alike: the sentences for a PDF that cannot be
// read, and folding the Kangxi radicals some CJK fonts put in the text layer (⽇ for 日) back into
// characters. Used by the print importer, the e-paper page reader and search.
import { RADICAL_FOLD } from './radical-fold-table';

export const ENCRYPTED_PDF = '这个 PDF 有密码保护，无法读取，请导出不加密的 PDF 或纯文本';
export const DAMAGED_PDF = '这个 PDF 已损坏或不完整，无法读取，请重新导出';

/**
 * Radical characters become the character a reader of simplified Chinese sees (⽇ → 日, ⼾ → 户, not
 * NFKC's 戶; ⻔ → 门), from Unicode's Equivalent_Unified_Ideograph data (radical-fold-table.ts). Only
 * radicals are touched: NFKC on the whole text would turn （，：into ASCII.
 */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (char) => RADICAL_FOLD[char] ?? char);
}
