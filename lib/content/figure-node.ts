// An image with its caption and alt text (photos, QR codes), stored by media id and rendered as
// <figure>. One node for editor and readers, so captions survive copy, paste and rendering.
import { mergeAttributes, Node } from '@tiptap/core';

export type FigureAttrs = {
  src: string;
  alt: string;
  caption: string;
  mediaId: string | null;
  width: number | null;
  height: number | null;
};

function numberOrNull(value: string | null | undefined): number | null {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? Math.round(parsed) : null;
}

function attrsFromImage(img: Element, caption: string): FigureAttrs {
  return {
    src: img.getAttribute('src') ?? '',
    alt: img.getAttribute('alt') ?? '',
    caption,
    mediaId: img.getAttribute('data-media-id'),
    width: numberOrNull(img.getAttribute('width')),
    height: numberOrNull(img.getAttribute('height')),
  };
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const plain = (fallback: unknown) => ({ default: fallback, rendered: false });
    return {
      src: plain(''),
      alt: plain(''),
      caption: plain(''),
      mediaId: plain(null),
      width: plain(null),
      height: plain(null),
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          if (!img) return false;
          return attrsFromImage(img, element.querySelector('figcaption')?.textContent?.trim() ?? '');
        },
      },
      { tag: 'img[src]', getAttrs: (element) => attrsFromImage(element, element.getAttribute('title') ?? '') },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs;
    const img = [
      'img',
      {
        src: attrs.src,
        alt: attrs.alt,
        width: attrs.width ?? undefined,
        height: attrs.height ?? undefined,
        loading: 'lazy',
        decoding: 'async',
        'data-media-id': attrs.mediaId ?? undefined,
      },
    ] as const;
    const figure = mergeAttributes(HTMLAttributes, { class: 'story-figure' });
    return attrs.caption ? ['figure', figure, img, ['figcaption', attrs.caption]] : ['figure', figure, img];
  },
});
