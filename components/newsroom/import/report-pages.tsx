'use client';

// The imported PDF's pages on the report: each page's image with the stories' areas outlined and the
// regions the importer is unsure of highlighted and numbered, the same numbers listed under it with
// what is in doubt (so a screen reader gets them as text). The regions follow the draft as it is
// edited (unsure-regions.ts).
import type { ImportDraft } from '@/lib/importer/draft';
import { unsureRegions, type ReportPage } from '@/lib/importer/unsure-regions';

type Props = { draft: ImportDraft; pages: ReportPage[]; error: string | null };

const place = (rect: { x: number; y: number; w: number; h: number }) => ({
  left: `${rect.x * 100}%`,
  top: `${rect.y * 100}%`,
  width: `${rect.w * 100}%`,
  height: `${rect.h * 100}%`,
});

export function ReportPages({ draft, pages, error }: Props) {
  if (!pages.length) return null;
  const regions = unsureRegions(draft, pages);
  return (
    <section aria-labelledby="report-pages-heading" className="space-y-2">
      <h3 id="report-pages-heading" className="font-semibold">
        版面（PDF 每页的稿件区域，标黄编号处待核对）
      </h3>
      {error ? <p className="text-sm text-amber-800 dark:text-amber-300">没有版面图片：{error}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {pages.map((page) => {
          const own = regions.filter((region) => region.pdfPage === page.number);
          const number = (key: string) => regions.findIndex((region) => region.key === key) + 1;
          return (
            <figure key={page.number} data-testid={`report-page-${page.number}`} className="min-w-0 space-y-1">
              <div className="relative border border-stone-300 dark:border-stone-700">
                {page.image ? (
                  // A data URL made for this report: next/image has nothing to optimise.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={page.image} alt={`PDF 第${page.number}页`} className="block h-auto w-full" />
                ) : (
                  <div className="aspect-[1/1.414] w-full bg-stone-100 dark:bg-stone-800" />
                )}
                {draft.stories.flatMap((story, index) =>
                  story.areas
                    .filter((area) => area.pdfPage === page.number)
                    .flatMap((area) =>
                      area.rects.map((rect, at) => (
                        <div
                          key={`${story.key}-${at}`}
                          title={`稿件${index + 1}：${story.fields.headline}`}
                          className="pointer-events-none absolute border border-sky-600/70"
                          style={place(rect)}
                        />
                      )),
                    ),
                )}
                {own.flatMap((region) =>
                  region.rects.map((rect, at) => (
                    <div
                      key={`${region.key}-${at}`}
                      data-testid="unsure-region"
                      title={region.label}
                      className="pointer-events-none absolute bg-amber-300/40 ring-2 ring-amber-500"
                      style={place(rect)}
                    >
                      {at === 0 ? (
                        <span
                          aria-hidden="true"
                          className="absolute -top-2 -left-2 rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-black"
                        >
                          {number(region.key)}
                        </span>
                      ) : null}
                    </div>
                  )),
                )}
              </div>
              <figcaption className="text-sm">
                PDF 第{page.number}页{own.length ? `：${own.length}处待核对` : ''}
                {own.length ? (
                  <ol aria-label={`PDF 第${page.number}页待核对区域`} className="mt-1 space-y-0.5">
                    {own.map((region) => (
                      <li key={region.key} className="text-amber-800 dark:text-amber-300">
                        {number(region.key)}. {region.label}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </figcaption>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
