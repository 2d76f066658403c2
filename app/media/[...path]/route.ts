// Uploaded images in web sizes. Names are content hashes, so a file never changes. An image that a
// story visible to readers shows is public (cached for a year by anyone); any other image (in a
// draft, a scheduled or retracted story, or not used yet) is served only to signed-in newsroom
// people, privately, and is "not found" for everyone else (lib/media/visibility.ts).
import fs from 'node:fs';

import { can } from '@/lib/access/capabilities';
import { getCurrentUser } from '@/lib/auth/current-user';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { mediaFile } from '@/lib/media/store';
import { isMediaPublicCached } from '@/lib/media/visibility';

const notFound = () =>
  new Response('找不到图片', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  const file = mediaFile(resolveMediaDir(process.env), segments);
  if (!file) return notFound();
  const storageKey = `${segments[0]}/${segments[1]}`;
  let cacheControl = 'public, max-age=31536000, immutable';
  if (!(await isMediaPublicCached(db, storageKey))) {
    const user = await getCurrentUser();
    if (!user || !can(user.role, 'newsroom:enter')) return notFound();
    cacheControl = 'private, no-cache';
  }
  return new Response(fs.readFileSync(file), {
    headers: {
      'Content-Type': 'image/webp',
      'Cache-Control': cacheControl,
      'Content-Length': String(fs.statSync(file).size),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
