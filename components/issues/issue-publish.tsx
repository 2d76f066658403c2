import { ActionForm } from '@/components/ui/action-form';
import { ScheduleFields } from '@/components/workflow/schedule-fields';
import { formatDateTime } from '@/lib/dates/format';
import { publishIssueAction, unscheduleIssueAction } from '@/lib/issues/actions';
import type { IssuePlanner } from '@/lib/issues/queries';

/** What blocks the issue, then publish now / schedule; a scheduled issue can be moved or taken back. */
export function IssuePublish({ planner, canPublish }: { planner: IssuePlanner; canPublish: boolean }) {
  const issueId = <input type="hidden" name="issueId" value={planner.id} />;
  if (planner.state === 'published') {
    return (
      <p data-testid="issue-state">
        第{planner.number}期已于 {formatDateTime(new Date(planner.publishAt!))} 发布。
      </p>
    );
  }
  if (planner.state === 'scheduled') {
    return (
      <div className="space-y-3">
        <p data-testid="issue-state">
          第{planner.number}期定时于 {formatDateTime(new Date(planner.publishAt!))}（北京时间）发布，到时读者自动可见。
        </p>
        {canPublish ? (
          <>
            <ActionForm action={publishIssueAction} submitLabel="改期" successText="已改期">
              {issueId}
              <ScheduleFields idPrefix="issue-reschedule" scheduleOnly current={planner.publishAt} />
            </ActionForm>
            <ActionForm
              action={unscheduleIssueAction}
              submitLabel="取消定时"
              variant="secondary"
              successText="已取消定时，回到筹备中"
            >
              {issueId}
            </ActionForm>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p data-testid="issue-state">筹备中。</p>
      {planner.blockers.length ? (
        <div role="note" className="rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950">
          <p className="font-semibold">还不能发布，因为：</p>
          <ul className="list-inside list-disc" aria-label="发布阻碍">
            {planner.blockers.map((b, index) => (
              <li key={index}>
                {b.headline ? `《${b.headline}》：` : ''}
                {b.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-green-800 dark:text-green-300">所有稿件都已签发，可以发布。</p>
      )}
      {canPublish ? (
        <ActionForm action={publishIssueAction} submitLabel="发布本期" successText="已发布或已定时">
          {issueId}
          <ScheduleFields idPrefix="issue-publish" />
        </ActionForm>
      ) : null}
    </div>
  );
}
