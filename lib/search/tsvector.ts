// The PostgreSQL index's documents and queries, written from our own tokens (tokenizer.ts) rather
// than by PostgreSQL's text parser, so both databases index exactly the same words: tsvector and
// tsquery literals, cast by PostgreSQL without any parsing of the words themselves.
import type { QueryTerm } from './tokenizer';

/** PostgreSQL keeps positions up to this; later ones count as this one. */
const MAX_POSITION = 16_383;
/** Positions kept per word: enough for ranking to tell one mention from many. */
const POSITIONS_PER_WORD = 8;
/** A tsvector must stay under 1 MB; a story with more distinct words than fit keeps the first ones. */
const MAX_BYTES = 900_000;

export function quoteLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

type Entry = { positions: number[]; title: boolean[] };

/**
 * A tsvector literal: title words weighted A (ranking weighs them TITLE_WEIGHT times a body word,
 * weight D), each word with its first positions.
 */
export function tsvectorLiteral(title: readonly string[], body: readonly string[]): string {
  const words = new Map<string, Entry>();
  let position = 0;
  const add = (tokens: readonly string[], isTitle: boolean) => {
    for (const token of tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      let entry = words.get(token);
      if (!entry) words.set(token, (entry = { positions: [], title: [] }));
      if (entry.positions.length < POSITIONS_PER_WORD && !entry.positions.includes(position)) {
        entry.positions.push(position);
        entry.title.push(isTitle);
      }
    }
  };
  add(title, true);
  add(body, false);
  const parts: string[] = [];
  let bytes = 0;
  const perWordLimit = estimate(words, POSITIONS_PER_WORD) > MAX_BYTES ? 1 : POSITIONS_PER_WORD;
  for (const [token, entry] of words) {
    const kept = entry.positions.slice(0, perWordLimit);
    bytes += Buffer.byteLength(token) + 6 + 2 * kept.length;
    if (bytes > MAX_BYTES) break;
    parts.push(`${quoteLexeme(token)}:${kept.map((at, index) => `${at}${entry.title[index] ? 'A' : ''}`).join(',')}`);
  }
  return parts.join(' ');
}

function estimate(words: Map<string, Entry>, perWord: number): number {
  let bytes = 0;
  for (const [token, entry] of words) bytes += Buffer.byteLength(token) + 6 + 2 * Math.min(perWord, entry.positions.length);
  return bytes;
}

/** A tsquery literal: every term required (`&`), a lone Han character as a prefix (`:*`). */
export function tsqueryLiteral(terms: readonly QueryTerm[], join: '&' | '|' = '&'): string {
  return terms.map((term) => `${quoteLexeme(term.token)}${term.prefix ? ':*' : ''}`).join(` ${join} `);
}
