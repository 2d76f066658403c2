// A whole story checked: every piece (article-pieces.ts) against the lists, less the entries people chose
// to leave as written (忽略) and the words they marked 引语. What the review panel lists and the 签发 gate counts.
import { articlePieces, type ArticlePiece, type CheckedArticle } from './article-pieces';
import { ProofingLists, type ProofingHit } from './check';
import { insideRanges } from './exempt';
import { PROOFING_LEVELS, type ProofingLevel } from './kinds';

export type ArticleHit = ProofingHit & Pick<ArticlePiece, 'field' | 'label'>;

export function checkArticle(lists: ProofingLists, story: CheckedArticle, ignored: ReadonlySet<string>): ArticleHit[] {
  return articlePieces(story).flatMap((piece) =>
    lists
      .check(piece.text, insideRanges(piece.exempt))
      .filter((hit) => !ignored.has(hit.key))
      .map((hit) => ({ ...hit, field: piece.field, label: piece.label })),
  );
}

export function countByLevel(hits: readonly Pick<ProofingHit, 'level'>[]): Record<ProofingLevel, number> {
  const counts = Object.fromEntries(PROOFING_LEVELS.map((level) => [level, 0])) as Record<ProofingLevel, number>;
  for (const hit of hits) counts[hit.level] += 1;
  return counts;
}

/** 禁止 hits cannot be ignored: they are changed, or 签发 is given over them with the chief editor's reason. */
export function canIgnore(level: ProofingLevel): boolean {
  return level !== 'BLOCK';
}
