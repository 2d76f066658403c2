// Readable, stable URLs for stories: the headline in toneless pinyin ("ke-cheng-duo-xia-da-yu-ding"),
// so a link says what it points to in a form every browser, chat app and printer keeps intact.
// A slug is chosen once; it never follows later headline edits after the story is published.
import { pinyin } from 'pinyin-pro';

const MAX_SLUG_LENGTH = 64;

export function slugBase(headline: string): string {
  const syllables = pinyin(headline.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const slug = syllables
    .join('-')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trimAtHyphen(slug, MAX_SLUG_LENGTH) || 'story';
}

function trimAtHyphen(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The first of base, base-2, base-3 … that `taken` says is free. */
export async function uniqueSlug(base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/** What a hand-typed slug must look like (the editor lets an editor set one before first publish). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
