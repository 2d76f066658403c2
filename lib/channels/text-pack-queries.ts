// The 微博 / 抖音 text pack of one story (the story page's 发布渠道 panel, and its ZIP download): built
// from the published copy readers get (lib/reader/article.ts), never the working copy.
import 'server-only';

import type { Actor } from '../access/actor';
import { requireArticleAccess } from '../access/article-access';
import { UserFacingError } from '../actions/result';
import type { Db } from '../db-client';
import { RouteRefusal } from '../http/route';
import { readArticle } from '../reader/article';
import { absoluteUrl } from '../reader/site-url';
import { GATE_FIELDS, sendBlocker } from './rules';
import { charCount, chosenImages, textPack, type TextPack } from './text-pack';
import { packImage, packZip, publishedImages, type PackImage } from './text-pack-images';

export type TextPackView = TextPack & { images: PackImage[] };

/**
 * The pack of a story the gates let out (the caller checked sendBlocker), or null while readers cannot
 * see it. 栏目: the names of the printed pages it is on.
 */
export async function readTextPack(
  db: Db,
  article: { slug: string; liveRevisionId: string },
  now: Date,
): Promise<TextPackView | null> {
  const [lookup, images] = await Promise.all([
    readArticle(db, article.slug, now),
    publishedImages(db, article.liveRevisionId),
  ]);
  if (lookup.kind !== 'visible') return null;
  const { article: view } = lookup;
  const pack = textPack({
    headline: view.headline,
    summary: view.summary?.trim() || view.teaser,
    sections: lookup.pages.map((page) => page.name),
    link: absoluteUrl(`/articles/${view.slug}`),
  });
  return { ...pack, images: images.map(packImage) };
}

/** 文案.txt in the ZIP: the three texts, each under its heading. */
export function packText(pack: TextPack): string {
  return `微博（${charCount(pack.weibo)} 字）：\n${pack.weibo}\n\n微博导语版（${charCount(pack.weiboLead)} 字）：\n${pack.weiboLead}\n\n抖音（${charCount(pack.douyin)} 字）：\n${pack.douyin}\n`;
}

/**
 * 下载所选图片: the ZIP of the chosen images of a story the gates let out, with 文案.txt. Refuses with a
 * message (nothing built) a story that may not go out, or images that are not the published copy's.
 */
export async function textPackZip(
  db: Db,
  user: Pick<Actor, 'id' | 'role'>,
  input: { articleId: string; mediaIds: readonly string[]; mediaDir: string },
  now = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const found = await db.article.findUnique({ where: { id: input.articleId }, select: { slug: true, ...GATE_FIELDS } });
  const article = requireArticleAccess(user, found, 'read', () => {
    throw new RouteRefusal(404, '稿件不存在或已移入回收站');
  });
  const blocker = sendBlocker(article, now);
  if (blocker || !article.liveRevisionId) throw new UserFacingError(blocker ?? '稿件还没有发布');
  const [images, pack] = await Promise.all([
    publishedImages(db, article.liveRevisionId),
    readTextPack(db, { slug: article.slug, liveRevisionId: article.liveRevisionId }, now),
  ]);
  if (!pack) throw new UserFacingError('读者还看不到这篇稿件');
  const chosen = chosenImages(
    input.mediaIds,
    images.map((image) => image.id),
  );
  if (typeof chosen === 'string') throw new UserFacingError(chosen);
  const byId = new Map(images.map((image) => [image.id, image]));
  const bytes = await packZip(
    input.mediaDir,
    chosen.map((id) => byId.get(id)!),
    packText(pack),
  );
  return { bytes, fileName: `${article.slug}-weibo.zip` };
}
