import { SearchResults } from '@/components/search/search-results';
import { pageParam } from '@/components/ui/pager';
import { requirePageUser } from '@/lib/auth/require-user';
import { searchForNewsroom } from '@/lib/search/queries';
import { cleanQuery } from '@/lib/search/search';

export const metadata = { title: '搜索稿件' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsroomSearchPage({ searchParams }: Props) {
  await requirePageUser('newsroom:enter', '/newsroom/search');
  const params = await searchParams;
  const q = cleanQuery((Array.isArray(params.q) ? params.q[0] : params.q) ?? '');
  const result = q ? await searchForNewsroom(q, pageParam(params.page)) : null;
  return (
    <div>
      <h1 className="text-2xl font-bold">搜索稿件</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">包括草稿和待审稿件；记者只能搜到自己的稿件。</p>
      {q ? null : <p className="mt-4">请在上方搜索框输入关键词。</p>}
      {result ? (
        <SearchResults
          result={result}
          href={(page) => `/newsroom/search?${new URLSearchParams({ q, page: String(page) })}`}
          linkFor={(hit) => (hit.published ? `/articles/${hit.slug}` : null)}
        />
      ) : null}
    </div>
  );
}
