'use client';

import type { Editor } from '@tiptap/react';

/** Alt text and caption of the selected image; alt text is required before publishing. */
export function FigureControls({ editor }: { editor: Editor }) {
  if (!editor.isActive('figure')) return null;
  const attrs = editor.getAttributes('figure') as { alt?: string; caption?: string };
  const update = (values: Record<string, string>) => editor.chain().updateAttributes('figure', values).run();
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-stone-300 bg-amber-50 p-2 text-sm dark:border-stone-700 dark:bg-stone-800">
      <label className="flex flex-col">
        替代文字（必填，给看不到图片的读者）
        <input
          aria-label="图片替代文字"
          value={attrs.alt ?? ''}
          onChange={(event) => update({ alt: event.target.value })}
          className="mt-1 w-64 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
        />
      </label>
      <label className="flex flex-col">
        图片说明
        <input
          aria-label="图片说明"
          value={attrs.caption ?? ''}
          onChange={(event) => update({ caption: event.target.value })}
          className="mt-1 w-80 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
        />
      </label>
    </div>
  );
}
