// The article's cover figure is named by the published body's figure of the same image: editor
// uploads keep no alt text on their media row, the figure in the text does (publishing requires it).
import { describe, expect, it } from 'vitest';

import { doc, paragraph } from '../content/builders';
import { articleCover, coverImage } from './cover';

const upload = {
  id: 'media-1',
  storageKey: 'ab/0123456789abcdef0123456789abcdef',
  width: 4000,
  height: 3000,
  alt: '',
  caption: null,
};
const figure = (attrs: Record<string, unknown>) => ({
  type: 'figure',
  attrs: { src: '', alt: '', caption: '', mediaId: null, width: null, height: null, ...attrs },
});

describe('articleCover', () => {
  it('takes the alt text of the body figure showing the same image (by media id)', () => {
    const body = doc(
      paragraph('全区 326 棵古樟树今天起挂牌保护。'),
      figure({
        mediaId: 'media-1',
        src: '/media/ab/0123456789abcdef0123456789abcdef/800.webp',
        alt: '挂上保护牌的古樟树',
      }),
    );
    const cover = articleCover(upload, body);
    expect(cover?.alt).toBe('挂上保护牌的古樟树');
    expect(cover?.src).toBe(coverImage(upload)?.src);
    expect(coverImage(upload)?.alt).toBe('');
  });

  it('finds the figure by the URL of a web size when it has no media id, and skips figures of other images', () => {
    const body = doc(
      figure({ mediaId: 'media-2', src: '/media/cd/ffffffffffffffffffffffffffffffff/800.webp', alt: '另一张照片' }),
      {
        type: 'blockquote',
        content: [figure({ src: '/media/ab/0123456789abcdef0123456789abcdef/1600.webp', alt: '  古樟树  ' })],
      },
    );
    expect(articleCover(upload, body)?.alt).toBe('古樟树');
  });

  it('falls back to the media row’s alt, then a caption (the figure’s, then the media row’s)', () => {
    expect(articleCover({ ...upload, alt: '图库里的说明' }, doc(paragraph('无图')))?.alt).toBe('图库里的说明');
    const captioned = articleCover(upload, doc(figure({ mediaId: 'media-1', alt: ' ', caption: '严嘉慧 摄' })));
    expect(captioned?.alt).toBe('严嘉慧 摄');
    expect(captioned?.caption).toBe('严嘉慧 摄');
    const rowCaption = articleCover(
      { ...upload, caption: '柯城区融媒体中心供图' },
      doc(figure({ mediaId: 'media-1', caption: '严嘉慧 摄' })),
    );
    expect(rowCaption?.alt).toBe('柯城区融媒体中心供图');
    expect(rowCaption?.caption).toBe('柯城区融媒体中心供图');
  });

  it('stays unnamed (decorative) when nothing says what the picture shows, and is null without a usable image', () => {
    expect(articleCover(upload, doc(paragraph('无图')))?.alt).toBe('');
    expect(articleCover(null, doc())).toBeNull();
    expect(articleCover({ ...upload, width: 0 }, doc(figure({ mediaId: 'media-1', alt: '古樟树' })))).toBeNull();
  });
});
