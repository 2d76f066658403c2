import { formatDateTime } from '@/lib/dates/format';
import { formatReaderDate } from '@/lib/dates/reader-date';
import type { ArticleView } from '@/lib/reader/types';

import { ReadAloud } from './read-aloud';

/**
 * A story as readers see it: 引题, 主题, 副题, dateline and byline, the body, where it appeared, corrections.
 * `readAloud`: the 朗读 controls under the headline (the reader's page; the newsroom preview leaves them out).
 */
export function ArticleBody({ article, readAloud = false }: { article: ArticleView; readAloud?: boolean }) {
  const { print } = article;
  return (
    <article className="story" aria-labelledby="story-headline">
      <header className="border-b border-stone-300 pb-4 dark:border-stone-700">
        {article.kicker ? <p className="text-base text-stone-600 dark:text-stone-400">{article.kicker}</p> : null}
        <h1 id="story-headline" className="font-serif text-3xl font-bold leading-snug sm:text-4xl">
          {article.headline}
        </h1>
        {article.subheadline ? (
          <p className="mt-2 text-xl text-stone-700 dark:text-stone-300">{article.subheadline}</p>
        ) : null}
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          {print ? (
            <>
              刊于
              <a className="underline" href={`/issues/${print.issue.number}`}>
                第{print.issue.number}期
              </a>{' '}
              {print.pages.map((page, index) => (
                <span key={page}>
                  {index > 0 ? '、' : ''}
                  <a className="underline" href={`/issues/${print.issue.number}/pages/${page}`}>
                    第{page}版
                  </a>
                </span>
              ))}
              {' · '}
            </>
          ) : null}
          <time dateTime={article.published.at}>{formatReaderDate(article.published)}</time>
        </p>
        {readAloud ? <ReadAloud /> : null}
      </header>
      {article.cover ? (
        <figure className="story-cover mt-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- web sizes are made once at upload (lib/media/store.ts) */}
          <img
            src={article.cover.src}
            srcSet={`${article.cover.src} ${article.cover.width}w, ${article.cover.large} ${article.cover.largeWidth}w`}
            sizes="(min-width: 48rem) 46rem, 100vw"
            width={article.cover.width}
            height={article.cover.height}
            alt={article.cover.alt}
            fetchPriority="high"
            className="h-auto w-full rounded"
          />
          {article.cover.caption ? (
            <figcaption className="mt-1 text-sm text-stone-600 dark:text-stone-400">{article.cover.caption}</figcaption>
          ) : null}
        </figure>
      ) : null}
      {article.dateline || article.byline ? (
        <p className="story-byline mt-4 text-stone-700 dark:text-stone-300">
          {article.dateline
            ? `${article.dateline}（${article.byline ?? ''}）`.replace('（）', '')
            : `■${article.byline}`}
        </p>
      ) : null}
      <div className="story-body mt-2" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {print && print.pages.length > 1 ? (
        <p className="mt-4 text-sm text-stone-500">
          本文在印刷版中由第{print.pages[0]}版转至第{print.pages.slice(1).join('、')}版，网络版为全文。
        </p>
      ) : null}
      {article.corrections.length ? (
        <section
          aria-labelledby="corrections-heading"
          className="mt-8 rounded border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
        >
          <h2 id="corrections-heading" className="font-semibold">
            更正
          </h2>
          <ul className="mt-2 space-y-2">
            {article.corrections.map((correction) => (
              <li key={correction.createdAt}>
                <time dateTime={correction.createdAt} className="mr-2 text-sm text-stone-600 dark:text-stone-400">
                  {formatDateTime(new Date(correction.createdAt))}
                </time>
                {correction.note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {article.previousOnPage || article.nextOnPage ? (
        <nav
          aria-label="同版稿件"
          className="mt-10 grid gap-4 border-t border-stone-300 pt-4 text-sm sm:grid-cols-2 dark:border-stone-700 print:hidden"
        >
          <div>
            {article.previousOnPage ? (
              <a rel="prev" className="underline" href={`/articles/${article.previousOnPage.slug}`}>
                ← 上一篇：{article.previousOnPage.headline}
              </a>
            ) : null}
          </div>
          <div className="sm:text-right">
            {article.nextOnPage ? (
              <a rel="next" className="underline" href={`/articles/${article.nextOnPage.slug}`}>
                下一篇：{article.nextOnPage.headline} →
              </a>
            ) : null}
          </div>
        </nav>
      ) : null}
    </article>
  );
}
