// The answer of app/api/newsroom/proofing-lists/[version]: 审校词库 for the editor's check in the
// browser, cached by the browser for good under its version's name (store.ts listsVersion). A change to
// the lists makes a new name, which the next editor page carries; an old name is sent on to the current
// one. Shipped inside every editor page instead, 50,000 entries were 2 MB per page view.
import type { Db } from '../db-client';
import { PRIVATE_CACHE_CONTROL } from '../http/route';
import { encodeLists } from './list-wire';
import { listsVersion, readEntries } from './store';

export const LISTS_PATH = '/api/newsroom/proofing-lists';
/** Private: for the signed-in person's browser only, never a shared cache. */
export const IMMUTABLE_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export async function listsResponse(db: Db, requested: string, ifNoneMatch: string | null): Promise<Response> {
  const version = await listsVersion(db);
  if (requested !== version)
    return new Response(null, {
      status: 307,
      headers: { Location: `${LISTS_PATH}/${version}`, 'Cache-Control': PRIVATE_CACHE_CONTROL },
    });
  const etag = `"${version}"`;
  if (ifNoneMatch === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': IMMUTABLE_CACHE_CONTROL } });
  const entries = await readEntries(db);
  // Changed while it was read: right for now, but not to be kept under this name.
  const stable = (await listsVersion(db)) === version;
  return Response.json(encodeLists(version, entries), {
    headers: stable
      ? { ETag: etag, 'Cache-Control': IMMUTABLE_CACHE_CONTROL }
      : { 'Cache-Control': PRIVATE_CACHE_CONTROL },
  });
}
