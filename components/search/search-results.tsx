import Link from 'next/link';

import { Pager } from '@/components/ui/pager';
import { formatReaderDate } from '@/lib/dates/reader-date';
import type { SearchResult } from '@/lib/search/search';

type Props = {
  result: SearchResult;
  href: (page: number) => string;
  linkFor: (hit: SearchResult['hits'][number]) => string | null;
};

/** Ranked hits with highlighted snippets (the snippet HTML is escaped text plus <mark>, see lib/search/snippet.ts). */
export function SearchResults({ result, href, linkFor }: Props) {
  if (result.hits.length === 0)
    return <p className="mt-6 text-stone-600 dark:text-stone-400">没有找到相关稿件。换个词试试，或放宽日期范围。</p>;
  return (
    <>
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        找到 {result.capped ? `${result.total} 篇以上` : `${result.total} 篇`}稿件
      </p>
      <ol className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
        {result.hits.map((hit) => {
          const link = linkFor(hit);
          return (
            <li key={hit.articleId} className="py-4">
              {hit.kicker ? <p className="text-sm text-stone-600 dark:text-stone-400">{hit.kicker}</p> : null}
              <h2 className="text-lg font-bold">
                {link ? (
                  <Link href={link} className="hover:underline">
                    {hit.headline}
                  </Link>
                ) : (
                  hit.headline
                )}
              </h2>
              <p
                className="search-snippet mt-1 text-stone-700 dark:text-stone-300"
                dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
              />
              {hit.published ? <p className="mt-1 text-xs text-stone-500">{formatReaderDate(hit.published)}</p> : null}
            </li>
          );
        })}
      </ol>
      <Pager page={result.page} pageCount={Math.max(1, Math.ceil(result.total / result.pageSize))} href={href} />
    </>
  );
}
