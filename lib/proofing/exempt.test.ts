import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { findBodyHits } from '@/components/editor/proofing-plugin';

import { renderHtml } from '../content/render-html';
import { contentSchema } from '../content/schema';
import type { Doc } from '../content/types';
import { validateDoc } from '../content/validate';
import { checkArticle } from './article-check';
import { blockTexts } from './article-pieces';
import { ProofingLists } from './check';
import { insideRanges, mergeRanges } from './exempt';
import { DEFAULT_LISTS } from './lists';

const lists = new ProofingLists(DEFAULT_LISTS);
const quoted = (text: string) => ({ type: 'text', text, marks: [{ type: 'quotation' }] });
const plain = (text: string) => ({ type: 'text', text });
/** Through a shared document and back, as co-editing stores the body. */
function collabRoundTrip(doc: Doc): unknown {
  const fragment = new Y.Doc().getXmlFragment('body');
  prosemirrorJSONToYXmlFragment(contentSchema(), doc, fragment);
  return yXmlFragmentToProseMirrorRootNode(fragment, contentSchema()).toJSON();
}
const docOf = (...content: object[]): Doc => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

describe('引语 ranges', () => {
  it('joins touching and overlapping ranges and drops empty ones', () => {
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [2, 4],
        [6, 9],
        [10, 10],
      ]),
    ).toEqual([
      [0, 4],
      [5, 9],
    ]);
  });

  it('a hit is exempt only when it lies wholly inside one quotation', () => {
    const inside = insideRanges([
      [0, 2],
      [2, 6],
      [10, 12],
    ]);
    expect(inside(1, 5)).toBe(true); // across the seam of two touching ranges: one quotation
    expect(inside(4, 8)).toBe(false); // runs out of it
    expect(inside(9, 11)).toBe(false); // runs into it
    expect(insideRanges([])(0, 1)).toBe(false);
  });

  it('a block says where its quotations are, leaf nodes counting one character', () => {
    const doc = docOf(
      plain('他说：'),
      quoted('“台湾政府'),
      { type: 'hardBreak', marks: [{ type: 'quotation' }] },
      quoted('宣布”'),
      plain('。'),
    );
    expect(blockTexts(doc)).toEqual([
      {
        text: '他说：“台湾政府\ufffc宣布”。',
        exempt: [
          [3, 8],
          [8, 9],
          [9, 12],
        ],
      },
    ]);
  });
});

describe('the check skips what is marked 引语', () => {
  const body = docOf(
    plain('台湾政府昨日宣布。对方称“'),
    quoted('台湾政府'),
    { type: 'text', text: '将按装', marks: [{ type: 'quotation' }, { type: 'bold' }] },
    plain('”。'),
  );

  it('on the server: only the hits outside the quotation stay open', () => {
    const hits = checkArticle(lists, { headline: '', body }, new Set());
    expect(hits.map((hit) => [hit.text, hit.start])).toEqual([['台湾政府', 0]]);
  });

  it('a term that runs over the edge of a quotation is still flagged', () => {
    const hits = checkArticle(lists, { body: docOf(plain('台湾'), quoted('政府')) }, new Set());
    expect(hits.map((hit) => hit.text)).toEqual(['台湾政府']);
  });

  it('in the editor: the same hits, in document positions', () => {
    const node = contentSchema().nodeFromJSON(body);
    const hits = findBodyHits(node, lists, new Set());
    expect(hits.map((hit) => [hit.text, hit.from, hit.to])).toEqual([['台湾政府', 1, 5]]);
  });

  it('the mark is kept by the save check, through co-editing, and gives readers an unstyled span', () => {
    const saved = validateDoc(body);
    expect(saved.ok && JSON.stringify(saved.doc)).toContain('"quotation"');
    expect(JSON.stringify(collabRoundTrip(body))).toContain('"quotation"');
    expect(renderHtml(body)).toContain('<span data-quotation="">台湾政府</span>');
  });
});
