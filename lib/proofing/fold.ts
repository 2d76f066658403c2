// What the check compares: text folded so that one entry finds every way the same words are written.
// Full-width letters and digits become half-width (NFKC, one character at a time), traditional
// characters simplified (lib/text/traditional.ts), upper case lower case, and white space dropped, so a
// name broken over two lines (习近\n平) or spaced out (李 强) is still the name. Every folded character
// remembers where it came from, so a hit is underlined in the text the person wrote.
import { simplifiedChar } from '../text/traditional';

export type Folded = {
  text: string;
  /** For each UTF-16 unit of `text`: the index of its character in the original text. */
  from: Int32Array;
};

const SPACE = /\s/;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  // Fast paths (most of a story): CJK ideographs only need simplifying, ASCII only lower-casing;
  // with NFKC on every character the 20,000-character check took 23 ms (median), with these 18 ms, on this
  // 2-core machine at load 8; folding alone is then about 2.5 ms.
  if (code >= 0x4e00 && code <= 0x9fff) return simplifiedChar(char);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  const normal = char.normalize('NFKC');
  // A compatibility form that expands (㈠ → (一)) would move the positions: keep the character.
  const one = [...normal].length === 1 ? normal : char;
  return simplifiedChar(one).toLowerCase();
}

export function fold(text: string): Folded {
  const from = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let index = 0;
  for (const char of text) {
    if (!SPACE.test(char)) {
      const folded = foldChar(char);
      for (let unit = 0; unit < folded.length; unit += 1) from[length + unit] = index;
      parts.push(folded);
      length += folded.length;
    }
    index += char.length;
  }
  return { text: parts.join(''), from: from.subarray(0, length) };
}

/** An entry's term as the matcher stores it. */
export function foldTerm(term: string): string {
  return fold(term).text;
}

/** The original range [start, end) of the folded range [start, end). */
export function originalRange(folded: Folded, original: string, start: number, end: number): [number, number] {
  const first = folded.from[start]!;
  const lastStart = folded.from[end - 1]!;
  const last = lastStart + (original.codePointAt(lastStart)! > 0xffff ? 2 : 1);
  return [first, last];
}
