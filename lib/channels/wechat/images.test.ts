import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { photo, wechatMediaDir } from '../../../test/support/wechat-article';
import { loadWechatImage, mediaFileOf, wechatJpeg } from './images';

describe('images as WeChat takes them', () => {
  it('turns the site’s WebP into a JPEG under the limit, keeping 1600 px when it fits', async () => {
    const webp = await sharp(await photo(1))
      .webp({ quality: 82 })
      .toBuffer();
    const jpeg = await wechatJpeg(webp, 1024 * 1024, '正文第 1 张图片');
    expect(jpeg.mime).toBe('image/jpeg');
    expect(jpeg.bytes.length).toBeLessThanOrEqual(1024 * 1024);
    const meta = await sharp(jpeg.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1600);
  });

  it('steps down quality and size for a detailed picture, and refuses in Chinese when nothing fits', async () => {
    const grain = await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
    const first = (await sharp(grain).jpeg({ quality: 85 }).toBuffer()).length;
    const fitted = await wechatJpeg(grain, Math.round(first * 0.8), '封面图');
    expect(fitted.bytes.length).toBeLessThanOrEqual(first * 0.8);
    await expect(wechatJpeg(grain, 20 * 1024, '正文第 3 张图片')).rejects.toThrow(
      '正文第 3 张图片超过微信的大小限制（20KB），压缩后仍然过大',
    );
  });

  it('reads only our stored web sizes from MEDIA_DIR, whatever the site address', async () => {
    const dir = wechatMediaDir();
    const key = ['ab', 'c'.repeat(32)];
    fs.mkdirSync(path.join(dir, ...key), { recursive: true });
    fs.writeFileSync(
      path.join(dir, ...key, '1600.webp'),
      await sharp(await photo(2, 64, 48))
        .webp()
        .toBuffer(),
    );
    expect(mediaFileOf(`https://news.example/media/${key.join('/')}/1600.webp`, dir)).toBe(
      path.join(dir, ...key, '1600.webp'),
    );
    expect(mediaFileOf(`/media/${key.join('/')}/../../../etc/passwd`, dir)).toBeNull();
    expect(mediaFileOf('https://elsewhere.example/a.jpg', dir)).toBeNull();
    expect((await loadWechatImage(`/media/${key.join('/')}/1600.webp`, dir, 1024 * 1024, '封面图')).mime).toBe(
      'image/jpeg',
    );
    await expect(
      loadWechatImage('https://elsewhere.example/a.jpg', dir, 1024 * 1024, '正文第 1 张图片'),
    ).rejects.toThrow('正文第 1 张图片不是本系统保存的图片');
  });
});
