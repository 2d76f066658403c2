// The read beacon's request (issue 34), judged before anything is counted: the reader page posts the
// story's slug (navigator.sendBeacon, text/plain) to READS_PATH once after load. Pure (the page's inline
// script, lib/reads/beacon-script.ts, takes READS_PATH from here).

export const READS_PATH = '/api/reads';
/** Longer than any slug (lib/articles/slug.ts): a longer body is refused unread. */
export const READ_BODY_MAX_BYTES = 200;
/** lib/articles/slug.ts's SLUG_PATTERN (a test keeps them equal; that file is too heavy for here). */
export const BEACON_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type BeaconVerdict = { kind: 'read'; slug: string } | { kind: 'refused'; status: number; message: string };

export function judgeBeacon(method: string, body: string): BeaconVerdict {
  if (method !== 'POST') return { kind: 'refused', status: 405, message: '只接受 POST 请求' };
  const slug = body.trim();
  if (slug.length > READ_BODY_MAX_BYTES || !BEACON_SLUG.test(slug))
    return { kind: 'refused', status: 400, message: '请求内容应为稿件的网址名' };
  return { kind: 'read', slug };
}
