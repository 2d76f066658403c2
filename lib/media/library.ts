// The media library the story editor picks images from (newest first, 40 a page).
import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { mediaUrl } from './url';

export async function listMediaLibrary(page = 1) {
  await requireUser('media:upload');
  const items = await db.media.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * 40, take: 40 });
  return items.map((item) => ({
    id: item.id,
    url: mediaUrl(item.storageKey, 800),
    fullUrl: mediaUrl(item.storageKey, 1600),
    alt: item.alt,
    caption: item.caption,
    width: item.width,
    height: item.height,
  }));
}
