// The body's 审校 plugin: the underlines computed when it starts, kept when co-editing writes the same
// text anew, moved with edits until the next check.
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';

import { contentSchema } from '@/lib/content/schema';
import { ProofingLists } from '@/lib/proofing/check';
import { DEFAULT_LISTS } from '@/lib/proofing/lists';

import { PROOFING_PLUGIN_KEY, proofingPlugin } from './proofing-plugin';

const lists = new ProofingLists(DEFAULT_LISTS);
const doc = contentSchema().nodeFromJSON({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '台湾政府昨日宣布。' }] }],
});
const hits = (state: EditorState) => PROOFING_PLUGIN_KEY.getState(state)!.hits.map((hit) => [hit.text, hit.from]);

describe('the body’s 审校 underlines', () => {
  const state = EditorState.create({ doc, plugins: [proofingPlugin(lists, () => new Set())] });

  it('are there as soon as the plugin starts', () => {
    expect(hits(state)).toEqual([['台湾政府', 1]]);
  });

  it('stay when the whole text is replaced by the same text (co-editing rendering it again)', () => {
    const again = state.apply(state.tr.replaceWith(0, state.doc.content.size, doc.content));
    expect(hits(again)).toEqual([['台湾政府', 1]]);
  });

  it('move with an edit before them', () => {
    const typed = state.apply(state.tr.insertText('昨天', 1));
    expect(hits(typed)).toEqual([['台湾政府', 3]]);
  });
});
