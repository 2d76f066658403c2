'use client';

import Link from 'next/link';

import type { PlannerArticle as Article } from '@/lib/issues/queries';

import type { PlannerActions } from './use-planner-actions';

type Props = {
  story: Article;
  index: number;
  count: number;
  page: number;
  pages: { number: number; label: string }[];
  actions: PlannerActions;
  locked: boolean;
  onDragStart: (articleId: string) => void;
};

/** A story card: amber until the story carries its final sign-off. */
export function cardClass(ready: boolean): string {
  return `rounded border p-2 text-sm ${ready ? 'border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900' : 'border-amber-500 bg-amber-50 dark:bg-amber-950'}`;
}

const small =
  'rounded border border-stone-400 bg-white px-1.5 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50 dark:bg-stone-900';

/** One story on a page: drag it, or move it with the buttons (the keyboard way to do the same). */
export function PlannerArticle({ story, index, count, page, pages, actions, locked, onDragStart }: Props) {
  const name = `《${story.headline}》`;
  const others = pages.filter((p) => p.number !== page);
  return (
    <li
      data-index={index}
      data-testid="board-story"
      draggable={!locked && !story.continuation}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', story.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(story.id);
      }}
      className={`${cardClass(story.ready)} ${!locked && !story.continuation ? 'cursor-grab' : ''}`}
    >
      <p className="font-medium" data-testid="board-headline">
        {story.continuation ? <span className="mr-1 text-xs">（续）</span> : null}
        <Link href={`/newsroom/articles/${story.id}`} className="underline">
          {story.headline}
        </Link>
      </p>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {story.statusLabel} · {story.wordCount} 字{story.continuesOn ? ` · 下转第${story.continuesOn}版` : ''}
      </p>
      {locked || story.continuation ? null : (
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <button
            type="button"
            className={small}
            disabled={index === 0 || actions.pending}
            aria-label={`上移${name}`}
            onClick={() => actions.place(story.id, page, index - 1, `${name}已上移到第${page}版第${index}条`)}
          >
            上移
          </button>
          <button
            type="button"
            className={small}
            disabled={index === count - 1 || actions.pending}
            aria-label={`下移${name}`}
            onClick={() => actions.place(story.id, page, index + 1, `${name}已下移到第${page}版第${index + 2}条`)}
          >
            下移
          </button>
          <label className="text-xs">
            移到
            <select
              className="ml-1 rounded border border-stone-400 bg-white text-xs dark:bg-stone-900"
              aria-label={`把${name}移到`}
              value=""
              disabled={actions.pending}
              onChange={(event) => {
                const target = Number(event.target.value);
                if (target) actions.place(story.id, target, undefined, `${name}已移到第${target}版`);
              }}
            >
              <option value="">选择版面</option>
              {others.map((p) => (
                <option key={p.number} value={p.number}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs">
            转版
            <select
              className="ml-1 rounded border border-stone-400 bg-white text-xs dark:bg-stone-900"
              aria-label={`${name}下转到`}
              value={story.continuesOn ?? ''}
              disabled={actions.pending}
              onChange={(event) => {
                const target = event.target.value ? Number(event.target.value) : null;
                actions.continueOn(story.id, target, target ? `${name}下转第${target}版` : `${name}不再转版`);
              }}
            >
              <option value="">不转版</option>
              {others.map((p) => (
                <option key={p.number} value={p.number}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={small}
            disabled={actions.pending}
            aria-label={`撤下${name}`}
            onClick={() => actions.remove(story.id, `${name}已从本期撤下`)}
          >
            撤下
          </button>
        </div>
      )}
    </li>
  );
}
