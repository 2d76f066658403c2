// The images of a story's published copy that a text pack may carry (the cover, then the body's
// figures, in body order), and the ZIP of the chosen ones, built from the files as uploaded (微博 and
// 抖音 take JPEG, PNG and GIF; the web sizes are WebP).
import fs from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';

import { UserFacingError } from '../actions/result';
import { parseDoc, type DocNode } from '../content/types';
import type { Db } from '../db-client';
import { mediaUrl } from '../media/url';
import { packFileName } from './text-pack';

export type PackImage = { id: string; thumb: string; alt: string; caption: string | null; mime: string };

type MediaRef = { ids: string[]; keys: string[] };

function figureRefs(node: DocNode, refs: MediaRef = { ids: [], keys: [] }): MediaRef {
  if (node.type === 'figure') {
    const { mediaId, src } = node.attrs ?? {};
    if (typeof mediaId === 'string' && mediaId) refs.ids.push(mediaId);
    else if (typeof src === 'string') {
      const key = /^\/media\/([0-9a-f]{2}\/[0-9a-f]{32})\//.exec(src)?.[1];
      if (key) refs.keys.push(key);
    }
  }
  for (const child of node.content ?? []) figureRefs(child, refs);
  return refs;
}

const MEDIA_SELECT = { id: true, storageKey: true, mime: true, alt: true, caption: true } as const;

/** The published copy's images with their stored files, cover first, each once. */
export async function publishedImages(db: Db, liveRevisionId: string) {
  const live = await db.revision.findUnique({
    where: { id: liveRevisionId },
    select: { body: true, coverMediaId: true },
  });
  if (!live) return [];
  const refs = figureRefs(parseDoc(live.body));
  const ids = [live.coverMediaId, ...refs.ids].filter((id): id is string => !!id);
  const rows = await db.media.findMany({
    where: { OR: [{ id: { in: ids } }, { storageKey: { in: refs.keys } }] },
    select: MEDIA_SELECT,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byKey = new Map(rows.map((row) => [row.storageKey, row]));
  const ordered = [...ids.map((id) => byId.get(id)), ...refs.keys.map((key) => byKey.get(key))];
  return [...new Map(ordered.flatMap((row) => (row ? [[row.id, row] as const] : []))).values()];
}

export function packImage(row: Awaited<ReturnType<typeof publishedImages>>[number]): PackImage {
  return { id: row.id, thumb: mediaUrl(row.storageKey, 800), alt: row.alt, caption: row.caption, mime: row.mime };
}

/**
 * The ZIP: the chosen images as uploaded (01.jpg …, in the order chosen) and 文案.txt with the texts.
 * Stored without compression: the images are compressed already, and deflating them only costs time.
 */
export async function packZip(
  mediaDir: string,
  images: readonly { storageKey: string; mime: string }[],
  text: string,
): Promise<Uint8Array> {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [index, image] of images.entries()) {
    const dir = path.join(mediaDir, image.storageKey);
    const original = (await fs.readdir(dir).catch(() => [] as string[])).find((name) => name.startsWith('original.'));
    if (!original) throw new UserFacingError('图片文件找不到了，请重新上传这张图片后再下载');
    files[packFileName(index, image.mime)] = [
      new Uint8Array(await fs.readFile(path.join(dir, original))),
      { level: 0 },
    ];
  }
  files['文案.txt'] = [new TextEncoder().encode(text), { level: 0 }];
  return zipSync(files);
}
