// THE extension list (docs/architecture.md: Content): the editor and the server renderer both use it, so what the
// editor shows is what readers get. Nothing here lets arbitrary HTML, styles or scripts through.
import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

import { Figure } from './figure-node';
import { Quotation } from './quotation-mark';
import { isSafeHref } from './safe-url';

/** `undoRedo: false` for the co-editing editor, whose undo (Yjs') takes back only the person's own changes. */
export function contentExtensions(options: { undoRedo?: false } = {}): Extensions {
  return [
    StarterKit.configure({
      ...(options.undoRedo === false ? { undoRedo: false as const } : {}),
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['mailto'],
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
    TableKit.configure({
      table: { resizable: false },
      tableHeader: { HTMLAttributes: { scope: 'col' } },
    }),
    Figure,
    Quotation,
  ];
}
