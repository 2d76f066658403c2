// Page images of the e-paper (版面). Names hold the PDF's hash, so a file never changes: once a
// published page shows it, anyone may cache it for a year. Until then (a draft, a replaced PDF not
// yet published, an issue not yet out) only signed-in newsroom people get it, privately.
import fs from 'node:fs';

import { can } from '@/lib/access/capabilities';
import { getCurrentUser } from '@/lib/auth/current-user';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { imageFile, parseImagePath } from '@/lib/epaper/files';
import { isPageImagePublic } from '@/lib/epaper/reader';

const notFound = () =>
  new Response('找不到图片', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  const parsed = parseImagePath(segments);
  const file = imageFile(resolveMediaDir(process.env), segments);
  if (!parsed || !file) return notFound();
  let cacheControl = 'public, max-age=31536000, immutable';
  if (!(await isPageImagePublic(db, parsed.prefix, parsed.rest, parsed.pdfPage, new Date()))) {
    const user = await getCurrentUser();
    if (!user || !can(user.role, 'newsroom:enter')) return notFound();
    cacheControl = 'private, no-cache';
  }
  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    // Deleted since it was found: its PDF was replaced and no page shows it any more (lib/epaper/cleanup.ts).
    return notFound();
  }
  return new Response(bytes, {
    headers: {
      'Content-Type': 'image/webp',
      'Cache-Control': cacheControl,
      'Content-Length': String(bytes.length),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
