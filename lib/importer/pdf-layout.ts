// What the page analysis found besides the text, put onto the parsed stories (pure): each story's
// areas on its page (the boxes of the paragraphs the story was read from, as 版面 rectangles) and its
// photos (the image with the caption under it, in place of the caption's paragraph). A paragraph
// belongs to the story the parser began last at or before its line, on the same page, so no text is
// matched a second time.
import type { FigureAttrs } from '../content/figure-node';
import { toPlainText } from '../content/plain-text';
import type { DocNode } from '../content/types';
import { clampRect, type Rect } from '../epaper/areas';
import type { Box } from '../page-layout/page-graphics';
import type { ImportResult } from './parse-issue';
import type { EncodedPhoto } from './pdf-photos';

export type LaidParagraph = { line: number; text: string; boxes: Box[] };
export type LaidPhoto = { box: Box; caption: { line: number; text: string } | null; image: EncodedPhoto | null };
/** One PDF page: `view` its media box in points, paragraphs in reading order. */
export type PdfPageLayout = { number: number; view: Box; paragraphs: LaidParagraph[]; photos: LaidPhoto[] };
/** A story's rectangles on one page of the PDF (`pdfPage`, 1-based). */
export type LaidArea = { pdfPage: number; rects: Rect[] };

/** The first line of each story: its title lines and an 编者按 read into it come before its body's. */
function articleStarts({ report }: ImportResult): number[] {
  return report.stories.map((story) => Math.min(story.line, ...Object.values(story.fields).map((field) => field.line)));
}

/** Which story (index) each paragraph of a page belongs to, or null (masthead, page header). */
function owners(result: ImportResult, page: PdfPageLayout): (number | null)[] {
  const starts = articleStarts(result);
  const first = page.paragraphs[0]?.line ?? 0;
  return page.paragraphs.map((paragraph) => {
    let owner: number | null = null;
    starts.forEach((start, index) => {
      if (start <= paragraph.line && start >= first && (owner === null || start >= starts[owner]!)) owner = index;
    });
    return owner;
  });
}

/** Two boxes share a column when they overlap across most of the narrower. */
const sameColumn = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) >= 0.5 * Math.min(a.right - a.left, b.right - b.left);

/** Boxes → one padded rectangle per column run (fractions of the page, origin top left). */
export function rectsOf(boxes: readonly Box[], view: Box): Rect[] {
  const groups: Box[][] = [];
  for (const box of [...boxes].sort((a, b) => a.left - b.left || b.top - a.top)) {
    const height = box.top - box.bottom;
    const group = groups.find((candidate) =>
      candidate.some(
        (other) => sameColumn(other, box) && Math.max(other.bottom - box.top, box.bottom - other.top) <= 2 * height,
      ),
    );
    if (group) group.push(box);
    else groups.push([box]);
  }
  const width = view.right - view.left;
  const height = view.top - view.bottom;
  return groups.map((group) => {
    const pad = 0.25 * Math.max(...group.map((box) => box.top - box.bottom));
    const left = Math.min(...group.map((box) => box.left)) - pad;
    const right = Math.max(...group.map((box) => box.right)) + pad;
    const top = Math.max(...group.map((box) => box.top)) + pad;
    const bottom = Math.min(...group.map((box) => box.bottom)) - pad;
    return clampRect({
      x: (left - view.left) / width,
      y: (view.top - top) / height,
      w: (right - left) / width,
      h: (top - bottom) / height,
    });
  });
}

/** Each story's areas, per page of the PDF it was read from (its photos included). */
export function articleAreas(result: ImportResult, layout: readonly PdfPageLayout[]): LaidArea[][] {
  const areas: LaidArea[][] = result.issue.stories.map(() => []);
  for (const page of layout) {
    const boxes = new Map<number, Box[]>();
    const own = owners(result, page);
    page.paragraphs.forEach((paragraph, index) => {
      const owner = own[index];
      if (owner !== null && owner !== undefined) boxes.set(owner, [...(boxes.get(owner) ?? []), ...paragraph.boxes]);
    });
    for (const photo of page.photos) {
      const owner = photoOwner(result, page, own, photo);
      if (owner !== null) boxes.set(owner, [...(boxes.get(owner) ?? []), photo.box]);
    }
    for (const [owner, found] of boxes) areas[owner]!.push({ pdfPage: page.number, rects: rectsOf(found, page.view) });
  }
  return areas;
}

