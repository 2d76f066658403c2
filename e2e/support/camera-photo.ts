// Real uploads are camera photos of several MB, not the tidy few-KB images a test would make by
// itself: noisy pixels (JPEG cannot squeeze them) plus large metadata segments, as cameras write.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A JPEG of about `bytes` bytes made like a camera's: a noisy 4:3 photo plus COM segments. */
export async function cameraJpeg(bytes: number): Promise<Buffer> {
  const pixels = Math.floor((bytes * 0.7) / 0.82);
  const width = Math.round(Math.sqrt((pixels * 4) / 3));
  const height = Math.round((width * 3) / 4);
  const photo = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const segments: Buffer[] = [];
  let missing = bytes - photo.length;
  while (missing >= 4) {
    let size = Math.min(65_537, missing);
    if (missing - size > 0 && missing - size < 4) size -= 4;
    const segment = Buffer.alloc(size, 0x20);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(size - 2, 2);
    segments.push(segment);
    missing -= size;
  }
  return Buffer.concat([photo.subarray(0, 2), ...segments, photo.subarray(2)]);
}
