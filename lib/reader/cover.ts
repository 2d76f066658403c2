// A story's cover image for readers (card, article figure, og:image, JSON-LD), from its media row.
// The web sizes are 800 and 1600 pixels wide, never enlarged (lib/media/store.ts).
import type { CoverImage } from './types';
import { mediaUrl } from '../media/url';

export const COVER_SELECT = { storageKey: true, width: true, height: true, alt: true, caption: true } as const;

type CoverMedia = { storageKey: string; width: number; height: number; alt: string; caption: string | null };

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
