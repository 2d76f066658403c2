import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError } from './database';
import { ensureMediaDir, resolveMediaDir } from './media-dir';

describe('MEDIA_DIR', () => {
  it('defaults to DATA_DIR/media, as before', () => {
    expect(resolveMediaDir({ DATA_DIR: '/srv/data' }, '/app')).toBe('/srv/data/media');
    expect(resolveMediaDir({}, '/app')).toBe('/app/.data/media');
    expect(resolveMediaDir({ DATA_DIR: '/srv/data', MEDIA_DIR: '  ' }, '/app')).toBe('/srv/data/media');
  });

  it('is one directory of its own when set, relative paths from the working directory', () => {
    expect(resolveMediaDir({ DATA_DIR: '/srv/data', MEDIA_DIR: '/mnt/shared/media' }, '/app')).toBe(
      '/mnt/shared/media',
    );
    expect(resolveMediaDir({ MEDIA_DIR: 'shared-media' }, '/app')).toBe('/app/shared-media');
  });

  it('is created when missing, and an unwritable one stops start-up with a Chinese sentence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-dir-'));
    try {
      expect(ensureMediaDir({ MEDIA_DIR: path.join(dir, 'a', 'b') })).toBe(path.join(dir, 'a', 'b'));
      expect(fs.statSync(path.join(dir, 'a', 'b')).isDirectory()).toBe(true);
      fs.writeFileSync(path.join(dir, 'file'), '');
      expect(() => ensureMediaDir({ MEDIA_DIR: path.join(dir, 'file', 'media') })).toThrow(ConfigError);
      expect(() => ensureMediaDir({ MEDIA_DIR: path.join(dir, 'file', 'media') })).toThrow(/MEDIA_DIR .* 不可写/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
