// 下载所选图片 of the 微博 / 抖音 text pack: /newsroom/articles/<id>/text-pack.zip?media=<id>&media=<id>
// (lib/channels/text-pack-queries.ts). Private and uncached, like every newsroom answer.
import { textPackZip } from '@/lib/channels/text-pack-queries';
import { resolveMediaDir } from '@/lib/config/media-dir';
import { db } from '@/lib/db';
import { privateRoute } from '@/lib/http/route';

export const GET = privateRoute({ capability: 'channel:send' }, async (request, user) => {
  const url = new URL(request.url);
  // …/articles/<id>/text-pack.zip: the id is the segment before the file name.
  const articleId = decodeURIComponent(url.pathname.split('/').at(-2) ?? '');
  const { bytes, fileName } = await textPackZip(db, user, {
    articleId,
    mediaIds: url.searchParams.getAll('media'),
    mediaDir: resolveMediaDir(process.env),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
});
