// The browser half of bench:proofing: the story editor's extensions with and without the 审校 plugin,
// holding the 20,000-character story, bundled for Chromium (esbuild). The page records, for each key
// typed, the time from its input event to the frame after the editor applied it, and how long a whole check takes.
import { Editor } from '@tiptap/core';

import { findBodyHits, PROOFING_PLUGIN_KEY, proofingPlugin } from '../../../components/editor/proofing-plugin';
import { contentExtensions } from '../../../lib/content/extensions';
import { ProofingLists } from '../../../lib/proofing/check';
import type { ProofingEntry } from '../../../lib/proofing/kinds';

type Bench = { latencies: number[]; checks: number[]; hits: number; ready: boolean };
declare global {
  interface Window {
    bench: Bench;
    startBench: (paragraphs: string[], entries: ProofingEntry[] | null) => void;
  }
}

window.bench = { latencies: [], checks: [], hits: 0, ready: false };
window.startBench = (paragraphs, entries) => {
  const element = document.getElementById('editor')!;
  const editor = new Editor({
    element,
    extensions: contentExtensions(),
    content: {
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
  });
  if (entries) {
    const lists = new ProofingLists(entries);
    editor.registerPlugin(proofingPlugin(lists, () => new Set()));
    window.bench.hits = PROOFING_PLUGIN_KEY.getState(editor.state)?.hits.length ?? 0;
    // One whole check of the story, as the plugin runs it after typing stops.
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      findBodyHits(editor.state.doc, lists, new Set());
      window.bench.checks.push(performance.now() - started);
    }
  }
  // beforeinput, not keydown: Chinese text arrives as insertText (an IME, or Playwright typing it),
  // which fires no key events.
  let keyAt = 0;
  element.addEventListener('beforeinput', () => (keyAt = performance.now()), true);
  editor.on('transaction', ({ transaction }) => {
    if (!transaction.docChanged || !keyAt) return;
    const at = keyAt;
    keyAt = 0;
    requestAnimationFrame(() => window.bench.latencies.push(performance.now() - at));
  });
  editor.commands.focus('end');
  window.bench.ready = true;
};
