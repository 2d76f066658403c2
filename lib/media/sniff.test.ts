import { describe, expect, it } from 'vitest';

import { MAX_UPLOAD_BYTES, sniffImage, uploadProblem } from './sniff';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);

describe('sniffImage', () => {
  it('recognises JPEG, PNG, GIF and WebP from their bytes', () => {
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImage(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe('image/gif');
    expect(sniffImage(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe('image/webp');
  });
});

describe('uploadProblem', () => {
  it('refuses SVG, other files, empty and oversized ones with a message', () => {
    expect(uploadProblem(new TextEncoder().encode('<?xml version="1.0"?><svg onload="alert(1)"></svg>'))).toMatch(
      /不支持 SVG/,
    );
    expect(uploadProblem(new TextEncoder().encode('%PDF-1.4'))).toBe('只支持 JPEG、PNG、WebP 和 GIF 图片');
    expect(uploadProblem(new Uint8Array())).toBe('文件为空');
    expect(uploadProblem(new Uint8Array(MAX_UPLOAD_BYTES + 1))).toBe('图片不能超过 10 MB');
    expect(uploadProblem(bytes(0xff, 0xd8, 0xff))).toBeNull();
  });
});
