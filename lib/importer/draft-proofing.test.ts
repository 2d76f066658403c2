import { describe, expect, it } from 'vitest';

import { paragraph } from '../content/builders';
import { ProofingLists } from '../proofing/check';
import { DEFAULT_LISTS } from '../proofing/lists';
import { draftBlock, type DraftArticle } from './draft';
import { draftProofing } from './draft-proofing';

const lists = new ProofingLists(DEFAULT_LISTS);

function story(fields: Partial<DraftArticle['fields']>, ...paragraphs: string[]): DraftArticle {
  return {
    key: 's1',
    line: 1,
    continuedOn: [],
    fields: { kicker: '', headline: '', subheadline: '', dateline: '', byline: '', page: '1', ...fields },
    check: [],
    areas: [],
    blocks: paragraphs.map((text, index) => draftBlock(`b${index}`, paragraph(text))),
  };
}

describe('审校 on the import report', () => {
  it('counts a story’s hits by level, fields and body together', () => {
    expect(draftProofing(lists, story({ headline: '台湾政府宣布' }, '师傅上门按装空调', '既使下雨'))).toEqual({
      BLOCK: 1,
      WARN: 1,
      HINT: 1,
    });
  });

  it('counts nothing in clean copy', () => {
    expect(draftProofing(lists, story({ headline: '柯城区召开经济工作会议' }, '部署明年重点工作。'))).toEqual({
      BLOCK: 0,
      WARN: 0,
      HINT: 0,
    });
  });
});
