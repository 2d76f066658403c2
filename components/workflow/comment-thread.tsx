import { ActionForm } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/dates/format';
import { addCommentAction } from '@/lib/workflow/actions';
import type { WorkflowPanel } from '@/lib/workflow/queries';

import { NoteField } from './note-field';

/** Editorial comments, oldest first; never shown to readers. */
export function CommentThread({ articleId, comments }: { articleId: string; comments: WorkflowPanel['comments'] }) {
  return (
    <section
      aria-labelledby="comments-heading"
      className="space-y-3 rounded border border-stone-300 p-4 dark:border-stone-700"
    >
      <h2 id="comments-heading" className="text-lg font-semibold">
        编辑部意见（不公开）
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">还没有意见。</p>
      ) : (
        <ol className="space-y-2" aria-label="意见">
          {comments.map((c) => (
            <li key={c.id} className="text-sm">
              <p className="text-stone-600 dark:text-stone-400">
                {c.author} · {formatDateTime(new Date(c.createdAt))}
              </p>
              <p className="whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <ActionForm action={addCommentAction} submitLabel="发表意见">
        <input type="hidden" name="articleId" value={articleId} />
        <NoteField id="comment-body" name="body" label="写下意见" required />
      </ActionForm>
    </section>
  );
}
