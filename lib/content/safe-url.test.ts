import { describe, expect, it } from 'vitest';

import { isSafeHref, isSafeImageSrc } from './safe-url';

describe('safe urls', () => {
  it('allows http, https, mailto and site paths for links', () => {
    for (const url of ['http://a.cn', 'https://a.cn/x?y=1', 'mailto:a@b.cn', '/articles/x', '#top'])
      expect(isSafeHref(url)).toBe(true);
  });
  it('refuses other schemes, even disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'java\tscript:x',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '',
      null,
    ]) {
      expect(isSafeHref(url)).toBe(false);
    }
  });
  it('allows images from the media store or http(s) only', () => {
    expect(isSafeImageSrc('/media/abc/800.webp')).toBe(true);
    expect(isSafeImageSrc('https://img.example/x.jpg')).toBe(true);
    expect(isSafeImageSrc('/media/../etc/passwd')).toBe(false);
    expect(isSafeImageSrc('data:image/png;base64,xx')).toBe(false);
    expect(isSafeImageSrc('/other/x.png')).toBe(false);
  });
});
