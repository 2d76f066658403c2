// Entity tags for public JSON answers (the county app's feed, lib/reader/app-feed.ts): a weak tag
// from the body's bytes, and the If-None-Match test (RFC 9110 §13.1.2: weak comparison, a list of tags
// or `*`). Pure apart from node:crypto.
import { createHash } from 'node:crypto';

/**
 * `W/"<sha-256 of the body, base64url, 27 characters>"`: the same body gives the same tag on every
 * instance. Weak, because the same tag goes with the gzip and the plain answer (a strong tag must
 * differ per content coding, RFC 9110 §8.8.3); If-None-Match compares weakly anyway.
 */
export function etagOf(body: string | Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function opaque(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/**
 * Whether a GET with this If-None-Match may be answered 304 for a response tagged `etag`. Weak
 * comparison, as RFC 9110 asks for If-None-Match: `W/"x"` matches `"x"`.
 */
export function matchesIfNoneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  // Entity tags are quoted and cannot hold a comma or a quote, so splitting on commas is safe.
  return header.split(',').some((tag) => opaque(tag) === wanted);
}

/**
 * A public JSON answer with its ETag: 304 with no body when the client already holds this exact body.
 * Cache-Control is the proxy's (lib/http/cache-policy.ts), as for every reader page.
 */
export function taggedJson(request: Request, status: number, value: unknown, contentType: string): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  if (status === 200 && matchesIfNoneMatch(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers: { ETag: etag } });
  return new Response(body, { status, headers: { 'Content-Type': contentType, ETag: etag } });
}
