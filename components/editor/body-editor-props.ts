// The story body's editing surface: its accessible name,
// pasted HTML cleaned by the content pipeline, and image files pasted or dropped in uploaded as figures.
import { TextSelection } from '@tiptap/pm/state';
import type { EditorProps } from '@tiptap/pm/view';

import { ARTICLE_FIELDS } from '@/lib/content/fields';
import { cleanPastedHtml } from '@/lib/content/paste';

export function bodyEditorProps(insertFiles: (files: File[]) => boolean): EditorProps {
  return {
    attributes: {
      class: 'story-body editor-body min-h-[50vh] p-4 focus:outline-none',
      'aria-label': ARTICLE_FIELDS.body.label,
      role: 'textbox',
      'aria-multiline': 'true',
    },
    transformPastedHTML: cleanPastedHtml,
    handlePaste: (_view, event) => insertFiles(Array.from(event.clipboardData?.files ?? [])),
    handleDrop: (view, event) => {
      const files = Array.from((event as DragEvent).dataTransfer?.files ?? []);
      // Images land where they were dropped: move the cursor there before the upload starts.
      const at = files.length
        ? view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY })
        : null;
      if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
      return insertFiles(files);
    },
  };
}
