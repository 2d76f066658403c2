// 审校 underlines in the story body (docs/architecture.md: Proofing): a ProseMirror plugin whose
// decorations mark each hit with its level. Never written into the document (co-editors, saves and
// revisions see only the text); computed in the browser a moment after typing stops, so a keystroke
// never waits for the check (`npm run bench:proofing` measures input latency with and without it).
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

import { QUOTATION_MARK } from '@/lib/content/quotation-mark';
import type { ProofingHit, ProofingLists } from '@/lib/proofing/check';
import { insideRanges, type TextRange } from '@/lib/proofing/exempt';

/** After the last keystroke: long enough that steady typing never runs it, short enough to feel live. */
export const PROOFING_DELAY_MS = 300;

export type BodyHit = ProofingHit & { from: number; to: number };
type State = { hits: BodyHit[]; decorations: DecorationSet };
type Checker = Pick<ProofingLists, 'check'>;

export const PROOFING_PLUGIN_KEY = new PluginKey<State>('proofing');

/** Where a text block's 引语 are, in offsets of its text (leaf inline nodes count one, as in textBetween). */
export function quotationRanges(block: PmNode): TextRange[] {
  const ranges: TextRange[] = [];
  block.forEach((child, offset) => {
    if (child.marks.some((mark) => mark.type.name === QUOTATION_MARK)) ranges.push([offset, offset + child.nodeSize]);
  });
  return ranges;
}

/** Every hit in the document's text blocks, in document positions (leaf inline nodes count one). */
export function findBodyHits(doc: PmNode, lists: Checker, ignored: ReadonlySet<string>): BodyHit[] {
  const hits: BodyHit[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    for (const hit of lists.check(text, insideRanges(quotationRanges(node))))
      if (!ignored.has(hit.key)) hits.push({ ...hit, from: pos + 1 + hit.start, to: pos + 1 + hit.end });
    return false;
  });
  return hits;
}

function decorate(doc: PmNode, hits: BodyHit[]): DecorationSet {
  return DecorationSet.create(
    doc,
    hits.map((hit) =>
      Decoration.inline(hit.from, hit.to, {
        class: `proofing-hit proofing-${hit.level.toLowerCase()}`,
        title: hit.message,
        'data-proofing': hit.level,
      }),
    ),
  );
}

export function proofingPlugin(lists: Checker, ignored: () => ReadonlySet<string>): Plugin<State> {
  const run = (state: EditorState) => findBodyHits(state.doc, lists, ignored());
  return new Plugin<State>({
    key: PROOFING_PLUGIN_KEY,
    state: {
      init: (_config, state) => {
        const hits = run(state);
        return { hits, decorations: decorate(state.doc, hits) };
      },
      apply: (tr, value, _old, state) => {
        const fresh = tr.getMeta(PROOFING_PLUGIN_KEY) as BodyHit[] | undefined;
        if (fresh) return { hits: fresh, decorations: decorate(state.doc, fresh) };
        if (!tr.docChanged) return value;
        // The same text written anew (co-editing's binding renders the shared document again when the
        // editor's plugins change): the hits stand where they were; mapped, a whole-document
        // replacement would drop them all, and no check follows since the text did not change.
        if (tr.doc.eq(tr.before)) return { hits: value.hits, decorations: decorate(tr.doc, value.hits) };
        // Until the next check, the old underlines move with the text.
        const hits = value.hits.flatMap((hit) => {
          const from = tr.mapping.map(hit.from, 1);
          const to = tr.mapping.map(hit.to, -1);
          return from < to ? [{ ...hit, from, to }] : [];
        });
        return { hits, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: { decorations: (state) => PROOFING_PLUGIN_KEY.getState(state)?.decorations },
    view: () => {
      let timer: number | undefined;
      return {
        update: (view: EditorView, previous: EditorState) => {
          if (view.state.doc.eq(previous.doc)) return;
          window.clearTimeout(timer);
          timer = window.setTimeout(() => showHits(view, run(view.state)), PROOFING_DELAY_MS);
        },
        destroy: () => window.clearTimeout(timer),
      };
    },
  });
}

/** Shows a check's hits (after the delay, or at once after 忽略). */
export function showHits(view: EditorView, hits: BodyHit[]): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(PROOFING_PLUGIN_KEY, hits).setMeta('addToHistory', false));
}

export function hitsAt(state: EditorState, pos: number): BodyHit[] {
  return (PROOFING_PLUGIN_KEY.getState(state)?.hits ?? []).filter((hit) => hit.from <= pos && pos <= hit.to);
}
