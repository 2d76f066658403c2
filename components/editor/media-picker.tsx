'use client';

import { useEffect, useState } from 'react';

import type { ActionResult } from '@/lib/actions/result';

export type LibraryItem = {
  id: string;
  url: string;
  fullUrl: string;
  alt: string;
  caption: string | null;
  width: number;
  height: number;
};
type Props = {
  load: (page: number) => Promise<ActionResult<{ items: LibraryItem[] }>>;
  onPick: (item: LibraryItem) => void;
  onClose: () => void;
};

/** Earlier uploads to pick from (the media library). */
export function MediaPicker({ load, onPick, onClose }: Props) {
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(1).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.items);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="图库"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="max-h-[80vh] w-full max-w-3xl overflow-auto rounded bg-white p-4 dark:bg-stone-900">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">图库</h2>
          <button type="button" onClick={onClose} className="underline">
            关闭
          </button>
        </div>
        {error ? <p role="alert">{error}</p> : null}
        {items === null ? <p>正在载入…</p> : items.length === 0 ? <p className="mt-4">还没有上传过图片。</p> : null}
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {items?.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => onPick(item)}
                className="block w-full text-left"
                aria-label={`选择图片 ${item.alt || item.caption || item.id}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- our own fixed-size web copies */}
                <img src={item.url} alt={item.alt} className="aspect-square w-full object-cover" />
                <span className="block truncate text-xs">{item.alt || '（无替代文字）'}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
