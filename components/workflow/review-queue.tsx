import Link from 'next/link';

import { ActionForm } from '@/components/ui/action-form';
import { Pager } from '@/components/ui/pager';
import { stackedCell, stackedHead, stackedLead, stackedRow, stackedTable } from '@/components/ui/stacked-table';
import { approveArticleAction, returnArticleAction } from '@/lib/workflow/actions';
import type { QueueRow } from '@/lib/workflow/review-queue';

type Props = { rows: QueueRow[]; page: number; pageCount: number; href: (page: number) => string };

/** Stories waiting at my level, oldest first; approve or return (with a reason) without leaving the list. */
export function ReviewQueue({ rows, page, pageCount, href }: Props) {
  if (rows.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">没有等你审核的稿件。</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className={`${stackedTable} sm:min-w-[48rem]`}>
          <caption className="sr-only">等待我审核的稿件，等待最久的在前</caption>
          <thead className={stackedHead}>
            <tr>
              <th className="py-1.5">标题</th>
              <th>作者</th>
              <th>字数</th>
              <th>审级</th>
              <th>已等待</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`${stackedRow} align-top`} data-testid="queue-row">
                <td className={`py-1.5 max-sm:py-0 ${stackedLead}`}>
                  <Link href={`/newsroom/articles/${row.id}`} className="underline">
                    {row.headline}
                  </Link>
                </td>
                <td className={stackedCell} data-label="作者">
                  {row.author}
                </td>
                <td className={stackedCell} data-label="字数">
                  {row.wordCount}
                </td>
                <td className={stackedCell} data-label="审级">
                  {row.level}
                </td>
                <td className={stackedCell} data-label="已等待">
                  <time dateTime={row.waitingSince}>{row.waiting}</time>
                </td>
                <td className={`space-y-1 py-1.5 ${stackedLead}`}>
                  <ActionForm action={approveArticleAction} submitLabel={`${row.level}通过`} className="flex gap-2">
                    <input type="hidden" name="articleId" value={row.id} />
                  </ActionForm>
                  <ActionForm
                    action={returnArticleAction}
                    submitLabel="退回"
                    variant="secondary"
                    className="flex flex-wrap items-end gap-2"
                  >
                    <input type="hidden" name="articleId" value={row.id} />
                    <label className="text-xs">
                      退回原因
                      <input
                        name="comment"
                        required
                        maxLength={2000}
                        className="ml-1 w-40 rounded border border-stone-400 bg-white px-1 py-0.5 dark:bg-stone-900"
                      />
                    </label>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageCount={pageCount} href={href} />
    </>
  );
}
