import type { Metadata } from 'next';

import { SearchResults } from '@/components/search/search-results';
import { buttonClass } from '@/components/ui/button-class';
import { pageParam } from '@/components/ui/pager';
import { searchArticles } from '@/lib/reader/queries';
import { dateRange } from '@/lib/search/date-range';
import { cleanQuery } from '@/lib/search/search';

export const metadata: Metadata = { title: '搜索', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = cleanQuery(one(params.q) ?? '');
  const from = one(params.from);
  const to = one(params.to);
  const page = pageParam(params.page);
  const range = dateRange(from, to);
  const result = q && !range.error ? await searchArticles({ q, from: range.from, to: range.to, page }) : null;
  const href = (target: number) =>
    `/search?${new URLSearchParams({ q, ...(from ? { from } : {}), ...(to ? { to } : {}), page: String(target) })}`;
  // An outline whenever the focus is in the field: a date field's own focus mark is only its highlighted
  // part (year, month, day), and its calendar button is inside it (the field is then :focus-within only).
  const input =
    'mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-sky-700 dark:bg-stone-900';
  return (
    <main id="main">
      <h1 className="text-2xl font-bold">搜索</h1>
      <form role="search" action="/search" className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <div>
          <label htmlFor="q" className="block text-sm">
            关键词
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            className={input}
            placeholder="例如：大禹鼎"
          />
        </div>
        <div>
          <label htmlFor="from" className="block text-sm">
            从
          </label>
          <input id="from" name="from" type="date" defaultValue={from} className={input} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm">
            到
          </label>
          <input id="to" name="to" type="date" defaultValue={to} className={input} />
        </div>
        <button type="submit" className={buttonClass()}>
          搜索
        </button>
      </form>
      {range.error ? (
        <p role="alert" className="mt-4 text-red-700 dark:text-red-400">
          {range.error}
        </p>
      ) : null}
      {result ? <SearchResults result={result} href={href} linkFor={(hit) => `/articles/${hit.slug}`} /> : null}
    </main>
  );
}
