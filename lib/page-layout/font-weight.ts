// How heavy a PDF font is, from what pdf.js knows of it: its name (the PostScript or base font name,
// after a subset's "ABCDEF+" tag) and the bold/black flags pdf.js sets from the font's descriptor when
// it has them (the corpus: pdf-lib's SimHei/SimSun carry `bold: false`; Chromium's, LibreOffice's and
// pdfkit's subsets carry no flag, their names say "-Bold"/"-Regular"). CSS weights: 400 regular, 700 bold.
// A Chinese face's name often gives no weight word: 黑体 (SimHei, STHeiti, FZHei) is the heavy face a
// 宋体 body's headlines and 引题 are set in, and 方正's names say what a face is for, "-B" for titles
// (FZHei-B01S, FZXiaoBiaoSong-B05S), "-Z" for text (FZShuSong-Z01S).

/** Names a PDF writes in GBK (黑体) reach pdf.js as bytes, one character each. */
function decodedName(name: string): string {
  if (!/[\u0080-\u00ff]/u.test(name) || /[^\u0000-\u00ff]/u.test(name)) return name;
  try {
    return new TextDecoder('gbk', { fatal: true }).decode(Uint8Array.from(name, (char) => char.charCodeAt(0)));
  } catch {
    return name;
  }
}

/** Weight words (pinyin too: CuHei 粗黑, XiHei 细黑), heaviest first: ExtraBold before Bold, 细黑 light, not 黑. */
const WEIGHTS: [RegExp, number][] = [
  [/black|heavy|ultra\s*bold|extra\s*bold|特粗|超粗|[Ww]\s*[89]\b/iu, 900],
  [/semi\s*bold|demi\s*bold|demi\b/iu, 600],
  [/bold|粗|cu\s*(?:hei|song|yuan)|da\s*hei|[Ww]\s*[67]\b/iu, 700],
  [/thin|hairline|light|细|纤|xi\s*(?:hei|song|yuan)|[Ww]\s*[1-3]\b/iu, 300],
  [/medium|中黑|[Ww]\s*5\b/iu, 500],
  [/regular|normal|book|roman|plain|[Ww]\s*4\b/iu, 400],
];

/** Faces without a weight word, by what the face is. */
const FACES: [RegExp, number][] = [
  [/^FZ.*-B\d/u, 700],
  [/^FZ.*-Z\d/u, 400],
  [/biao\s*song|标宋|大黑|综艺|魏碑/iu, 700],
  [/hei|黑/iu, 600],
];

/** A font nothing is known of: regular. */
export const NORMAL_WEIGHT = 400;

export function fontWeight(name: string, flags: { bold?: boolean; black?: boolean } = {}): number {
  const plain = decodedName(name.replace(/^[A-Z]{6}\+/u, ''));
  const named =
    WEIGHTS.find(([pattern]) => pattern.test(plain))?.[1] ?? FACES.find(([pattern]) => pattern.test(plain))?.[1];
  const weight = named ?? NORMAL_WEIGHT;
  if (flags.black) return Math.max(weight, 900);
  if (flags.bold) return Math.max(weight, 700);
  return weight;
}

/** Heavier than the body by this much is bold to a reader (黑体 over 宋体, Bold over Regular; Medium is not). */
export const BOLDER = 200;
