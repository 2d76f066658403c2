// Print exports write digits half- or full-width and sometimes spaced (第 1 7 0 6 期, 第１７０６期).
// Structure is matched on a normalised copy; the text that is kept is never changed.
const FULL_WIDTH = /[\uff01-\uff5e]/gu;

/** Full-width ASCII → half-width, spaces between digits removed, runs of spaces made one. */
export function structural(text: string): string {
  return text
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[ \u3000\u00a0]+(?=\d)/gu, '$1')
    .replace(/[ \u3000\u00a0\t]+/gu, ' ')
    .trim();
}

const HAN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 四 → 4, 十二 → 12, 二十四 → 24, 三十一 → 31, and Arabic digits. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? HAN_DIGITS[tens]! : null;
  return (tens ? HAN_DIGITS[tens]! : 1) * 10 + (ones ? HAN_DIGITS[ones]! : 0);
}

/** 二〇二〇 → 2020 (digit by digit, as years are written). */
export function chineseDigits(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = HAN_DIGITS[char];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}
