// 审校 on the import report: each story of the draft checked as it stands (its printed fields and
// body blocks), counted by level, so the editor sees which imported stories carry 禁止 wording before
// writing them. The same check then runs at 提交审核 and each sign-off like for any story. Pure.
import { doc } from '../content/builders';
import { checkArticle, countByLevel } from '../proofing/article-check';
import type { ProofingLists } from '../proofing/check';
import type { ProofingLevel } from '../proofing/kinds';
import type { DraftArticle } from './draft';

const NOTHING_IGNORED: ReadonlySet<string> = new Set();

export function draftProofing(lists: ProofingLists, story: DraftArticle): Record<ProofingLevel, number> {
  const { kicker, headline, subheadline } = story.fields;
  const body = doc(...story.blocks.map((block) => block.node));
  return countByLevel(checkArticle(lists, { kicker, headline, subheadline, body }, NOTHING_IGNORED));
}
