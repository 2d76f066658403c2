// Media files under MEDIA_DIR (default DATA_DIR/media, lib/config/media-dir.ts): the original as uploaded and web sizes made with sharp (WebP,
// 800 and 1600 px wide, never enlarged). Files are named by content hash and never change, so they
// can be cached for a year. The same bytes uploaded twice are stored once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../db-client';
import { MAX_PIXELS, pixelProblem, sniffImage, uploadProblem } from './sniff';
import { mediaUrl, WEB_WIDTHS } from './url';

export { mediaUrl, WEB_WIDTHS };

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' } as const;

export type StoredMedia = {
  id: string;
  storageKey: string;
  width: number;
  height: number;
  url: string;
  alt: string;
  caption: string | null;
  reused: boolean;
};

export async function storeImage(
  db: Db,
  input: { bytes: Uint8Array; alt?: string; caption?: string | null; uploaderId: string; mediaDir: string },
): Promise<StoredMedia> {
  const problem = uploadProblem(input.bytes);
  if (problem) throw new UserFacingError(problem);
  const mime = sniffImage(input.bytes)!;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await db.media.findFirst({ where: { sha256 } });
  if (existing) return { ...pick(existing), reused: true };

  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 34)}`;
  const dir = path.join(input.mediaDir, storageKey);
  let metadata: sharp.Metadata;
  try {
    // Only the header is read here: a decompression bomb is refused before anything decodes it.
    metadata = await sharp(input.bytes, { animated: false, limitInputPixels: false }).metadata();
    if (!metadata.width || !metadata.height) throw new Error('no size');
  } catch {
    throw new UserFacingError('图片已损坏，无法读取');
  }
  const tooLarge = pixelProblem(metadata.width, metadata.height);
  if (tooLarge) throw new UserFacingError(tooLarge);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `original.${EXTENSIONS[mime]}`), input.bytes);
    for (const width of WEB_WIDTHS) {
      await sharp(input.bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 82 })
        .toFile(path.join(dir, `${width}.webp`));
    }
  } catch {
    // A file that only looks like an image: nothing of it is kept.
    fs.rmSync(dir, { recursive: true, force: true });
    throw new UserFacingError('图片已损坏，无法读取');
  }
  const media = await db.$transaction(async (tx) => {
    const created = await tx.media.create({
      data: {
        storageKey,
        mime,
        size: input.bytes.length,
        width: metadata.width!,
        height: metadata.height!,
        sha256,
        alt: input.alt?.trim() ?? '',
        caption: input.caption?.trim() || null,
        uploaderId: input.uploaderId,
      },
    });
    await recordAudit(tx, {
      actorId: input.uploaderId,
      action: 'media.upload',
      subjectType: 'Media',
      subjectId: created.id,
      details: { size: input.bytes.length, mime },
    });
    return created;
  });
  return { ...pick(media), reused: false };
}

function pick(media: {
  id: string;
  storageKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
}) {
  return {
    id: media.id,
    storageKey: media.storageKey,
    width: media.width,
    height: media.height,
    url: mediaUrl(media.storageKey),
    alt: media.alt,
    caption: media.caption,
  };
}

/** The file behind a /media/… URL, or null when the path is not one of ours. */
export function mediaFile(mediaDir: string, segments: readonly string[]): string | null {
  if (segments.length !== 3) return null;
  const [prefix, rest, name] = segments as [string, string, string];
  if (!/^[0-9a-f]{2}$/.test(prefix) || !/^[0-9a-f]{32}$/.test(rest) || !/^(800|1600)\.webp$/.test(name)) return null;
  const file = path.join(mediaDir, prefix, rest, name);
  return fs.existsSync(file) ? file : null;
}
