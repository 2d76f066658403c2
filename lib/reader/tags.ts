// Cache tags of the reader site (docs/architecture.md: Publishing and time). Every cached read carries PUBLIC_TAG plus what it shows.
export const PUBLIC_TAG = 'public';
/** Front page, archive, feed, sitemap: anything that lists stories or issues. */
export const LISTS_TAG = 'lists';

export function issueTag(number: number): string {
  return `issue:${number}`;
}

export function articleTag(slug: string): string {
  return `article:${slug}`;
}
