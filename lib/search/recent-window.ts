// Where PostgreSQL looks for a query's newest matches (postgresql-index.ts). Ranking scores only the
// newest RANK_WINDOW matches, and a word found in most stories (柯城) has them among the last few
// thousand rows. Testing rows newest-first reads each story's document out of line (TOAST), several µs
// a row; taking every match from the GIN index and sorting it costs ~0.5 µs per match, 30 ms for a word
// in 60,000 stories. So each document also holds the lexeme of its seq bucket (`#n`), and the query
// first asks the GIN index for its words in the newest buckets only: the index intersects the lists
// itself: the window took 1–5 ms in the bench queries measured (EXPLAIN ANALYZE, 100,000 stories). When
// those buckets hold too few matches, a wider range is tried, and at last the whole table, so the
// window is always exactly the newest matches.

/** Rows of seq per bucket lexeme. */
export const BUCKET_ROWS = 1024;
/** More buckets than this in one query cost the index more than they save; the whole table is read instead. */
export const MAX_BUCKETS = 48;
/** A range is chosen to hold about this many times the matches needed, so one attempt is nearly always enough. */
const MARGIN = 3;
/** Each further attempt covers this many times the range of the one before. */
const WIDEN = 4;

/** The lexeme of the bucket holding this seq. `#` never occurs in a word's token (tokenizer.ts). */
export function bucketLexeme(seq: number): string {
  return `#${Math.floor(seq / BUCKET_ROWS)}`;
}

/**
 * The table's extent, and for each word of the query how many rows hold each of its lexemes
 * (search_terms): the bigrams of one word, or a filter's mark alone.
 */
export type TableShape = { bottom: number; top: number; rows: number; words: readonly (readonly number[])[] };

/** The counts of the query's lexemes (its terms' in order, then its marks'), grouped by word. */
export function countsByWord(terms: readonly { word: number }[], found: readonly number[]): number[][] {
  const words = new Map<string, number[]>();
  found.forEach((count, i) => {
    const key = i < terms.length ? `w${terms[i]!.word}` : `m${i}`;
    words.set(key, [...(words.get(key) ?? []), count]);
  });
  return [...words.values()];
}

/**
 * The ranges to look in, narrowest first, as the bucket lexemes one of which a match must hold;
 * `null`, always last, is the whole table. The share of rows matching is estimated as the product of
 * each word's share (the words as if independent), a word being as frequent as its rarest bigram (they
 * occur together). Words that go together more often than that only make the range wider than it needs
 * to be; less often, and a wider attempt follows. Seqs of removed rows are gaps (a story
 * is written again at a new seq whenever it changes), so a range of seqs holds rows / extent as many rows.
 */
export function windowAttempts(shape: TableShape, wanted: number): (string[] | null)[] {
  const { bottom, top, rows, words } = shape;
  if (rows <= 0 || top < bottom) return [null];
  const share = words.reduce((product, counts) => product * Math.min(1, Math.max(0, Math.min(...counts)) / rows), 1);
  if (share <= 0) return [null];
  const extent = top - bottom + 1;
  const filled = Math.min(1, rows / extent);
  const attempts: string[][] = [];
  for (let span = Math.ceil((MARGIN * wanted) / (share * filled)); span * 2 < extent; span *= WIDEN) {
    const buckets = bucketsCovering(Math.max(bottom, top - span + 1), top);
    if (buckets.length > MAX_BUCKETS) break;
    attempts.push(buckets);
  }
  return [...attempts, null];
}

/** The bucket lexemes of every seq from `from` to `to`, newest first. */
function bucketsCovering(from: number, to: number): string[] {
  const lexemes: string[] = [];
  for (let bucket = Math.floor(to / BUCKET_ROWS); bucket >= Math.floor(from / BUCKET_ROWS); bucket -= 1)
    lexemes.push(bucketLexeme(bucket * BUCKET_ROWS));
  return lexemes;
}
