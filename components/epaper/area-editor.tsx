'use client';

// Correcting the story areas on a page image. Each rectangle is a button: drag it to move it, drag its
// corner handle to resize it; from the keyboard, arrow keys move it and Shift + arrow keys resize it,
// Delete removes it. Choosing a story under 画区域 and dragging on the page draws a new rectangle
// for it (an image-only PDF has no text to find areas from: the editor draws them all).
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type PointerEvent as ReactPointerEvent } from 'react';

import { clampRect, nudge, type ArticleArea, type Rect } from '@/lib/epaper/areas';
import { redetectAreasAction, saveAreasAction } from '@/lib/issues/epaper-actions';

type Article = { id: string; headline: string };
type Props = {
  issueId: string;
  issueNumber: number;
  page: number;
  image: string;
  width: number;
  height: number;
  stories: Article[];
  initial: ArticleArea[];
  hasText: boolean;
};
type Drag = {
  mode: 'move' | 'resize' | 'draw';
  articleId: string;
  index: number;
  startX: number;
  startY: number;
  origin: Rect;
};

const percent = (value: number) => `${(value * 100).toFixed(3)}%`;
const COLOURS = [
  'border-sky-600 bg-sky-500/15',
  'border-rose-600 bg-rose-500/15',
  'border-emerald-600 bg-emerald-500/15',
  'border-amber-600 bg-amber-500/15',
  'border-violet-600 bg-violet-500/15',
];

