// CJK-aware tokens for the search index (docs/architecture.md: Databases). Chinese has no spaces, so each run of Han
// characters becomes its character bigrams (a 2-character query such as 柯城 always matches, and
// longer words match as their overlapping bigrams), a lone character stays a unigram; Latin letters
// and digits become lower-cased, width-normalised words (a run's last character is also kept alone). Punctuation separates tokens and is dropped.
import { foldRadicals } from '../text/pdf';

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function normalise(text: string): string {
  // NFKC folds full-width ＡＢＣ１２３ to ABC123 and compatibility ideographs to their usual forms;
  // radicals go first to their simplified characters (⼾ → 户), which NFKC would make traditional (戶).
  return foldRadicals(text).normalize('NFKC').toLowerCase();
}

function hanTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  // Every character now starts a bigram except the last; its unigram lets a one-character query
  // (a prefix search) find it too.
  grams.push(chars[chars.length - 1]!);
  return grams;
}

/** Tokens of a text, in order, for indexing. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of normalise(text).matchAll(RUN)) {
    const run = match[0];
    if (HAN.test(run)) tokens.push(...hanTokens(run));
    else tokens.push(run);
  }
  return tokens;
}

/**
 * What a query must match: every term's tokens. A lone Han character cannot be found among bigrams,
 * so it is marked as a prefix (FTS5 `字*`), which matches every bigram starting with it. `word` is the
 * query word the term comes from (the bigrams of one word occur together; recent-window.ts).
 */
export type QueryTerm = { token: string; prefix: boolean; word: number };

export function queryTerms(query: string, maxTerms = 32): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let word = -1;
  for (const match of normalise(query).matchAll(RUN)) {
    const run = match[0];
    word += 1;
    const isHan = HAN.test(run);
    // A query run of two or more characters is fully covered by its bigrams.
    const tokens = isHan ? ([...run].length === 1 ? [run] : hanTokens(run).slice(0, -1)) : [run];
    for (const token of tokens) {
      const prefix = isHan && [...token].length === 1;
      const key = `${token}${prefix ? '*' : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ token, prefix, word });
    }
  }
  return terms.slice(0, maxTerms);
}

/** An FTS5 MATCH expression: each token quoted (no operator can be injected), all required. */
export function ftsQuery(terms: readonly QueryTerm[]): string {
  return terms.map((term) => `"${term.token.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`).join(' AND ');
}

/** Indexable text: tokens joined by spaces, for an FTS5 table with the unicode61 tokenizer. */
export function indexText(text: string): string {
  return tokenize(text).join(' ');
}
