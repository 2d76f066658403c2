import { pageLabel } from '@/lib/reader/page-names';
import type { PageTab } from '@/lib/reader/types';

/** 第1版 … 第N版, like the page strip of the printed paper; the current page is marked for screen readers. */
export function PageTabs({
  issueNumber,
  pages,
  current,
  pageHref = (n) => `/issues/${issueNumber}/pages/${n}`,
}: {
  issueNumber: number;
  pages: PageTab[];
  current: number;
  pageHref?: (page: number) => string;
}) {
  return (
    // The tabs wrap onto a second row rather than scroll: a tab scrolled out of sight on a phone (or in
    // 长辈模式's larger type) is a page the reader does not know is there.
    <nav aria-label="版面" className="page-tabs">
      <ul className="flex flex-wrap gap-1 border-b border-stone-300 text-sm dark:border-stone-700">
        {pages.map((page) => {
          const active = page.number === current;
          return (
            <li key={page.number} className="shrink-0">
              <a
                href={pageHref(page.number)}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-t px-3 py-2 ${active ? 'bg-[var(--color-masthead)] font-semibold text-white' : 'hover:bg-stone-200 dark:hover:bg-stone-800'}`}
              >
                {pageLabel(page)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
