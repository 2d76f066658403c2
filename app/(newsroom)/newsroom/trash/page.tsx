import Link from 'next/link';

import { ActionForm } from '@/components/ui/action-form';
import { pageParam, Pager } from '@/components/ui/pager';
import { restoreArticleAction } from '@/lib/articles/actions';
import { listTrash } from '@/lib/articles/queries';
import { requirePageUser } from '@/lib/auth/require-user';
import { formatDateTime } from '@/lib/dates/format';

export const metadata = { title: '回收站' };

export default async function TrashPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('article:restore', '/newsroom/trash');
  const params = await searchParams;
  const page = pageParam(params.page);
  const trash = await listTrash({ page });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">回收站</h1>
      {trash.rows.length === 0 ? (
        <p>回收站是空的。</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {trash.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                {row.headline}{' '}
                <span className="text-sm text-stone-500">
                  （{row.author}，{formatDateTime(new Date(row.updatedAt))}）
                </span>
              </span>
              <ActionForm action={restoreArticleAction} submitLabel="恢复" variant="secondary" successText="已恢复">
                <input type="hidden" name="articleId" value={row.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={trash.pageCount} href={(p) => `/newsroom/trash?page=${p}`} />
      <p>
        <Link href="/newsroom" className="text-sm underline">
          返回工作台
        </Link>
      </p>
    </div>
  );
}
