// A printed page as readers see it (版面): the page image with each story's area as a link over it
// (outlined on hover and focus, named by the headline, tabbed in reading order), zoomable on a phone.
import type { EpaperPageView } from '@/lib/epaper/reader';

import { ZoomFrame } from './zoom-frame';

const percent = (value: number) => `${(value * 100).toFixed(3)}%`;

export function PageScan({ view, label }: { view: EpaperPageView; label: string }) {
  const image = view.image!;
  return (
    <figure className="space-y-2" data-testid="page-scan">
      <ZoomFrame>
        {/* The browser picks the 800, 1200 or 2400 px image for the width it shows and the screen's density. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- page images are rendered once at upload (lib/epaper/render.ts) */}
        <img
          src={image.src}
          srcSet={`${image.small} 800w, ${image.src} 1200w, ${image.large} 2400w`}
          sizes="(min-width: 1024px) min(56rem, 100vw - 22rem), 100vw"
          width={image.width}
          height={image.height}
          alt={`${label}版面图`}
          className="block h-auto w-full select-none"
          fetchPriority="high"
          decoding="async"
          draggable={false}
        />
        {view.areas.map((area) =>
          area.rects.map((rect, index) => (
            // One story, several rectangles: only the first is in the tab order and the accessibility tree.
            <a
              key={`${area.slug}-${index}`}
              href={`/articles/${area.slug}`}
              aria-label={index === 0 ? area.headline : undefined}
              aria-hidden={index === 0 ? undefined : true}
              tabIndex={index === 0 ? undefined : -1}
              title={area.headline}
              data-testid="story-area"
              className="absolute rounded-sm outline-none transition-colors hover:bg-sky-500/15 hover:ring-2 hover:ring-sky-700 focus-visible:bg-sky-500/15 focus-visible:ring-4 focus-visible:ring-sky-700"
              style={{ left: percent(rect.x), top: percent(rect.y), width: percent(rect.w), height: percent(rect.h) }}
            />
          )),
        )}
      </ZoomFrame>
      <figcaption className="text-xs text-stone-600 dark:text-stone-400">
        点击版面上的稿件阅读全文；在手机上可双指缩放，或用“放大”按钮后拖动查看。
      </figcaption>
    </figure>
  );
}

export function PageThumbs({ view, hrefOf }: { view: EpaperPageView; hrefOf: (page: number) => string }) {
  return (
    <nav aria-label="本期版面缩略图" className="print:hidden">
      {/* Wrapping, not scrolling sideways: every page of the issue stays in sight. */}
      <ol className="flex flex-wrap gap-2 pb-2">
        {view.thumbs.map((thumb) => (
          <li key={thumb.number} className="shrink-0">
            <a
              href={hrefOf(thumb.number)}
              aria-current={thumb.number === view.pageNumber ? 'page' : undefined}
              className={`block w-20 rounded border p-1 text-center text-xs ${thumb.number === view.pageNumber ? 'border-sky-700 ring-2 ring-sky-700' : 'border-stone-300 dark:border-stone-700'}`}
            >
              {thumb.thumb ? (
                // eslint-disable-next-line @next/next/no-img-element -- rendered once at upload
                <img
                  src={thumb.thumb}
                  alt=""
                  width={240}
                  height={339}
                  loading="lazy"
                  decoding="async"
                  className="mb-1 h-auto w-full"
                />
              ) : (
                <span className="mb-1 flex aspect-[240/339] items-center justify-center bg-stone-100 dark:bg-stone-800">
                  无图
                </span>
              )}
              第{thumb.number}版{thumb.name ? ` ${thumb.name}` : ''}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
