// Where on the PDF's pages the report's open questions are (pure, browser-safe): the report shows
// each page's image and highlights these regions, so an unsure reading is pointed at, never guessed
// silently. Computed from the draft as the editor edits it: a field marked as checked, a line placed
// into a story, takes its highlight away.
// - a story with fields still to check (or no headline): its areas on each page;
// - a subheading that may be another story's headline: the paragraph it was read from;
// - a line the importer could not place: the paragraph it was read from.
import type { Rect } from '../epaper/areas';
import { draftFieldLabel, type ImportDraft } from './draft';

/** A paragraph of a page as the report places it: its first line in the parsed text, its rectangles. */
export type ReportParagraph = { line: number; text: string; rects: Rect[] };
/** One page of the imported PDF: its image (a data URL; null when it could not be made) and paragraphs. */
export type ReportPage = { number: number; image: string | null; paragraphs: ReportParagraph[] };
export type UnsureRegion = { key: string; pdfPage: number; rects: Rect[]; label: string };

const folded = (text: string) => text.replace(/[\s#]/gu, '');

/** The paragraph holding `line` of the parsed text: the last one starting at or before it. */
function paragraphAt(pages: readonly ReportPage[], line: number): { page: number; paragraph: ReportParagraph } | null {
  let found: { page: number; paragraph: ReportParagraph } | null = null;
  for (const page of pages)
    for (const paragraph of page.paragraphs)
      if (paragraph.line <= line && (!found || paragraph.line >= found.paragraph.line))
        found = { page: page.number, paragraph };
  return found;
}

export function unsureRegions(draft: ImportDraft, pages: readonly ReportPage[]): UnsureRegion[] {
  const regions: UnsureRegion[] = [];
  draft.stories.forEach((story, index) => {
    const name = `稿件${index + 1}`;
    if (story.check.length)
      for (const area of story.areas)
        regions.push({
          key: `${story.key}-p${area.pdfPage}`,
          pdfPage: area.pdfPage,
          rects: area.rects,
          label: `${name}待核对：${story.check.map(draftFieldLabel).join('、')}`,
        });
    const articlePages = new Set(story.areas.map((area) => area.pdfPage));
    for (const block of story.blocks) {
      if (!block.unsure) continue;
      const text = folded(block.text);
      const page = pages.find(
        (candidate) =>
          (articlePages.size === 0 || articlePages.has(candidate.number)) &&
          candidate.paragraphs.some((paragraph) => folded(paragraph.text) === text),
      );
      const paragraph = page?.paragraphs.find((candidate) => folded(candidate.text) === text);
      if (page && paragraph)
        regions.push({
          key: block.key,
          pdfPage: page.number,
          rects: paragraph.rects,
          label: `${name}：“${block.text}”是小标题还是另一篇稿件的主题？`,
        });
    }
  });
  for (const line of draft.unplaced) {
    const at = paragraphAt(pages, line.line);
    if (at)
      regions.push({
        key: line.key,
        pdfPage: at.page,
        rects: at.paragraph.rects,
        label: `未能归类的行：${line.text}`,
      });
  }
  return regions;
}
