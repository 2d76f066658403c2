'use client';

// Under the body: the 审校 hits where the cursor is, with 替换 (the list's suggestion into the text)
// and 忽略 (a reason, recorded on the server; the entry is then not flagged in this story again).
// The one-line fields list their hits with the same line (collab/field-proofing.tsx).
import type { Editor } from '@tiptap/react';
import { useState } from 'react';

import { ignoreProofingHitAction } from '@/lib/proofing/actions';
import { canIgnore } from '@/lib/proofing/article-check';
import type { ProofingHit } from '@/lib/proofing/check';
import { isReplacement, PROOFING_LEVEL_LABELS } from '@/lib/proofing/kinds';

import { hitsAt } from './proofing-plugin';

export function ProofingBar({
  editor,
  articleId,
  editable,
  onIgnored,
}: {
  editor: Editor;
  articleId: string;
  editable: boolean;
  onIgnored: (key: string) => void;
}) {
  const hits = hitsAt(editor.state, editor.state.selection.head);
  if (!hits.length) return null;
  return (
    <div className="space-y-2 border-t border-stone-300 p-2 text-sm dark:border-stone-700" data-testid="proofing-bar">
      {hits.map((hit) => (
        <HitLine
          key={`${hit.key}:${hit.from}`}
          hit={hit}
          onReplace={() => editor.chain().focus().insertContentAt({ from: hit.from, to: hit.to }, hit.suggestion).run()}
          articleId={articleId}
          editable={editable}
          onIgnored={onIgnored}
        />
      ))}
    </div>
  );
}

/** One hit: its level, words and message, 替换 when the list gives words to write instead, 忽略 below 禁止. */
export function HitLine({
  hit,
  onReplace,
  articleId,
  editable,
  onIgnored,
}: {
  hit: ProofingHit;
  onReplace: () => void;
  articleId: string;
  editable: boolean;
  onIgnored: (key: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ignore = async () => {
    const form = new FormData();
    form.set('articleId', articleId);
    form.set('key', hit.key);
    form.set('reason', reason);
    const result = await ignoreProofingHitAction(null, form);
    if (result.ok) onIgnored(hit.key);
    else setError(result.error);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className={`proofing-label proofing-${hit.level.toLowerCase()}`}>
        ［{PROOFING_LEVEL_LABELS[hit.level]}］
      </span>
      <span>
        “{hit.text}” {hit.message}
      </span>
      {editable && isReplacement(hit.suggestion) ? (
        <button type="button" className="underline" onClick={onReplace}>
          替换为“{hit.suggestion}”
        </button>
      ) : null}
      {editable && canIgnore(hit.level) && !asking ? (
        <button type="button" className="underline" onClick={() => setAsking(true)}>
          忽略
        </button>
      ) : null}
      {asking ? (
        <span className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            忽略理由
            <input
              className="rounded border border-stone-400 bg-white px-1 dark:bg-stone-900"
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="button" className="underline" onClick={() => void ignore()}>
            确认忽略
          </button>
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
