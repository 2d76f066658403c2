import Link from 'next/link';

import { ChannelCells } from '@/components/channels/channel-cells';
import { Pager } from '@/components/ui/pager';
import { stackedCell, stackedHead, stackedLead, stackedRow, stackedTable } from '@/components/ui/stacked-table';
import type { ArticleRow } from '@/lib/articles/queries';
import { formatDateTime } from '@/lib/dates/format';
import { articleStateLabel } from '@/lib/workflow/article-label';

type Props = {
  caption: string;
  rows: ArticleRow[];
  page: number;
  pageCount: number;
  href: (page: number) => string;
  empty: string;
  showAuthor?: boolean;
  timeLabel?: string;
  /** Shows the 渠道 column: where each story stands on the publication's channels. */
  showChannels?: boolean;
};

export function ArticleTable({
  caption,
  rows,
  page,
  pageCount,
  href,
  empty,
  showAuthor,
  timeLabel = '更新',
  showChannels,
}: Props) {
  if (rows.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">{empty}</p>;
  const now = new Date();
  return (
    <>
      <div className="overflow-x-auto">
        <table className={`${stackedTable} sm:min-w-[32rem]`}>
          <caption className="sr-only">{caption}</caption>
          <thead className={stackedHead}>
            <tr>
              <th className="py-1.5">标题</th>
              <th>状态</th>
              {showAuthor ? <th>作者</th> : null}
              <th>字数</th>
              <th>{timeLabel}</th>
              {showChannels ? <th>渠道</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={stackedRow}>
                <td className={`py-1.5 max-sm:py-0 ${stackedLead}`}>
                  <Link href={`/newsroom/articles/${row.id}`} className="underline">
                    {row.headline}
                  </Link>
                </td>
                <td>{articleStateLabel(row, now)}</td>
                {showAuthor ? (
                  <td className={stackedCell} data-label="作者">
                    {row.author}
                  </td>
                ) : null}
                <td className={stackedCell} data-label="字数">
                  {row.wordCount}
                </td>
                <td className={stackedCell} data-label={timeLabel}>
                  {formatDateTime(new Date(timeLabel === '发布' && row.publishAt ? row.publishAt : row.updatedAt))}
                </td>
                {showChannels ? (
                  <td className={stackedCell} data-label="渠道">
                    <ChannelCells cells={row.channels ?? []} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageCount={pageCount} href={href} />
    </>
  );
}
