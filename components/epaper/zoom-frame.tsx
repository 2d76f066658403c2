// Zoom for the page image: 放大 doubles the page's width inside a frame that scrolls both ways, so a
// phone reader pans with a finger (and pinch zoom stays the browser's own). Unzoomed, the frame is as
// tall as the page: the whole page shows at the width it has, and the window scrolls, not the frame. The story areas are
// placed in percentages of the page and follow the zoom.
// No JavaScript: the switch is a checkbox and the frame follows it through CSS (:has), so the 版面
// page hydrates no component of its own and the toggle works before (and without) any script.
import type { ReactNode } from 'react';

export function ZoomFrame({ children }: { children: ReactNode }) {
  return (
    <div className="group/zoom">
      <div className="mb-2 flex justify-end print:hidden">
        <label className="cursor-pointer rounded border border-stone-400 px-3 py-1 text-sm hover:bg-stone-100 has-[:checked]:bg-stone-200 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-700 dark:hover:bg-stone-800 dark:has-[:checked]:bg-stone-700">
          <input type="checkbox" className="sr-only" data-testid="zoom-toggle" />
          放大
        </label>
      </div>
      <div
        className="overflow-auto rounded border border-stone-300 group-has-[:checked]/zoom:max-h-[85vh] group-has-[:checked]/zoom:touch-pan-x group-has-[:checked]/zoom:touch-pan-y dark:border-stone-700"
        data-testid="zoom-frame"
      >
        <div className="relative w-full group-has-[:checked]/zoom:w-[200%]">{children}</div>
      </div>
    </div>
  );
}
