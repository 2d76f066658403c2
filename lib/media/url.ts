// Public URLs of stored images. Pure (no sharp, no file system), so readers' queries, the newsroom and
// the store share one template. The sizes are made by store.ts.
export const WEB_WIDTHS = [800, 1600] as const;
export type WebWidth = (typeof WEB_WIDTHS)[number];

/** URL of a web size of a stored image. */
export function mediaUrl(storageKey: string, width: WebWidth = 1600): string {
  return `/media/${storageKey}/${width}.webp`;
}
