import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

import { packZip } from './text-pack-images';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function stored(key: string, name: string, bytes: Uint8Array) {
  fs.mkdirSync(path.join(dir, key), { recursive: true });
  fs.writeFileSync(path.join(dir, key, name), bytes);
  fs.writeFileSync(path.join(dir, key, '1600.webp'), 'web size');
}

describe('packZip', () => {
  it('holds the originals as uploaded, in the order chosen, and 文案.txt', async () => {
    stored('aa/one', 'original.jpg', new Uint8Array([0xff, 0xd8, 1]));
    stored('bb/two', 'original.png', new Uint8Array([0x89, 0x50, 2]));
    const zip = await packZip(
      dir,
      [
        { storageKey: 'bb/two', mime: 'image/png' },
        { storageKey: 'aa/one', mime: 'image/jpeg' },
      ],
      '微博：文案',
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['01.png', '02.jpg', '文案.txt']);
    expect([...files['01.png']!]).toEqual([0x89, 0x50, 2]);
    expect(new TextDecoder().decode(files['文案.txt'])).toBe('微博：文案');
  });

  it('refuses with a message when an image file is gone', async () => {
    await expect(packZip(dir, [{ storageKey: 'cc/gone', mime: 'image/jpeg' }], '')).rejects.toThrow('图片文件找不到了');
  });
});
