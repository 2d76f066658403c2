// The PostgreSQL index's documents and queries, written from our own tokens (tokenizer.ts) rather
// than by PostgreSQL's text parser, so both databases index exactly the same words: tsvector and
// tsquery literals, cast by PostgreSQL without any parsing of the words themselves.
//
// The positions of a lexeme carry its counts, not where it stands: PostgreSQL ranks nothing here
// (postgresql-index.ts computes FTS5's bm25 itself), and bm25 needs how often each word occurs in the
// title and in the body. A lexeme has at most two positions: `n` with weight A = n title occurrences,
// `BODY_BASE + n` = n body occurrences (ranking reads counts by position range; the A only documents
// which is the title). Nothing queries by phrase or distance.
import { TITLE_WEIGHT } from './store';
import type { QueryTerm } from './tokenizer';

/** Body counts are stored above this position; title counts below it. */
export const BODY_BASE = 8192;
/** PostgreSQL keeps positions up to 16,383: a count above this is stored as this. */
const MAX_COUNT = 8191;
/** A tsvector must stay under 1 MB; a story with more distinct words than fit keeps the first ones. */
const MAX_BYTES = 900_000;
const HAN = /^\p{Script=Han}/u;

export function quoteLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * The lexeme that stands for a one-character prefix query (`柯*`): FTS5 counts every token starting
 * with the character, so each story also holds, per Han character that starts a token, how many
 * tokens start with it. `*` never occurs inside a token (tokens are letters and digits).
 */
export function prefixLexeme(character: string): string {
  return `${character}*`;
}

/** The lexeme a query term is looked up (and counted) by. */
export function termLexeme(term: QueryTerm): string {
  return term.prefix ? prefixLexeme(term.token) : term.token;
}

type Counts = { title: number; body: number };

function countTokens(title: readonly string[], body: readonly string[]): Map<string, Counts> {
  const words = new Map<string, Counts>();
  const add = (key: string, isTitle: boolean) => {
    let counts = words.get(key);
    if (!counts) words.set(key, (counts = { title: 0, body: 0 }));
    if (isTitle) counts.title += 1;
    else counts.body += 1;
  };
  for (const [tokens, isTitle] of [
    [title, true],
    [body, false],
  ] as const) {
    for (const token of tokens) {
      add(token, isTitle);
      if (HAN.test(token)) add(prefixLexeme([...token][0]!), isTitle);
    }
  }
  return words;
}

function positions({ title, body }: Counts): string {
  const kept: string[] = [];
  if (title > 0) kept.push(`${Math.min(title, MAX_COUNT)}A`);
  if (body > 0) kept.push(`${BODY_BASE + Math.min(body, MAX_COUNT)}`);
  return kept.join(',');
}

/**
 * The lexeme that marks a story of this person (creator or credited author) in the newsroom table: a
 * reporter's search is one more term the GIN index intersects. `@` never occurs in a word's token.
 */
export function ownerLexeme(userId: string): string {
  return `@${userId}`;
}

/**
 * A tsvector literal of a story's title and body tokens, each word with its title and body counts, and
 * any `marks` (lexemes without counts that only filter: ownerLexeme).
 */
export function tsvectorLiteral(
  title: readonly string[],
  body: readonly string[],
  marks: readonly string[] = [],
): string {
  const parts: string[] = marks.map(quoteLexeme);
  let bytes = 0;
  for (const [token, counts] of countTokens(title, body)) {
    bytes += Buffer.byteLength(token) + 10;
    if (bytes > MAX_BYTES) break;
    parts.push(`${quoteLexeme(token)}:${positions(counts)}`);
  }
  return parts.join(' ');
}

/**
 * A tsquery literal: every term required (a lone Han character by its prefix lexeme, same stories as
 * `字:*`), and every mark (ownerLexeme), and, when `anyOf` is given, one of those lexemes (recent-window.ts).
 */
export function tsqueryLiteral(
  terms: readonly QueryTerm[],
  marks: readonly string[] = [],
  anyOf?: readonly string[],
): string {
  const required = [...terms.map(termLexeme), ...marks].map(quoteLexeme);
  if (anyOf && anyOf.length > 0) required.push(`(${anyOf.map(quoteLexeme).join(' | ')})`);
  return required.join(' & ');
}

/** How many tokens FTS5's unicode61 tokenizer finds in the owners column (user ids joined by spaces). */
export function ownerTokenCount(owners: readonly string[]): number {
  return owners.join(' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A tsvector's text output: each lexeme (quoted, `''` and `\\` escaped) and its positions (`12A,8195`). */
const ENTRY = /'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,]+))?/g;

/**
 * bm25's f for each of `lexemes` in a document (the text of a tsvector written by tsvectorLiteral):
 * TITLE_WEIGHT × title count + body count, 0 for a lexeme it does not hold.
 */
export function weightedCounts(tsvector: string, lexemes: readonly string[]): number[] {
  const f = new Map<string, number>();
  for (const [, quoted, positions] of tsvector.matchAll(ENTRY)) {
    const lexeme = quoted!.replace(/''|\\(.)/g, (pair, escaped: string | undefined) => escaped ?? "'");
    let weighted = 0;
    for (const position of (positions ?? '').split(',').filter(Boolean)) {
      const value = Number.parseInt(position, 10);
      weighted += value < BODY_BASE ? TITLE_WEIGHT * value : value - BODY_BASE;
    }
    f.set(lexeme, weighted);
  }
  return lexemes.map((lexeme) => f.get(lexeme) ?? 0);
}
