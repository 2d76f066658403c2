// The 版面 areas an import found (pure): when an issue is imported from a PDF, the page analysis that
// read its stories also drew each story's areas (lib/importer/pdf-layout.ts), and the editor may have
// corrected them on the report page. They are kept on the issue with the PDF's SHA-256; attaching that
// same PDF as the page PDF writes them to each page's draft, and the render job only looks in
// the text layer for stories they do not cover (a story added or moved since the import). So the page
// is analysed once, and a correction made on the report page is not undone by a second matching.
import { z } from 'zod';

import { cleanAreas, inReadingOrder, MAX_RECTS_PER_ARTICLE, type ArticleArea, type Rect } from './areas';

/** A story's rectangles on one page of the imported PDF (1-based). */
export type PdfPageAreas = { pdfPage: number; rects: Rect[] };

const fraction = z.number().finite().min(0).max(1);
const storedSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  pages: z.array(
    z.object({
      pdfPage: z.number().int().min(1),
      areas: z.array(
        z.object({
          articleId: z.string().min(1),
          rects: z.array(z.object({ x: fraction, y: fraction, w: fraction, h: fraction })).max(MAX_RECTS_PER_ARTICLE),
        }),
      ),
    }),
  ),
});

/**
 * What the issue keeps: `stories` in the order the import created them, each its article and its areas
 * by page of the PDF. '' when there is nothing to keep.
 */
export function importedAreasJson(
  sha256: string,
  stories: readonly { articleId: string; areas: readonly PdfPageAreas[] }[],
): string {
  const pages = new Map<number, ArticleArea[]>();
  for (const { articleId, areas } of stories)
    for (const { pdfPage, rects } of areas) {
      if (!rects.length) continue;
      pages.set(pdfPage, [...(pages.get(pdfPage) ?? []), { articleId, rects: rects.slice(0, MAX_RECTS_PER_ARTICLE) }]);
    }
  if (!pages.size) return '';
  return JSON.stringify({
    sha256,
    pages: [...pages].sort((a, b) => a[0] - b[0]).map(([pdfPage, areas]) => ({ pdfPage, areas })),
  });
}

/**
 * The areas for one page's draft when the PDF attached is the one imported (same SHA-256): those
 * found on that page of the PDF, for the stories placed on the page now, in reading order. Null when
 * the issue keeps none for this PDF (then the render job finds them all from the text layer).
 */
export function importedAreasFor(
  stored: string,
  sha256: string,
  pdfPage: number,
  articlesOnPage: ReadonlySet<string>,
): ArticleArea[] | null {
  if (!stored) return null;
  let parsed;
  try {
    parsed = storedSchema.safeParse(JSON.parse(stored));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.sha256 !== sha256) return null;
  const page = parsed.data.pages.find((candidate) => candidate.pdfPage === pdfPage);
  return inReadingOrder(cleanAreas(page?.areas ?? [], articlesOnPage) ?? []);
}

/**
 * A page's areas after rendering: those the draft holds (imported) for stories still on the page,
 * and for the others what the text layer gave (`found`), in reading order.
 */
export function mergeAreas(
  held: readonly ArticleArea[],
  found: readonly ArticleArea[],
  articlesOnPage: ReadonlySet<string>,
): ArticleArea[] {
  const kept = held.filter((area) => articlesOnPage.has(area.articleId));
  const covered = new Set(kept.map((area) => area.articleId));
  return inReadingOrder([...kept, ...found.filter((area) => !covered.has(area.articleId))]);
}
