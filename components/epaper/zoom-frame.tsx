'use client';
// Zoom for the page image: 放大 doubles the page's width inside a frame that scrolls both ways, so a
// phone reader pans with a finger (and pinch zoom stays the browser's own). The story areas are
// placed in percentages of the page and follow the zoom.
import { useState, type ReactNode } from 'react';

export function ZoomFrame({ children }: { children: ReactNode }) {
  const [zoomed, setZoomed] = useState(false);
  return (
    <div>
      <div className="mb-2 flex justify-end print:hidden">
        <button type="button" aria-pressed={zoomed} onClick={() => setZoomed((value) => !value)}
          className="rounded border border-stone-400 px-3 py-1 text-sm hover:bg-stone-100 dark:hover:bg-stone-800">
          {zoomed ? '缩小' : '放大'}
        </button>
      </div>
      <div className={`max-h-[85vh] overflow-auto rounded border border-stone-300 dark:border-stone-700 ${zoomed ? 'touch-pan-x touch-pan-y' : ''}`} data-testid="zoom-frame">
        <div className={`relative ${zoomed ? 'w-[200%]' : 'w-full'}`}>{children}</div>
      </div>
    </div>
  );
}
