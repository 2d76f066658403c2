import type { FrontPageStory } from '@/lib/issues/queries';

/** Page 1's stories in page order: 引题 above, 主题 as the headline, 副题 below. */
export function FrontPageStories({ stories }: { stories: FrontPageStory[] }) {
  if (stories.length === 0) return <p className="py-8 text-stone-600">本版暂无稿件。</p>;
  return (
    <ol className="divide-y divide-stone-300 dark:divide-stone-700">
      {stories.map((story) => (
        <li key={story.slug} className="py-5">
          <article>
            {story.kicker && <p className="text-sm text-stone-600 dark:text-stone-400">{story.kicker}</p>}
            <h2 className="font-serif text-2xl font-bold leading-snug">
              {story.isContinuation && <span className="mr-1 text-base font-normal">（上接）</span>}
              {story.headline}
            </h2>
            {story.subheadline && <p className="mt-1 text-lg text-stone-700 dark:text-stone-300">{story.subheadline}</p>}
          </article>
        </li>
      ))}
    </ol>
  );
}
