import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { mediaFile, storeImage } from './store';

const db = openTestDatabase();
const mediaDir = path.join(process.env.DATA_DIR!, 'media');
let uploaderId: string;
let png: Buffer;

beforeAll(async () => {
  uploaderId = (await makeUser(db, 'REPORTER')).id;
  png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#b91c1c' } })
    .png()
    .toBuffer();
});
afterAll(() => db.$disconnect());

describe('storeImage', () => {
  it('keeps the original and web sizes, records the media and an audit event', async () => {
    const stored = await storeImage(db, { bytes: png, alt: '柯城夺得大禹鼎', uploaderId, mediaDir });
    expect(stored).toMatchObject({ width: 2400, height: 1200, alt: '柯城夺得大禹鼎', reused: false });
    expect(stored.url).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\/1600\.webp$/);
    const segments = stored.url.split('/').slice(2);
    const file = mediaFile(mediaDir, segments)!;
    expect((await sharp(fs.readFileSync(file)).metadata()).width).toBe(1600);
    expect(
      (await sharp(fs.readFileSync(mediaFile(mediaDir, [segments[0]!, segments[1]!, '800.webp'])!)).metadata()).format,
    ).toBe('webp');
    expect(await db.auditEvent.count({ where: { action: 'media.upload', subjectId: stored.id } })).toBe(1);
  });

  it('stores the same bytes once', async () => {
    const again = await storeImage(db, { bytes: png, uploaderId, mediaDir });
    expect(again.reused).toBe(true);
    expect(await db.media.count()).toBe(1);
  });

  it('refuses SVG and corrupt images, storing nothing', async () => {
    await expect(
      storeImage(db, {
        bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        uploaderId,
        mediaDir,
      }),
    ).rejects.toThrow(/SVG/);
    await expect(
      storeImage(db, { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), uploaderId, mediaDir }),
    ).rejects.toThrow('图片已损坏');
    // A valid PNG signature with a broken body gets past the sniffing but not past sharp.
    const broken = Buffer.concat([png.subarray(0, 64), Buffer.alloc(64, 7)]);
    await expect(storeImage(db, { bytes: broken, uploaderId, mediaDir })).rejects.toThrow('图片已损坏');
    expect(await db.media.count()).toBe(1);
  });

  it('refuses a 30000×30000 image as too large in pixels, not as damaged, storing nothing', async () => {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const framed = Buffer.alloc(8 + data.length + 4);
      framed.writeUInt32BE(data.length, 0);
      body.copy(framed, 4);
      framed.writeUInt32BE(zlib.crc32(body) >>> 0, 4 + body.length);
      return framed;
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(30000, 0);
    header.writeUInt32BE(30000, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // RGB
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc(30001 * 3 * 4))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    await expect(storeImage(db, { bytes: bomb, uploaderId, mediaDir })).rejects.toThrow('图片像素太多（30000×30000）');
    expect(await db.media.count()).toBe(1);
  });

  it('serves only paths of its own shape', () => {
    expect(mediaFile(mediaDir, ['..', 'etc', 'passwd'])).toBeNull();
    expect(mediaFile(mediaDir, ['ab', 'c'.repeat(32), 'original.png'])).toBeNull();
  });
});
