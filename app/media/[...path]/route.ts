// Uploaded images in web sizes. Names are content hashes, so a file never changes: cache for a year.
import fs from 'node:fs';
import { resolveDataDir } from '@/lib/config/database';
import { mediaFile } from '@/lib/media/store';

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const file = mediaFile(resolveDataDir(process.env), (await params).path);
  if (!file) return new Response('找不到图片', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(fs.readFileSync(file), {
    headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Length': String(fs.statSync(file).size) },
  });
}
