import type { ArticleCard } from '@/lib/reader/types';

/** A page's stories in page order: 引题 above, 主题 as the headline, 副题 below, then the opening. */
export function ArticleList({ stories }: { stories: ArticleCard[] }) {
  if (stories.length === 0)
    return <p className="py-10 text-center text-stone-600 dark:text-stone-400">本版暂无可阅读的稿件。</p>;
  return (
    // A container: beside a 版面 page image the list is a narrow column, and the cover floats beside the
    // text only where the list itself is wide enough (32rem) to leave the text a readable measure.
    <ol className="@container divide-y divide-stone-300 dark:divide-stone-700">
      {stories.map((story) => (
        <li key={story.slug} className="py-5">
          <article>
            {story.cover ? (
              // The card's picture repeats the headline's link; it is decorative for screen readers.
              // eslint-disable-next-line @next/next/no-img-element -- web sizes are made once at upload (lib/media/store.ts)
              <img
                src={story.cover.src}
                width={story.cover.width}
                height={story.cover.height}
                alt=""
                loading="lazy"
                decoding="async"
                className="mb-3 aspect-[3/2] w-full rounded object-cover @lg:float-right @lg:mb-1 @lg:ml-4 @lg:w-48"
              />
            ) : null}
            {story.kicker ? <p className="text-sm text-stone-600 dark:text-stone-400">{story.kicker}</p> : null}
            <h3 className="font-serif text-2xl font-bold leading-snug" data-testid="list-headline">
              <a href={story.href ?? `/articles/${story.slug}`} className="hover:underline">
                {story.continuedFrom ? (
                  <span className="mr-1 text-base font-normal">（上接第{story.continuedFrom}版）</span>
                ) : null}
                {story.headline}
              </a>
            </h3>
            {story.subheadline ? (
              <p className="mt-1 text-lg text-stone-700 dark:text-stone-300">{story.subheadline}</p>
            ) : null}
            {story.continuedFrom ? null : <p className="mt-2 text-stone-700 dark:text-stone-300">{story.teaser}</p>}
            {story.continuesOn.length ? (
              <p className="mt-1 text-sm text-stone-500">
                （下转{story.continuesOn.map((n) => `第${n}版`).join('、')}）
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