export function AreaEditor(props: Props) {
  const router = useRouter();
  const frame = useRef<HTMLDivElement>(null);
  const [areas, setAreas] = useState<ArticleArea[]>(props.initial);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [drawFor, setDrawFor] = useState('');
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const headline = (id: string) => props.stories.find((story) => story.id === id)?.headline ?? '';
  const colour = (id: string) =>
    COLOURS[
      Math.max(
        0,
        props.stories.findIndex((story) => story.id === id),
      ) % COLOURS.length
    ];
  const unmatched = props.stories.filter((story) => !areas.some((area) => area.articleId === story.id));

  function setRect(articleId: string, index: number, rect: Rect | null) {
    setDirty(true);
    setAreas((current) => {
      const exists = current.some((area) => area.articleId === articleId);
      const list = exists ? current : [...current, { articleId, rects: [] }];
      return list
        .map((area) => {
          if (area.articleId !== articleId) return area;
          const rects = [...area.rects];
          if (rect === null) rects.splice(index, 1);
          else rects[index] = rect;
          return { ...area, rects };
        })
        .filter((area) => area.rects.length > 0);
    });
  }

  function point(event: ReactPointerEvent) {
    const box = frame.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  }

  function start(
    event: ReactPointerEvent<HTMLElement>,
    mode: Drag['mode'],
    articleId: string,
    index: number,
    origin: Rect,
  ) {
    event.preventDefault();
    event.stopPropagation();
    frame.current!.setPointerCapture(event.pointerId);
    const at = point(event);
    setDrag({ mode, articleId, index, startX: at.x, startY: at.y, origin });
  }

  function startDraw(event: ReactPointerEvent<HTMLDivElement>) {
    if (!drawFor) return;
    const at = point(event);
    const index = areas.find((area) => area.articleId === drawFor)?.rects.length ?? 0;
    const origin = clampRect({ x: at.x, y: at.y, w: 0, h: 0 });
    setRect(drawFor, index, origin);
    start(event, 'draw', drawFor, index, origin);
  }

  function move(event: ReactPointerEvent<HTMLDivElement>) {
    if (!drag) return;
    const at = point(event);
    const dx = at.x - drag.startX;
    const dy = at.y - drag.startY;
    const { origin } = drag;
    const next =
      drag.mode === 'move'
        ? { ...origin, x: origin.x + dx, y: origin.y + dy }
        : drag.mode === 'resize'
          ? { ...origin, w: origin.w + dx, h: origin.h + dy }
          : { x: Math.min(drag.startX, at.x), y: Math.min(drag.startY, at.y), w: Math.abs(dx), h: Math.abs(dy) };
    setRect(drag.articleId, drag.index, clampRect(next));
  }

  function save() {
    startTransition(async () => {
      const result = await saveAreasAction({
        issueId: props.issueId,
        issueNumber: props.issueNumber,
        page: props.page,
        areas,
      });
      setMessage(result.ok ? { ok: true, text: '稿件区域已保存' } : { ok: false, text: result.error });
      if (result.ok) setDirty(false);
      router.refresh();
    });
  }

  function redetect() {
    startTransition(async () => {
      const result = await redetectAreasAction({
        issueId: props.issueId,
        issueNumber: props.issueNumber,
        page: props.page,
      });
      setMessage(
        result.ok
          ? { ok: true, text: `重新识别完成：找到 ${result.found} 篇稿件的区域（页面已刷新）` }
          : { ok: false, text: result.error },
      );
      if (result.ok) window.location.reload();
    });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <div
        ref={frame}
        className={`relative select-none border border-stone-300 ${drawFor ? 'cursor-crosshair' : ''}`}
        data-testid="area-frame"
        onPointerDown={startDraw}
        onPointerMove={move}
        onPointerUp={() => setDrag(null)}
        onPointerCancel={() => setDrag(null)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- rendered once at upload (lib/epaper/render.ts) */}
        <img
          src={props.image}
          width={props.width}
          height={props.height}
          alt={`第${props.page}版版面图`}
          className="block h-auto w-full"
          draggable={false}
        />
        {areas.map((area) =>
          area.rects.map((rect, index) => (
            <button
              key={`${area.articleId}-${index}`}
              type="button"
              data-testid="edit-area"
              data-article={area.articleId}
              aria-label={`《${headline(area.articleId)}》区域 ${index + 1}：方向键移动，Shift+方向键调整大小，Delete 删除`}
              className={`absolute touch-none border-2 ${colour(area.articleId)} focus-visible:outline focus-visible:outline-4 focus-visible:outline-sky-800`}
              style={{ left: percent(rect.x), top: percent(rect.y), width: percent(rect.w), height: percent(rect.h) }}
              onPointerDown={(event) => start(event, 'move', area.articleId, index, rect)}
              onKeyDown={(event) => {
                if (event.key === 'Delete' || event.key === 'Backspace') {
                  event.preventDefault();
                  setRect(area.articleId, index, null);
                  return;
                }
                const next = nudge(rect, event.key, event.shiftKey);
                if (next) {
                  event.preventDefault();
                  setRect(area.articleId, index, next);
                }
              }}
            >
              <span className="absolute left-0 top-0 max-w-full truncate bg-white/85 px-1 text-left text-xs text-stone-900">
                {headline(area.articleId)}
              </span>
              <span
                aria-hidden
                className="absolute -bottom-1.5 -right-1.5 h-3 w-3 cursor-se-resize border border-stone-900 bg-white"
                data-testid="resize-handle"
                onPointerDown={(event) => start(event, 'resize', area.articleId, index, rect)}
              />
            </button>
          )),
        )}
      </div>
      <div className="space-y-3 text-sm">
        <p
          role="status"
          aria-live="polite"
          data-testid="area-message"
          className={`min-h-6 ${message && !message.ok ? 'text-red-700 dark:text-red-400' : ''}`}
        >
          {message?.text ?? (dirty ? '有未保存的改动' : '')}
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={save}
            disabled={pending}
            className="rounded bg-stone-900 px-3 py-1 text-white dark:bg-stone-100 dark:text-stone-900"
          >
            保存区域
          </button>
          {props.hasText ? (
            <button
              type="button"
              onClick={redetect}
              disabled={pending}
              className="rounded border border-stone-400 px-3 py-1"
            >
              按文字层重新识别
            </button>
          ) : null}
        </div>
        {props.hasText ? null : (
          <p className="text-amber-800 dark:text-amber-300">
            这一版的 PDF 没有文字层（可能是扫描件），无法自动识别：请为每篇稿件画出区域。
          </p>
        )}
        <label className="block">
          画区域：
          <select
            value={drawFor}
            onChange={(event) => setDrawFor(event.target.value)}
            className="ml-1 rounded border border-stone-400 bg-white dark:bg-stone-900"
            data-testid="draw-for"
          >
            <option value="">（不画，拖动已有区域）</option>
            {props.stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.headline}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          选好稿件后在版面图上按住拖动画出矩形；键盘用户可用下面的“添加区域”按钮，再用方向键调整。
        </p>
        <ul className="space-y-1">
          {props.stories.map((story) => (
            <li key={story.id} className="flex items-center justify-between gap-2">
              <span>
                {story.headline}（{areas.find((area) => area.articleId === story.id)?.rects.length ?? 0} 个区域）
              </span>
              <button
                type="button"
                className="rounded border border-stone-400 px-2"
                onClick={() =>
                  setRect(story.id, areas.find((area) => area.articleId === story.id)?.rects.length ?? 0, {
                    x: 0.35,
                    y: 0.4,
                    w: 0.3,
                    h: 0.2,
                  })
                }
              >
                添加区域<span className="sr-only">：{story.headline}</span>
              </button>
            </li>
          ))}
        </ul>
        {unmatched.length ? (
          <div data-testid="unmatched">
            <p className="font-semibold text-amber-800 dark:text-amber-300">
              没有区域的稿件（读者无法在版面图上点到）：
            </p>
            <ul className="list-disc pl-5">
              {unmatched.map((story) => (
                <li key={story.id}>{story.headline}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p>本版每篇稿件都有区域。</p>
        )}
      </div>
    </div>
  );
}
