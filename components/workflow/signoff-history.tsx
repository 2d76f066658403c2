import { formatDateTime } from '@/lib/dates/format';
import type { WorkflowPanel } from '@/lib/workflow/queries';

type Entry = { id: string; at: string; text: string; cleared: boolean };

function entries(signoffs: WorkflowPanel['signoffs'], resets: WorkflowPanel['resets']): Entry[] {
  const signed = signoffs.map((s) => ({
    id: s.id,
    at: s.createdAt,
    cleared: s.cleared,
    text:
      `${s.levelName} · ${s.reviewer} · ${s.decision === 'APPROVE' ? '通过' : '退回'}${s.comment ? `：${s.comment}` : ''}` +
      (s.proofingOverride ? ` · 审校放行（“禁止”级问题）：${s.proofingOverride}` : ''),
  }));
  const reset = resets.map((r) => ({
    id: r.id,
    at: r.createdAt,
    cleared: false,
    text: `${r.actor} 修改了稿件，从${r.levelName}起重新审核`,
  }));
  return [...signed, ...reset].sort((a, b) => a.at.localeCompare(b.at));
}

/** Every sign-off and return, and every change that voided sign-offs (those are struck through). */
export function SignoffHistory({
  signoffs,
  resets,
}: {
  signoffs: WorkflowPanel['signoffs'];
  resets: WorkflowPanel['resets'];
}) {
  const list = entries(signoffs, resets);
  if (list.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">还没有审签记录。</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label="审签记录">
      {list.map((entry) => (
        <li key={entry.id}>
          <span className={entry.cleared ? 'text-stone-500 line-through' : ''}>
            {formatDateTime(new Date(entry.at))} · {entry.text}
          </span>
          {entry.cleared ? <span className="ml-1 text-stone-500">（修改后作废）</span> : null}
        </li>
      ))}
    </ol>
  );
}
