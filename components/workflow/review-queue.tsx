import Link from 'next/link';
import type { QueueRow } from '@/lib/workflow/review-queue';
import { approveStoryAction, returnStoryAction } from '@/lib/workflow/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Pager } from '@/components/ui/pager';

type Props = { rows: QueueRow[]; page: number; pageCount: number; href: (page: number) => string };

/** Stories waiting at my level, oldest first; approve or return (with a reason) without leaving the list. */
export function ReviewQueue({ rows, page, pageCount, href }: Props) {
  if (rows.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">没有等你审核的稿件。</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">等待我审核的稿件，等待最久的在前</caption>
          <thead className="border-b border-stone-400">
            <tr><th className="py-1.5">标题</th><th>作者</th><th>字数</th><th>审级</th><th>已等待</th><th>操作</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-stone-200 align-top dark:border-stone-800" data-testid="queue-row">
                <td className="py-1.5"><Link href={`/newsroom/articles/${row.id}`} className="underline">{row.headline}</Link></td>
                <td>{row.author}</td>
                <td>{row.wordCount}</td>
                <td>{row.level}</td>
                <td><time dateTime={row.waitingSince}>{row.waiting}</time></td>
                <td className="space-y-1 py-1.5">
                  <ActionForm action={approveStoryAction} submitLabel={`${row.level}通过`} className="flex gap-2">
                    <input type="hidden" name="articleId" value={row.id} />
                  </ActionForm>
                  <ActionForm action={returnStoryAction} submitLabel="退回" variant="secondary" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="articleId" value={row.id} />
                    <label className="text-xs">退回原因
                      <input name="comment" required maxLength={2000} className="ml-1 w-40 rounded border border-stone-400 bg-white px-1 py-0.5 dark:bg-stone-900" />
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
