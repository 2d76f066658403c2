// 审校 in the review panel: the open hits per level, as the server checks them at every sign-off; 忽略
// (with a reason) for 提示 and 警告; and, when 签发 waits on a 禁止-level hit, the chief editor's
// override with a reason (lib/proofing/gate.ts).
import { ActionForm } from '@/components/ui/action-form';
import { ignoreProofingHitAction } from '@/lib/proofing/actions';
import { PROOFING_LEVEL_LABELS, type ProofingLevel } from '@/lib/proofing/kinds';
import { overrideProofingSignoffAction } from '@/lib/workflow/actions';
import type { WorkflowPanel } from '@/lib/workflow/queries';

import { NoteField } from './note-field';

const ORDER: ProofingLevel[] = ['BLOCK', 'WARN', 'HINT'];
const TONE: Record<ProofingLevel, string> = {
  BLOCK: 'border-red-600 text-red-800 dark:text-red-300',
  WARN: 'border-amber-500 text-amber-800 dark:text-amber-300',
  HINT: 'border-sky-500 text-sky-800 dark:text-sky-300',
};

export function ProofingReview({
  articleId,
  proofing,
  reviewing,
}: {
  articleId: string;
  proofing: WorkflowPanel['proofing'];
  /** The person signs the pending level now. */
  reviewing: boolean;
}) {
  const total = proofing.hits.length;
  return (
    <section aria-labelledby="proofing-heading" className="space-y-2" data-testid="proofing-review">
      <h3 id="proofing-heading" className="font-semibold">
        审校
      </h3>
      <p className="text-sm" data-testid="proofing-counts">
        {total
          ? ORDER.map((level) => `${PROOFING_LEVEL_LABELS[level]} ${proofing.counts[level]}`).join(' · ')
          : '没有发现错敏问题。'}
      </p>
      {total ? (
        <ul className="space-y-2 text-sm">
          {ORDER.flatMap((level) => proofing.hits.filter((hit) => hit.level === level)).map((hit, index) => (
            <li key={`${hit.key}:${index}`} className={`border-l-4 pl-2 ${TONE[hit.level]}`}>
              <p>
                <span className="font-medium">［{PROOFING_LEVEL_LABELS[hit.level]}］</span>
                {hit.label}：“{hit.text}” {hit.message}
              </p>
              {hit.ignorable ? (
                <details className="mt-1">
                  <summary className="cursor-pointer underline">忽略</summary>
                  <ActionForm action={ignoreProofingHitAction} submitLabel="确认忽略" variant="secondary">
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="key" value={hit.key} />
                    <NoteField id={`ignore-${index}`} name="reason" label="忽略理由（必填，会记录）" required />
                  </ActionForm>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {reviewing && proofing.atFinal && proofing.counts.BLOCK > 0 ? (
        proofing.mayOverride ? (
          <ActionForm action={overrideProofingSignoffAction} submitLabel="写明理由后签发" variant="danger">
            <input type="hidden" name="articleId" value={articleId} />
            <NoteField
              id="proofing-override"
              name="reason"
              label="放行“禁止”级问题的理由（必填，记入审签记录）"
              required
            />
          </ActionForm>
        ) : (
          <p role="note" className="text-sm text-red-700 dark:text-red-400">
            有“禁止”级问题未处理，签发需总编写明理由放行。
          </p>
        )
      ) : null}
    </section>
  );
}
