import { describe, expect, it } from 'vitest';

import { dirKey, epaperRelativePath, filesOf, parseEpaperPath, unreferencedFiles, type EpaperFile } from './references';

const A = `ab${'1'.repeat(62)}`;
const B = `cd${'2'.repeat(62)}`;
const paths = (files: EpaperFile[]) => files.map(epaperRelativePath).sort();

describe('unreferencedFiles', () => {
  it('keeps a PDF and its page images while a row shows that page', () => {
    expect(unreferencedFiles(filesOf({ sha256: A, pdfPage: 1 }), [{ sha256: A, pdfPage: 1 }])).toEqual([]);
  });

  it('gives a replaced PDF and its images when no row names it any more', () => {
    const gone = unreferencedFiles(filesOf({ sha256: A, pdfPage: 1 }), [{ sha256: B, pdfPage: 1 }]);
    expect(paths(gone)).toEqual([
      `${dirKey(A)}/original.pdf`,
      `${dirKey(A)}/p1-1200.webp`,
      `${dirKey(A)}/p1-240.webp`,
      `${dirKey(A)}/p1-2400.webp`,
      `${dirKey(A)}/p1-800.webp`,
    ]);
  });

  it('keeps the PDF another page or issue still shows, and only the images of the page no row shows go', () => {
    // A whole-issue PDF: page 3 got its own PDF, pages 1 and 2 still show the issue's.
    const gone = unreferencedFiles(filesOf({ sha256: A, pdfPage: 3 }), [
      { sha256: A, pdfPage: 1 },
      { sha256: A, pdfPage: 2 },
    ]);
    expect(gone.map((file) => file.kind)).toEqual(['image', 'image', 'image', 'image']);
    expect(new Set(gone.map((file) => (file.kind === 'image' ? file.pdfPage : 0)))).toEqual(new Set([3]));
  });

  it('keeps everything of the same PDF uploaded to two pages when one of them is replaced', () => {
    expect(unreferencedFiles(filesOf({ sha256: A, pdfPage: 1 }), [{ sha256: A, pdfPage: 1 }])).toEqual([]);
  });

  it('matches a row by the directory its PDF is stored in (the first 34 hex digits)', () => {
    expect(
      unreferencedFiles(
        [{ kind: 'pdf', dir: dirKey(A) }],
        [{ sha256: `${A.slice(0, 34)}${'f'.repeat(30)}`, pdfPage: 9 }],
      ),
    ).toEqual([]);
  });

  it('always gives a directory left half-deleted', () => {
    expect(unreferencedFiles([{ kind: 'leftover', path: 'ab/.x' }], [{ sha256: A, pdfPage: 1 }])).toHaveLength(1);
  });
});

describe('parseEpaperPath', () => {
  it('reads the PDF, its page images, a directory left half-deleted and a file left under its temporary name', () => {
    expect(parseEpaperPath(`${dirKey(A)}/original.pdf`)).toEqual({ kind: 'pdf', dir: dirKey(A) });
    expect(parseEpaperPath(`${dirKey(A)}/p12-800.webp`)).toEqual({
      kind: 'image',
      dir: dirKey(A),
      pdfPage: 12,
      width: 800,
    });
    const trash = `ab/.${'1'.repeat(32)}.deleting-0f8fad5b-d9cb-469f-a165-70867728950e`;
    expect(parseEpaperPath(`${trash}/original.pdf`)).toEqual({ kind: 'leftover', path: trash });
    const temporary = `${dirKey(A)}/p1-800.webp.0f8fad5b-d9cb-469f-a165-70867728950e.tmp`;
    expect(parseEpaperPath(temporary)).toEqual({ kind: 'leftover', path: temporary });
  });

  it('names nothing else: other widths, story images, someone’s notes, a path that climbs out', () => {
    for (const other of [
      `${dirKey(A)}/notes.txt.0f8fad5b-d9cb-469f-a165-70867728950e.tmp`,
      `ab/.${'1'.repeat(32)}.deleting-../../x`,
      `${dirKey(A)}/p1-1600.webp`,
      `${dirKey(A)}/p0-800.webp`,
      `${dirKey(A)}/1600.webp`,
      `${dirKey(A)}/original.jpg`,
      'ab/123/original.pdf',
      'README.txt',
      `${dirKey(A)}/../../x/original.pdf`,
    ])
      expect(parseEpaperPath(other), other).toBeNull();
  });
});
