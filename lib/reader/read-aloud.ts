// 朗读 (read aloud), the rules without the browser: what is spoken in which order, and which voice.
// The browser part is lib/reader/read-aloud-script.ts (Web Speech API). Both functions here are
// self-contained (no helper or constant from outside their own body): the page's script is built from
// their source text, so the browser runs exactly the code these tests check.

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

/**
 * The utterances for a page's blocks in order (the headline first): empty blocks left out, long ones
 * split into whole sentences, then clauses, then cut at `max` characters.
 */
export function readingQueue(blocks: readonly string[], max: number): ReadingItem[] {
  const sentenceEnd = /[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$/g;
  const clauseEnd = /[^，、,：:]*[，、,：:]+|[^，、,：:]+$/g;
  const pieces = (text: string, pattern: RegExp): string[] => text.match(pattern) ?? [text];
  const split = (text: string): string[] => {
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
    for (const sentence of pieces(text, sentenceEnd)) {
      if (sentence.length <= max) push(sentence);
      else
        for (const clause of pieces(sentence, clauseEnd)) {
          if (clause.length <= max) push(clause);
          else for (let start = 0; start < clause.length; start += max) push(clause.slice(start, start + max));
        }
    }
    if (current) out.push(current);
    return out;
  };
  return blocks.flatMap((raw, block) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    return text ? split(text).map((piece) => ({ block, text: piece.trim() })) : [];
  });
}

export type Voice = { lang: string; default?: boolean; localService?: boolean };

/**
 * The browser's best Chinese voice, or null when it has none: Mandarin of the mainland first, then other
 * Mandarin, Cantonese last; a local voice before a network one.
 */
export function chineseVoice<V extends Voice>(voices: readonly V[]): V | null {
  const rank = (lang: string): number => {
    const tag = lang.replace(/_/g, '-').toLowerCase();
    if (tag === 'zh-cn' || tag === 'cmn-cn' || tag.startsWith('cmn-hans') || tag.startsWith('zh-hans')) return 0;
    if (tag === 'zh' || tag === 'cmn' || tag === 'zh-sg') return 1;
    if (tag.startsWith('zh-tw') || tag.startsWith('cmn-')) return 2;
    if (tag.startsWith('zh') || tag.startsWith('yue')) return 3;
    return -1;
  };
  const candidates = voices.filter((voice) => rank(voice.lang) >= 0);
  candidates.sort(
    (a, b) => rank(a.lang) - rank(b.lang) || Number(b.localService ?? false) - Number(a.localService ?? false),
  );
  return candidates[0] ?? null;
}
