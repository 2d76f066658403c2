// 字数 as Chinese word processors (WPS, Word's 中文字数) count it: every Han character, kana, hangul
// syllable and full-width punctuation mark is one; each run of Latin letters or digits is one word;
// white space and half-width punctuation do not count.
import { toPlainText } from './plain-text';
import type { DocNode } from './types';

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const FULL_WIDTH_PUNCTUATION = String.raw`\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7`;
const UNIT = new RegExp(`[${CJK}${FULL_WIDTH_PUNCTUATION}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');

export function countWords(text: string): number {
  let count = 0;
  for (const match of text.normalize('NFC').matchAll(UNIT)) {
    // A run of Latin letters/digits is matched whole by the second alternative.
    if (match[0]) count += 1;
  }
  return count;
}

export function countDocWords(doc: DocNode): number {
  return countWords(toPlainText(doc));
}
