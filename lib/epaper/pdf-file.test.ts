import { describe, expect, it } from 'vitest';

import { imageUrl, parseImagePath } from './files';
import {
  EMPTY_PDF,
  importedPdfUse,
  looksLikePdf,
  MAX_PDF_BYTES,
  NOT_A_PDF,
  pageCountProblem,
  PDF_TOO_LARGE,
  pdfFileProblem,
} from './pdf-file';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('page PDF checks', () => {
  it('knows a PDF by its first bytes, not its name', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n'))).toBe(true);
    expect(pdfFileProblem(10, bytes('\xff\xd8\xff a JPEG'))).toBe(NOT_A_PDF);
    expect(pdfFileProblem(10, bytes('<html>%PDF-'.slice(0, 6)))).toBe(NOT_A_PDF);
    expect(pdfFileProblem(0, bytes(''))).toBe(EMPTY_PDF);
  });

  it('refuses more than 60 MB', () => {
    expect(pdfFileProblem(MAX_PDF_BYTES, bytes('%PDF-1.7'))).toBeNull();
    expect(pdfFileProblem(MAX_PDF_BYTES + 1, bytes('%PDF-1.7'))).toBe(PDF_TOO_LARGE);
  });

  it('wants one page per 版 for a whole issue and one page for a single 版', () => {
    expect(pageCountProblem({ kind: 'issue' }, 4, 4)).toBeNull();
    expect(pageCountProblem({ kind: 'issue' }, 3, 4)).toContain('只有 3 页，本期有 4 个版面');
    expect(pageCountProblem({ kind: 'issue' }, 5, 4)).toContain('有 5 页，本期只有 4 个版面');
    expect(pageCountProblem({ kind: 'page', page: 2 }, 1, 4)).toBeNull();
    expect(pageCountProblem({ kind: 'page', page: 2 }, 2, 4)).toContain('单版 PDF 只能有 1 页');
    expect(pageCountProblem({ kind: 'page', page: 5 }, 1, 4)).toBe('本期没有第5版');
  });

  it('offers an imported one-page PDF as the 版 its stories were printed on, to be chosen', () => {
    expect(importedPdfUse(4, 4, [1, 1, 2, 3, 4])).toEqual({ kind: 'issue' });
    expect(importedPdfUse(1, 1, [1])).toEqual({ kind: 'issue' });
    expect(importedPdfUse(1, 4, [3, 3])).toEqual({ kind: 'page', suggested: 3, pages: 4 });
    expect(importedPdfUse(1, 4, [2, 3])).toEqual({ kind: 'page', suggested: 1, pages: 4 });
    expect(importedPdfUse(1, 4, [])).toEqual({ kind: 'page', suggested: 1, pages: 4 });
    expect(importedPdfUse(2, 4, [1, 2])).toEqual({
      kind: 'unusable',
      reason: '这个 PDF 只有 2 页，本期有 4 个版面：整期 PDF 须每版一页，或按版分别上传',
    });
  });

  it('serves only page-image names it makes', () => {
    const sha = 'ab'.repeat(32);
    const url = imageUrl(sha, 3, 1200);
    expect(url).toBe(`/media/epaper/ab/${'ab'.repeat(16)}/p3-1200.webp`);
    expect(parseImagePath(url.split('/').slice(3))).toEqual({
      prefix: 'ab',
      rest: 'ab'.repeat(16),
      pdfPage: 3,
      width: 1200,
    });
    expect(parseImagePath(['ab', 'ab'.repeat(16), 'p3-1000.webp'])).toBeNull();
    expect(parseImagePath(['..', 'ab'.repeat(16), 'p3-1200.webp'])).toBeNull();
    expect(parseImagePath(['ab', 'ab'.repeat(16), 'original.pdf'])).toBeNull();
  });
});

describe('the feed', () => {
  it('shows the printed page a story is on as its picture, with an absolute URL', async () => {
    const { buildRss } = await import('../reader/rss');
    const channel = {
      title: '今日柯城',
      description: 'x',
      siteUrl: 'https://example.test',
      feedUrl: 'https://example.test/feed.xml',
    };
    const item = {
      slug: 's',
      headline: '标题',
      kicker: null,
      teaser: '',
      byline: null,
      publishedAt: '2026-11-27T00:00:00Z',
    };
    const xml = buildRss(channel, [
      { ...item, image: imageUrl('ab'.repeat(32), 1, 1200) },
      { ...item, slug: 't' },
    ]);
    expect(xml).toContain(
      `<media:content url="https://example.test/media/epaper/ab/${'ab'.repeat(16)}/p1-1200.webp" medium="image" type="image/webp" width="1200"/>`,
    );
    expect(xml.match(/<media:content/g)).toHaveLength(1);
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
  });
});
