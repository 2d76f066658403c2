'use client';

// The pages of one issue side by side. Stories are placed and ordered by drag and drop, or with each
// story's buttons and menus, which do the same for keyboard and screen-reader users.
import { useState, type DragEvent } from 'react';

import type { IssuePlanner as Planner } from '@/lib/issues/queries';
import { pageLabel } from '@/lib/reader/page-names';

import { cardClass, PlannerArticle } from './planner-article';
import { usePlannerActions } from './use-planner-actions';

export function IssuePlanner({ planner }: { planner: Planner }) {
  const actions = usePlannerActions({ issueId: planner.id, issueNumber: planner.number });
  const [dragging, setDragging] = useState<string | null>(null);
  const locked = planner.state !== 'planning';
  const pages = planner.pages.map((page) => ({ number: page.number, label: pageLabel(page) }));

  function drop(event: DragEvent<HTMLElement>, page: Planner['pages'][number]) {
    event.preventDefault();
    const articleId = event.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    if (!articleId || locked) return;
    // The position counts the page's other stories, as the server does.
    const others = page.stories.filter((story) => story.id !== articleId || story.continuation);
    const target = (event.target as HTMLElement).closest('li[data-index]');
    const overId = target ? page.stories[Number(target.getAttribute('data-index'))]?.id : undefined;
    const position = overId && overId !== articleId ? others.findIndex((story) => story.id === overId) : undefined;
    const headline =
      [...planner.candidates, ...planner.pages.flatMap((p) => p.stories)].find((story) => story.id === articleId)
        ?.headline ?? '';
    actions.place(
      articleId,
      page.number,
      position === -1 ? undefined : position,
      `《${headline}》已排到第${page.number}版`,
    );
  }

  return (
    <div className="space-y-4">
      <p
        aria-live="polite"
        role="status"
        className={`min-h-6 text-sm ${actions.message && !actions.message.ok ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {actions.message?.text ?? ''}
      </p>
      {/* Only a planner with the 待排稿件 column beside it is split in two; a published or scheduled planner
          has no such column, and its pages must not be squeezed into the column's 16rem. */}
      <div className={locked ? '' : 'grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]'}>
        {/* A long list of candidates scrolls on its own beside the pages (wide screens), so a story at its
            end can be dragged onto a page without the pages scrolling out of reach. */}
        {locked ? null : (
          <section
            aria-labelledby="candidates-heading"
            className="space-y-2 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
            onDragOver={(event) => event.preventDefault()}
          >
            <h2 id="candidates-heading" className="font-semibold">
              待排稿件（{planner.candidates.length}）
            </h2>
            {planner.candidates.length === 0 ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">没有已签发或审核中的待排稿件。</p>
            ) : (
              <ul className="space-y-2">
                {planner.candidates.map((story) => (
                  <li
                    key={story.id}
                    draggable
                    data-testid="candidate"
                    onDragStart={(event) => {
                      event.dataTransfer.setData('text/plain', story.id);
                      setDragging(story.id);
                    }}
                    className={`cursor-grab ${cardClass(story.ready)}`}
                  >
                    <p className="font-medium" data-testid="board-headline">
                      {story.headline}
                    </p>
                    <p className="text-xs text-stone-600 dark:text-stone-400">
                      {story.statusLabel} · {story.wordCount} 字
                    </p>
                    <label className="mt-1 block text-xs">
                      排到
                      <select
                        className="ml-1 rounded border border-stone-400 bg-white text-xs dark:bg-stone-900"
                        aria-label={`把《${story.headline}》排到`}
                        value=""
                        disabled={actions.pending}
                        onChange={(event) => {
                          const page = Number(event.target.value);
                          if (page) actions.place(story.id, page, undefined, `《${story.headline}》已排到第${page}版`);
                        }}
                      >
                        <option value="">选择版面</option>
                        {pages.map((p) => (
                          <option key={p.number} value={p.number}>
                            {p.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {/* As many columns of at least 12rem as fit: readable headlines at any width, stacked on a phone. */}
        <div className="grid grid-cols-[repeat(auto-fit,minmax(min(12rem,100%),1fr))] gap-4">
          {planner.pages.map((page) => (
            <section
              key={page.number}
              aria-label={pageLabel(page)}
              data-testid={`page-${page.number}`}
              onDragOver={(event) => {
                if (!locked) event.preventDefault();
              }}
              onDrop={(event) => drop(event, page)}
              className="min-h-40 rounded border border-dashed border-stone-400 p-2"
            >
              <h3 className="mb-2 text-sm font-semibold">{pageLabel(page)}</h3>
              {page.stories.length === 0 ? (
                <p className="text-xs text-stone-500">
                  {locked ? '本版没有稿件' : '把稿件拖到这里，或在稿件的“排到”菜单中选择本版'}
                </p>
              ) : (
                <ol className="space-y-2">
                  {page.stories.map((story, index) => (
                    <PlannerArticle
                      key={`${story.id}-${story.continuation}`}
                      story={story}
                      index={index}
                      count={page.stories.length}
                      page={page.number}
                      pages={pages}
                      actions={actions}
                      locked={locked}
                      onDragStart={setDragging}
                    />
                  ))}
                </ol>
              )}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
