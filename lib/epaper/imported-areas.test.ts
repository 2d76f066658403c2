import { describe, expect, it } from 'vitest';

import { importedAreasFor, importedAreasJson, mergeAreas } from './imported-areas';

const SHA = 'a'.repeat(64);
const top = { x: 0.05, y: 0.1, w: 0.6, h: 0.2 };
const lower = { x: 0.05, y: 0.5, w: 0.3, h: 0.2 };
const right = { x: 0.7, y: 0.1, w: 0.25, h: 0.5 };

describe('the areas an import drew', () => {
  const stored = importedAreasJson(SHA, [
    { articleId: 'lower', areas: [{ pdfPage: 1, rects: [lower] }] },
    {
      articleId: 'top',
      areas: [
        { pdfPage: 1, rects: [top] },
        { pdfPage: 2, rects: [right] },
      ],
    },
    { articleId: 'none', areas: [] },
  ]);

  it('keeps each page of the PDF with its stories’ rectangles, nothing when no story has any', () => {
    expect(JSON.parse(stored)).toEqual({
      sha256: SHA,
      pages: [
        {
          pdfPage: 1,
          areas: [
            { articleId: 'lower', rects: [lower] },
            { articleId: 'top', rects: [top] },
          ],
        },
        { pdfPage: 2, areas: [{ articleId: 'top', rects: [right] }] },
      ],
    });
    expect(importedAreasJson(SHA, [{ articleId: 'x', areas: [{ pdfPage: 1, rects: [] }] }])).toBe('');
  });

  it('gives a page’s areas for the same PDF only, stories on the page only, in reading order', () => {
    const onPage = new Set(['top', 'lower']);
    expect(importedAreasFor(stored, SHA, 1, onPage)).toEqual([
      { articleId: 'top', rects: [top] },
      { articleId: 'lower', rects: [lower] },
    ]);
    expect(importedAreasFor(stored, SHA, 1, new Set(['lower']))).toEqual([{ articleId: 'lower', rects: [lower] }]);
    expect(importedAreasFor(stored, SHA, 3, onPage)).toEqual([]);
    expect(importedAreasFor(stored, 'b'.repeat(64), 1, onPage)).toBeNull();
    expect(importedAreasFor('', SHA, 1, onPage)).toBeNull();
    expect(importedAreasFor('{broken', SHA, 1, onPage)).toBeNull();
  });

  it('keeps held areas over found ones and adds found ones for the other stories, dropping stories moved off', () => {
    const held = [
      { articleId: 'top', rects: [top] },
      { articleId: 'gone', rects: [right] },
    ];
    const found = [
      { articleId: 'top', rects: [right] },
      { articleId: 'lower', rects: [lower] },
    ];
    expect(mergeAreas(held, found, new Set(['top', 'lower']))).toEqual([
      { articleId: 'top', rects: [top] },
      { articleId: 'lower', rects: [lower] },
    ]);
  });
});
