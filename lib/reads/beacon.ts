// The read beacon's request (issue 34), judged before anything is counted: the reader page posts the
// story's slug (navigator.sendBeacon, text/plain) to READS_PATH once after load; the county app posts
// the same to READS_PATH?channel=app when a reader opens a story (the app feed names the address:
// lib/reader/app-feed.ts), so its JSON stays as cacheable as the page. Pure (the page's inline script,
// lib/reads/beacon-script.ts, takes READS_PATH from here).

export const READS_PATH = '/api/reads';
/** Longer than any slug (lib/articles/slug.ts): a longer body is refused unread. */
export const READ_BODY_MAX_BYTES = 200;
/** lib/articles/slug.ts's SLUG_PATTERN (a test keeps them equal; that file is too heavy for here). */
export const BEACON_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where a read happened: the website's article page, or the county app (客户端). */
export const READ_CHANNELS = ['web', 'app'] as const;
export type ReadChannel = (typeof READ_CHANNELS)[number];

/** The beacon address the app posts to (the website's page posts to READS_PATH itself). */
export const APP_READS_PATH = `${READS_PATH}?channel=app`;

export type BeaconVerdict =
  { kind: 'read'; slug: string; channel: ReadChannel } | { kind: 'refused'; status: number; message: string };

/** The channel a beacon's address names: none is the website; anything unknown is refused. */
function channelOf(url: string): ReadChannel | null {
  const query = url.indexOf('?');
  const named = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('channel');
  if (named === null) return 'web';
  return (READ_CHANNELS as readonly string[]).includes(named) ? (named as ReadChannel) : null;
}

/** `url` is the request's path and query as the server got it (`/api/reads?channel=app`). */
export function judgeBeacon(method: string, body: string, url: string = READS_PATH): BeaconVerdict {
  if (method !== 'POST') return { kind: 'refused', status: 405, message: '只接受 POST 请求' };
  const channel = channelOf(url);
  if (!channel) return { kind: 'refused', status: 400, message: '渠道应为 web 或 app' };
  const slug = body.trim();
  if (slug.length > READ_BODY_MAX_BYTES || !BEACON_SLUG.test(slug))
    return { kind: 'refused', status: 400, message: '请求内容应为稿件的网址名' };
  return { kind: 'read', slug, channel };
}
