import Link from 'next/link';

import { ArticleBody } from '@/components/public/article-view';
import { getArticlePreview } from '@/lib/articles/queries';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';

export const metadata = { title: '预览', robots: { index: false } };

/** Exactly what readers will get: the reader's article component and the same server renderer. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}/preview`;
  await requirePageUser('newsroom:enter', path);
  const article = await orPageDenied(getArticlePreview(id), path);
  return (
    <div className="reader mx-auto max-w-3xl">
      <p role="note" className="mb-4 rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
        预览：这是读者将看到的样子（当前保存的内容）。
        <Link href={`/newsroom/articles/${id}/history`} className="ml-2 underline">
          历史版本
        </Link>
        <Link href={`/newsroom/articles/${id}/live`} className="ml-2 underline">
          实时查看
        </Link>
      </p>
      <ArticleBody article={article} />
    </div>
  );
}
