// A published story with a cover and pictures in its body, stored in a media directory of its own,
// as 推送到草稿箱 takes it (lib/channels/wechat/push.ts): for the push's tests and bench:wechat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

import { createArticle, saveArticle } from '../../lib/articles/editor-service';
import { doc, paragraph } from '../../lib/content/builders';
import type { DocNode } from '../../lib/content/types';
import type { Db } from '../../lib/db-client';
import { storeImage } from '../../lib/media/store';
import { approveArticle, publishArticle, submitArticle } from '../../lib/workflow/service';
import type { SampleNewsroom } from './newsroom';

/** Who writes, signs off through 三审 and publishes (the sample newsroom's people, or the journey's). */
export type WechatDesk = Pick<SampleNewsroom, 'publicationId' | 'reporter' | 'editorA' | 'editorB' | 'chief'>;

/** A photo-like picture (a gradient with grain), different for every `seed`. */
export async function photo(seed: number, width = 1600, height = 1200): Promise<Buffer> {
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 40 + seed * 30, g: 120, b: 200 - seed * 20 },
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .png()
    .toBuffer();
  return sharp(grain).blur(1.2).jpeg({ quality: 90 }).toBuffer();
}

export function wechatMediaDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-media-'));
}

/**
 * Signed off and published: `images` pictures in the body (after every few paragraphs of `paragraphs`)
 * and a cover unless `cover` is false; its id.
 */
export async function wechatReadyArticle(
  db: Db,
  newsroom: WechatDesk,
  mediaDir: string,
  options: {
    headline: string;
    images?: number;
    cover?: boolean;
    paragraphs?: string[];
    seed?: number;
    /** Pixels of each picture (default 1600 × 1200, as a camera's photo comes out of the site's store). */
    size?: [number, number];
  },
): Promise<string> {
  const seed = options.seed ?? 0;
  const stored = [];
  for (let index = 0; index <= (options.images ?? 2); index++)
    stored.push(
      await storeImage(db, {
        bytes: await photo(seed * 10 + index, ...(options.size ?? [1600, 1200])),
        uploaderId: newsroom.reporter.id,
        mediaDir,
      }),
    );
  const [coverMedia, ...bodyMedia] = stored;
  const paragraphs = options.paragraphs ?? ['柯城区今年在老城区新建口袋公园十二处。', '市民出门五分钟就能走进绿地。'];
  // Each picture after the paragraph that ends its share of the text, so every one is placed.
  const parts: DocNode[] = [];
  paragraphs.forEach((text, index) => {
    parts.push(paragraph(text));
    const placed = bodyMedia.filter(
      (_, k) => Math.round(((k + 1) * paragraphs.length) / bodyMedia.length) - 1 === index,
    );
    for (const media of placed)
      parts.push({
        type: 'figure',
        attrs: {
          src: media.url,
          alt: '口袋公园',
          caption: `图${bodyMedia.indexOf(media) + 1}`,
          mediaId: media.id,
          width: media.width,
          height: media.height,
        },
      });
  });
  const { id } = await createArticle(db, newsroom.reporter, newsroom.publicationId);
  const saved = await saveArticle(db, newsroom.reporter, id, 1, {
    kicker: '城市更新',
    headline: options.headline,
    subheadline: null,
    dateline: '本报讯',
    byline: '记者 甲',
    summary: '今年新增口袋公园十二处',
    slug: '',
    coverMediaId: options.cover === false ? null : coverMedia!.id,
    authors: [{ userId: newsroom.reporter.id, name: newsroom.reporter.name, label: '记者' }],
    body: doc(...parts),
  });
  if (!saved.ok) throw new Error(`saving the story failed: ${JSON.stringify(saved)}`);
  await submitArticle(db, newsroom.reporter, id);
  for (const who of [newsroom.editorA, newsroom.editorB, newsroom.chief]) await approveArticle(db, who, id);
  await publishArticle(db, newsroom.chief, id, null);
  return id;
}
