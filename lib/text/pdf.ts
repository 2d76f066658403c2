// What any PDF reader in the project says and does alike: the sentences for a PDF that cannot be
// read, and folding the Kangxi radicals some CJK fonts put in the text layer (⽇ for 日) back into
// characters. Used by the print importer and the e-paper page reader.
export const ENCRYPTED_PDF = '这个 PDF 有密码保护，无法读取，请导出不加密的 PDF 或纯文本';
export const DAMAGED_PDF = '这个 PDF 已损坏或不完整，无法读取，请重新导出';

/** Simplified-form radicals that stand for whole characters and have no NFKC mapping. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
  '⺟': '母',
};

/** Only radical characters are folded (⽇ → 日, ⻔ → 门); NFKC on the whole text would turn （，：into ASCII. */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (char) => RADICAL_SUPPLEMENT[char] ?? char.normalize('NFKC'));
}
