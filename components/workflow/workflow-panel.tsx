import Link from 'next/link';

import { ActionForm } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/dates/format';
import {
  approveArticleAction,
  correctArticleAction,
  publishArticleAction,
  retractArticleAction,
  returnArticleAction,
  submitArticleAction,
  unscheduleArticleAction,
} from '@/lib/workflow/actions';
import type { WorkflowPanel as Panel } from '@/lib/workflow/queries';

import { NoteField } from './note-field';
import { ProofingReview } from './proofing-review';
import { ScheduleFields } from './schedule-fields';
import { SignoffHistory } from './signoff-history';

function ArticleId({ id }: { id: string }) {
  return <input type="hidden" name="articleId" value={id} />;
}

function publicationLine(panel: Panel): string | null {
  if (panel.retractedAt) return `已于 ${formatDateTime(panel.retractedAt)} 撤稿`;
  if (!panel.live || !panel.publishAt) return null;
  // The status already says 定时 and the time; this line says what that means.
  return panel.visible ? `读者可见，发布于 ${formatDateTime(panel.publishAt)}` : '时间为北京时间，到时读者自动可见';
}

/** 三审 progress, the steps this person may take now, and the sign-off history. */
export function WorkflowPanel({ articleId, panel }: { articleId: string; panel: Panel }) {
  const { offers } = panel;
  const line = publicationLine(panel);
  return (
    <section
      aria-labelledby="workflow-heading"
      className="space-y-4 rounded border border-stone-300 p-4 dark:border-stone-700"
    >
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id="workflow-heading" className="text-lg font-semibold">
          审签与发布
        </h2>
        <p data-testid="workflow-status">状态：{panel.statusLabel}</p>
        {line ? (
          <p data-testid="publication-line" className="text-sm text-stone-600 dark:text-stone-400">
            {line}
          </p>
        ) : null}
        {panel.visible || panel.retractedAt ? (
          <a className="text-sm underline" href={`/articles/${panel.slug}`} target="_blank" rel="noopener">
            在网站上查看
          </a>
        ) : null}
      </div>
      <ol aria-label="三审进度" className="flex flex-wrap gap-2 text-sm">
        {panel.levels.map((level) => (
          <li
            key={level.level}
            className={`rounded border px-2 py-0.5 ${level.done ? 'border-green-600 bg-green-50 dark:bg-green-950' : 'border-stone-400'}`}
          >
            {level.name}
            {level.done ? ' ✓' : ''}
            <span className="sr-only">{level.done ? '（已签）' : '（未签）'}</span>
          </li>
        ))}
      </ol>
      {panel.live && panel.status !== 'PUBLISHED' && panel.status !== 'RETRACTED' ? (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950">
          读者目前看到的是上次发布的版本；这次修改签发并发布后才会公开。
        </p>
      ) : null}
      {panel.blockers.length ? (
        <p role="note" className="text-sm text-red-700 dark:text-red-400">
          发布前需要处理：{panel.blockers.join('；')}
        </p>
      ) : null}

      <ProofingReview articleId={articleId} proofing={panel.proofing} reviewing={offers.review} />

      {offers.submit ? (
        <ActionForm action={submitArticleAction} submitLabel="提交审核" successText="已提交审核">
          <ArticleId id={articleId} />
        </ActionForm>
      ) : null}
      {offers.review ? (
        <div className="space-y-3">
          <p className="text-xs text-stone-500">作者不能审核自己的稿件；同一人不能签同一稿件的两个审级。</p>
          <ActionForm action={approveArticleAction} submitLabel={`${panel.pendingLevelName}通过`}>
            <ArticleId id={articleId} />
            <NoteField id="approve-comment" name="comment" label="审核意见（可不填）" />
          </ActionForm>
          <ActionForm action={returnArticleAction} submitLabel="退回修改" variant="secondary">
            <ArticleId id={articleId} />
            <NoteField id="return-comment" name="comment" label="退回原因（必填）" />
          </ActionForm>
        </div>
      ) : null}
      {offers.returnApproved ? (
        <ActionForm action={returnArticleAction} submitLabel="撤回签发并退回" variant="secondary">
          <ArticleId id={articleId} />
          <NoteField id="return-approved-comment" name="comment" label="退回原因（必填）" />
        </ActionForm>
      ) : null}
      {offers.publishUpdate ? (
        <ActionForm action={publishArticleAction} submitLabel="发布更新" successText="更新已发布">
          <ArticleId id={articleId} />
        </ActionForm>
      ) : offers.publish ? (
        <ActionForm action={publishArticleAction} submitLabel="发布" successText="已发布或已定时">
          <ArticleId id={articleId} />
          <ScheduleFields idPrefix="publish" />
        </ActionForm>
      ) : null}
      {offers.reschedule ? (
        <div className="space-y-2">
          <ActionForm action={publishArticleAction} submitLabel="改期" successText="已改期">
            <ArticleId id={articleId} />
            <ScheduleFields idPrefix="reschedule" scheduleOnly current={panel.publishAt} />
          </ActionForm>
          <ActionForm
            action={unscheduleArticleAction}
            submitLabel="取消定时"
            variant="secondary"
            successText="已取消定时"
          >
            <ArticleId id={articleId} />
          </ActionForm>
        </div>
      ) : null}
      {panel.inIssue ? (
        <p className="text-sm">
          这篇稿件排在{' '}
          <Link className="underline" href={`/newsroom/issues/${panel.inIssue}`}>
            第{panel.inIssue}期
          </Link>
          ，随期次发布。
        </p>
      ) : null}
      {offers.correct ? (
        <ActionForm action={correctArticleAction} submitLabel="追加更正" successText="更正已公开">
          <ArticleId id={articleId} />
          <NoteField id="correction-note" name="note" label="更正内容（读者可见，注明日期）" required />
        </ActionForm>
      ) : null}
      {offers.retract ? (
        <ActionForm
          action={retractArticleAction}
          submitLabel="撤稿"
          variant="danger"
          confirmText="撤稿后读者只能看到撤稿声明，稿件从列表、订阅、搜索和网站地图中移除。确定撤稿？"
        >
          <ArticleId id={articleId} />
          <NoteField id="retraction-note" name="note" label="撤稿声明（读者可见）" required />
        </ActionForm>
      ) : null}
      {panel.retractionNote ? <p className="text-sm">撤稿声明：{panel.retractionNote}</p> : null}
      {panel.corrections.length ? (
        <div>
          <h3 className="font-semibold">更正</h3>
          <ul className="text-sm">
            {panel.corrections.map((c) => (
              <li key={c.id}>
                {formatDateTime(new Date(c.createdAt))}：{c.note}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">审签记录</h3>
        <SignoffHistory signoffs={panel.signoffs} resets={panel.resets} />
      </div>
    </section>
  );
}
