import type { Metadata } from 'next';

import { getArchiveMonths } from '@/lib/reader/queries';

export const metadata: Metadata = { title: '往期', alternates: { canonical: '/archive' } };

export default async function ArchivePage() {
  const months = await getArchiveMonths();
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <main id="main">
      <h1 className="text-2xl font-bold">往期</h1>
      {years.length === 0 ? <p className="mt-6 text-stone-600">还没有出版的报纸。</p> : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mt-6">
          <h2 id={`year-${year}`} className="text-lg font-semibold">
            {year}年
          </h2>
          <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-6">
            {months
              .filter((m) => m.year === year)
              .sort((a, b) => a.month - b.month)
              .map((m) => (
                <li key={m.month}>
                  <a
                    href={`/archive/${year}/${m.month}`}
                    className="block rounded border border-stone-300 px-2 py-1 text-center hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
                  >
                    {m.month}月 <span className="text-xs text-stone-500">{m.count}期</span>
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