const distance = (a: Box, b: Box) =>
  Math.hypot(Math.max(0, a.left - b.right, b.left - a.right), Math.max(0, a.bottom - b.top, b.bottom - a.top));

/** A photo's story: its caption's; without a caption, the story with the paragraph nearest to it. */
function photoOwner(
  result: ImportResult,
  page: PdfPageLayout,
  own: readonly (number | null)[],
  photo: LaidPhoto,
): number | null {
  if (photo.caption) {
    const at = page.paragraphs.findIndex((paragraph) => paragraph.line === photo.caption!.line);
    if (at >= 0 && own[at] !== null && own[at] !== undefined) return own[at]!;
  }
  let best: { owner: number; gap: number } | null = null;
  page.paragraphs.forEach((paragraph, index) => {
    const owner = own[index];
    if (owner === null || owner === undefined) return;
    for (const box of paragraph.boxes) {
      const gap = distance(box, photo.box);
      if (!best || gap < best.gap) best = { owner, gap };
    }
  });
  return (best as { owner: number } | null)?.owner ?? null;
}

const folded = (text: string) => text.replace(/\s/gu, '');

/** The alt text: the caption without its credit (（通讯员 周杰 摄）). */
function altOf(caption: string): string {
  return caption
    .replace(/[（(][^（()）]*摄[^（()）]*[)）]\s*$/u, '')
    .trim()
    .slice(0, 200);
}

/**
 * The stories with their photos: each photo becomes a figure in its story, in place of the body
 * paragraph that is its caption (the figure carries that text as its caption), else at the top of the
 * story. `warnings`: photos no story on their page could take, and images pdf.js could not decode.
 */
export function placePhotos(
  result: ImportResult,
  layout: readonly PdfPageLayout[],
): { bodies: DocNode[][]; warnings: string[] } {
  const bodies = result.issue.stories.map((story) => [...story.body.content]);
  const warnings: string[] = [];
  for (const page of layout) {
    const own = owners(result, page);
    for (const photo of page.photos) {
      if (!photo.image) {
        warnings.push(`PDF 第${page.number}页：一张图片无法读取，没有导入`);
        continue;
      }
      const owner = photoOwner(result, page, own, photo);
      if (owner === null) {
        warnings.push(`PDF 第${page.number}页：一张图片没有找到所属稿件，没有导入`);
        continue;
      }
      const body = bodies[owner]!;
      const caption = photo.caption ? folded(photo.caption.text) : null;
      const isCaption = (node: DocNode) => {
        const own = folded(toPlainText(node));
        return node.type === 'paragraph' && own.length >= 4 && (caption!.includes(own) || own.includes(caption!));
      };
      const at = caption ? body.findIndex(isCaption) : -1;
      const text = at >= 0 ? toPlainText(body[at]!) : (photo.caption?.text ?? '');
      const attrs: FigureAttrs = {
        src: `data:image/jpeg;base64,${Buffer.from(photo.image.bytes).toString('base64')}`,
        alt: altOf(text),
        caption: text,
        mediaId: null,
        width: photo.image.width,
        height: photo.image.height,
      };
      const node: DocNode = { type: 'figure', attrs };
      if (at >= 0) body.splice(at, 1, node);
      else body.unshift(node);
    }
  }
  return { bodies, warnings };
}

/** The parsed issue with the PDF's photos in its stories (and their warnings in the report). */
export function withLayout(result: ImportResult, layout: readonly PdfPageLayout[]): ImportResult {
  if (!layout.length) return result;
  const { bodies, warnings } = placePhotos(result, layout);
  return {
    issue: {
      ...result.issue,
      stories: result.issue.stories.map((story, index) => ({
        ...story,
        body: { ...story.body, content: bodies[index]! },
      })),
    },
    report: { ...result.report, warnings: [...result.report.warnings, ...warnings] },
  };
}
