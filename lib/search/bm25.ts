// FTS5's bm25 (sqlite ext/fts5/fts5_aux.c), for the PostgreSQL index (postgresql-index.ts), which
// holds each story's per-word counts but ranks nothing itself. Computed here from the IDFs PostgreSQL
// gives (its ln is the C library's log, as SQLite's) with the same operations in the same order, so
// both databases give bit-identical scores and therefore the same order, ties included.
import { RANK_WINDOW } from './store';

const K1 = 1.2;
const B = 0.75;

/** One story of the window: its seq (newer is higher), length in tokens, and f per query term, in query order. */
export type WindowArticle = { seq: number; id: string; len: number; f: readonly number[] };

/**
 * Σ IDF × f × (k1 + 1) / (f + k1 × (1 − b + b × len / avglen)), summed in query order, where f =
 * TITLE_WEIGHT × title count + body count and IDF = ln((N − n + 0.5) / (n + 0.5)), at least 1e-6.
 */
export function bm25(idf: readonly number[], story: WindowArticle, avglen: number): number {
  let score = 0;
  idf.forEach((weight, k) => {
    const f = story.f[k] ?? 0;
    score += (weight * (f * (K1 + 1.0))) / (f + K1 * (1.0 - B + (B * story.len) / avglen));
  });
  return score;
}

/**
 * One page of the window ranked by score, higher first, ties to the newer story; `total` is the
 * window's size (up to RANK_WINDOW + 1, read as "more than RANK_WINDOW").
 */
export function rankWindow(
  stories: readonly WindowArticle[],
  idf: readonly number[],
  avglen: number,
  limit: number,
  offset: number,
): { ids: string[]; total: number } {
  const scored = stories.slice(0, RANK_WINDOW + 1).map((story) => ({ story, score: bm25(idf, story, avglen) }));
  scored.sort((a, b) => b.score - a.score || b.story.seq - a.story.seq);
  return { ids: scored.slice(offset, offset + limit).map(({ story }) => story.id), total: scored.length };
}
