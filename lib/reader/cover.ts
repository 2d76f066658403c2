// A story's cover image for readers (card, article figure, og:image, JSON-LD), from its media row.
// The web sizes are 800 and 1600 pixels wide, never enlarged (lib/media/store.ts).
import type { DocNode } from '../content/types';
import { mediaUrl } from '../media/url';
import type { CoverImage } from './types';

export const COVER_SELECT = {
  id: true,
  storageKey: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
} as const;

export type CoverMedia = {
  id?: string;
  storageKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
};

function webSize(media: CoverMedia, target: 800 | 1600): { width: number; height: number } {
  const width = Math.min(target, media.width);
  return { width, height: Math.max(1, Math.round((media.height * width) / media.width)) };
}

export function coverImage(media: CoverMedia | null | undefined): CoverImage | null {
  if (!media || media.width <= 0 || media.height <= 0) return null;
  const small = webSize(media, 800);
  const large = webSize(media, 1600);
  return {
    src: mediaUrl(media.storageKey, 800),
    large: mediaUrl(media.storageKey, 1600),
    width: small.width,
    height: small.height,
    largeWidth: large.width,
    largeHeight: large.height,
    alt: media.alt,
    caption: media.caption,
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The body's figures showing `media` (by media id, or by a URL of its web sizes), in body order. */
function figuresOf(node: DocNode, media: CoverMedia, found: DocNode[] = []): DocNode[] {
  if (node.type === 'figure') {
    const { mediaId, src } = node.attrs ?? {};
    const prefix = `/media/${media.storageKey}/`;
    if ((media.id && mediaId === media.id) || text(src).startsWith(prefix)) found.push(node);
  }
  for (const child of node.content ?? []) figuresOf(child, media, found);
  return found;
}

/**
 * The article's cover figure says what the picture shows. An editor's upload keeps no alt text of its
 * own (its media row's alt is ''); the alt text lives on the figure in the text, where publishing
 * requires it. So the published body's figure of the same image names it; failing that the media
 * row's alt, then a caption (the figure's, then the media row's), so the 题图 is never unnamed when
 * the story says what it shows. The caption under the cover is the media row's, else the figure's.
 */
export function articleCover(media: CoverMedia | null | undefined, body: DocNode): CoverImage | null {
  const cover = coverImage(media);
  if (!cover || !media) return cover;
  const figures = figuresOf(body, media);
  const figureAlt = figures.map((figure) => text(figure.attrs?.alt)).find(Boolean);
  const figureCaption = figures.map((figure) => text(figure.attrs?.caption)).find(Boolean);
  const caption = text(media.caption) || figureCaption || null;
  return { ...cover, alt: figureAlt || text(media.alt) || caption || '', caption };
}
