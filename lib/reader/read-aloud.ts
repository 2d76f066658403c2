// 朗读 (read aloud), the rules without the browser: what is spoken in which order, and which voice.
// The browser part is components/public/read-aloud.tsx (Web Speech API).

/** One utterance: its text and the block of the page (0 = the headline) highlighted while it is spoken. */
export type ReadingItem = { block: number; text: string };

/**
 * Chromium stops an utterance that speaks for about 15 s without a pause, and a long one makes 暂停
 * and 语速 act late; an utterance is therefore at most this many characters (about 30 s of Chinese at
 * normal speed is 120–150 characters), cut after a sentence where it can be.
 */
export const MAX_UTTERANCE_CHARS = 120;

/** 语速: the rates offered, 1 being the voice's normal speed. */
export const READING_RATES = [0.75, 1, 1.25, 1.5] as const;

const SENTENCE_END = /[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$/g;
const CLAUSE_END = /[^，、,：:]*[，、,：:]+|[^，、,：:]+$/g;

function pieces(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? [text];
}

/** Splits one block's text into utterances of at most `max` characters: whole sentences, then clauses, then cut. */
function split(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (current.length + piece.length <= max) {
      current += piece;
      return;
    }
    if (current) out.push(current);
    current = piece;
  };
  for (const sentence of pieces(text, SENTENCE_END)) {
    if (sentence.length <= max) push(sentence);
    else
      for (const clause of pieces(sentence, CLAUSE_END)) {
        if (clause.length <= max) push(clause);
        else for (let start = 0; start < clause.length; start += max) push(clause.slice(start, start + max));
      }
  }
  if (current) out.push(current);
  return out;
}

/** The utterances for a page's blocks in order (the headline first): empty blocks left out, long ones split. */
export function readingQueue(blocks: string[], max = MAX_UTTERANCE_CHARS): ReadingItem[] {
  return blocks.flatMap((raw, block) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    return text ? split(text, max).map((piece) => ({ block, text: piece.trim() })) : [];
  });
}

type Voice = { lang: string; default?: boolean; localService?: boolean };

/** How well a voice reads this site's text: Mandarin of the mainland first, then other Mandarin; Cantonese last. */
function rank(lang: string): number {
  const tag = lang.replace(/_/g, '-').toLowerCase();
  if (tag === 'zh-cn' || tag === 'cmn-cn' || tag.startsWith('cmn-hans') || tag.startsWith('zh-hans')) return 0;
  if (tag === 'zh' || tag === 'cmn' || tag === 'zh-sg') return 1;
  if (tag.startsWith('zh-tw') || tag.startsWith('cmn-')) return 2;
  if (tag.startsWith('zh') || tag.startsWith('yue')) return 3;
  return -1;
}

/** The browser's best Chinese voice (zh-CN first, a local one before a network one), or null when it has none. */
export function chineseVoice<V extends Voice>(voices: readonly V[]): V | null {
  const candidates = voices.filter((voice) => rank(voice.lang) >= 0);
  candidates.sort(
    (a, b) => rank(a.lang) - rank(b.lang) || Number(b.localService ?? false) - Number(a.localService ?? false),
  );
  return candidates[0] ?? null;
}
