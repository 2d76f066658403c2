// The story's images as WeChat takes them: JPEG (the 公众号 API refuses WebP, which is what the site
// stores), read from MEDIA_DIR rather than fetched over HTTP, and under WeChat's size limits (an image
// inside the content: 1 MB; the cover, a permanent material: 10 MB). Everything is converted before the
// first call to WeChat, so an image that cannot be sent stops the push before anything is sent.
import fs from 'node:fs/promises';
import sharp from 'sharp';

import { UserFacingError } from '../../actions/result';
import { mediaFile } from '../../media/store';
import type { WechatImage } from './client';

export const CONTENT_IMAGE_LIMIT = 1024 * 1024;
export const COVER_IMAGE_LIMIT = 10 * 1024 * 1024;

// Tried in order until the JPEG fits. The first step keeps the site's 1600-pixel size, enough for a
// photo (bench:wechat prints the sizes); the later ones are for very detailed pictures. No mozjpeg:
// it saves about a tenth of the bytes at several times the time, and every push waits for this.
const STEPS = [
  { width: 1600, quality: 85 },
  { width: 1600, quality: 72 },
  { width: 1280, quality: 70 },
  { width: 1080, quality: 60 },
] as const;

/** The stored file behind one of our image addresses (…/media/<key>/<width>.webp), or null. */
export function mediaFileOf(src: string, mediaDir: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(src, 'http://site.invalid').pathname;
  } catch {
    return null;
  }
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] !== 'media') return null;
  return mediaFile(mediaDir, segments.slice(1));
}

/** One image as a JPEG of at most `limit` bytes; `label` names it in the refusal ("正文第 2 张图片"). */
export async function wechatJpeg(bytes: Uint8Array, limit: number, label: string): Promise<WechatImage> {
  for (const step of STEPS) {
    const jpeg = await sharp(bytes)
      .rotate()
      .resize({ width: step.width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: step.quality })
      .toBuffer();
    if (jpeg.length <= limit) return { bytes: new Uint8Array(jpeg), filename: 'image.jpg', mime: 'image/jpeg' };
  }
  throw new UserFacingError(
    `${label}超过微信的大小限制（${limit >= 1024 * 1024 ? `${limit / 1024 / 1024}MB` : `${Math.round(limit / 1024)}KB`}），压缩后仍然过大：请换一张图片后重新发布，再推送`,
  );
}

/** Reads and converts one of the story's images; refuses an address that is not one of our stored images. */
export async function loadWechatImage(
  src: string,
  mediaDir: string,
  limit: number,
  label: string,
): Promise<WechatImage> {
  const file = mediaFileOf(src, mediaDir);
  if (!file)
    throw new UserFacingError(
      `${label}不是本系统保存的图片（${src.slice(0, 120)}），不能上传到微信：请在编辑页重新插入`,
    );
  return wechatJpeg(await fs.readFile(file), limit, label);
}
