import { PageScan, PageThumbs } from '@/components/epaper/page-scan';
import type { EpaperPageView } from '@/lib/epaper/reader';
import { pageLabel } from '@/lib/reader/page-names';
import type { IssuePageView } from '@/lib/reader/types';

import { ArticleList } from './article-list';
import { Masthead } from './masthead';
import { PageTabs } from './page-tabs';

/** One page of one issue, as on the front page and under /issues/N/pages/M. */
/** With `epaper` (the page's printed image) the page shows it beside its story list. */
export function IssuePage({
  view,
  pageHref,
  epaper,
}: {
  view: IssuePageView;
  pageHref?: (page: number) => string;
  epaper?: EpaperPageView | null;
}) {
  const { issue, page, pages } = view;
  const hrefOf = pageHref ?? ((n: number) => `/issues/${issue.number}/pages/${n}`);
  const previousPage = pages.find((p) => p.number === page.number - 1);
  const nextPage = pages.find((p) => p.number === page.number + 1);
  return (
    <>
      <Masthead publication={view.publication} issue={issue} />
      <div className="mt-4">
        <PageTabs issueNumber={issue.number} pages={pages} current={page.number} pageHref={hrefOf} />
      </div>
      <main id="main">
        <section aria-labelledby="page-heading">
          <h2
            id="page-heading"
            className="mt-4 text-sm font-semibold tracking-widest text-stone-600 dark:text-stone-400"
          >
            第{issue.number}期 · {pageLabel(page)}
          </h2>
          {epaper?.image ? (
            <div className="epaper-spread mt-2 space-y-3">
              {/* The story list comes first in the page's order (a phone shows it above the image, and
                  keyboard and screen-reader order match what is seen); from 1,024 px it is a column of
                  its own (at least 18rem: a headline of the sample issue fits on one or two lines) beside
                  the page image, which takes the rest up to 56rem (the layout widens for it). */}
              <div className="grid gap-6 lg:grid-cols-[minmax(18rem,1fr)_minmax(0,56rem)]">
                <ArticleList stories={view.stories} />
                <PageScan view={epaper} label={`第${issue.number}期 ${pageLabel(page)}`} />
              </div>
              {/* After the page and its stories (the page tabs above already flip pages): on a phone the
                  lazy thumbnails then load after the page image instead of competing with it. */}
              <PageThumbs view={epaper} hrefOf={hrefOf} />
            </div>
          ) : (
            <ArticleList stories={view.stories} />
          )}
        </section>
        <nav
          aria-label="翻页"
          className="mt-6 grid grid-cols-2 gap-4 border-t border-stone-300 pt-4 text-sm dark:border-stone-700 print:hidden"
        >
          <div>
            {previousPage ? (
              <a rel="prev" href={hrefOf(previousPage.number)} className="underline">
                ← 上一版：{pageLabel(previousPage)}
              </a>
            ) : null}
            {view.previousIssue ? (
              <p className="mt-2">
                <a href={`/issues/${view.previousIssue.number}`} className="underline">
                  « 上一期：第{view.previousIssue.number}期（{view.previousIssue.date}）
                </a>
              </p>
            ) : null}
          </div>
          <div className="text-right">
            {nextPage ? (
              <a rel="next" href={hrefOf(nextPage.number)} className="underline">
                下一版：{pageLabel(nextPage)} →
              </a>
            ) : null}
            {view.nextIssue ? (
              <p className="mt-2">
                <a href={`/issues/${view.nextIssue.number}`} className="underline">
                  下一期：第{view.nextIssue.number}期（{view.nextIssue.date}）»
                </a>
              </p>
            ) : null}
          </div>
        </nav>
      </main>
    </>
  );
}
