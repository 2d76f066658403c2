import type { WorkflowPanel } from '@/lib/workflow/queries';
import { formatDateTime } from '@/lib/dates/format';

/** Every sign-off and return, including the ones a later change voided (struck through). */
export function SignoffHistory({ signoffs }: { signoffs: WorkflowPanel['signoffs'] }) {
  if (signoffs.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">还没有审签记录。</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label="审签记录">
      {signoffs.map((s) => (
        <li key={s.id} className={s.cleared ? 'text-stone-500 line-through' : ''}>
          {formatDateTime(new Date(s.createdAt))} · {s.levelName} · {s.reviewer} · {s.decision === 'APPROVE' ? '通过' : '退回'}
          {s.comment ? `：${s.comment}` : ''}
          {s.cleared ? <span className="sr-only">（稿件修改后作废）</span> : null}
          {s.cleared ? <span aria-hidden className="ml-1 no-underline">（修改后作废）</span> : null}
        </li>
      ))}
    </ol>
  );
}
