import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { parseDoc } from '../content/types';
import { importedAreasFor } from '../epaper/imported-areas';
import { PDF_CORPUS_DIR } from './corpus';
import type { ImportDraft } from './draft';
import { confirmImport, previewImport } from './import-work';
import { REPORT_PAGE_WIDTH } from './report-pages';
import type { ReportPage } from './unsure-regions';

const db = openTestDatabase();
const mediaDir = path.join(process.env.DATA_DIR!, 'media');
let actorId: string;
let draft: ImportDraft;
let pages: ReportPage[] = [];

beforeAll(async () => {
  actorId = (await makeUser(db, 'EDITOR')).id;
  const bytes = new Uint8Array(fs.readFileSync(path.join(PDF_CORPUS_DIR, '02-pdflib-inner-page.pdf')));
  const preview = await previewImport(db, bytes, '02.pdf');
  if (!preview.ok || preview.stage !== 'preview') throw new Error('preview failed');
  draft = preview.draft;
  pages = preview.pages;
});
afterAll(() => db.$disconnect());

const photoArticle = () => draft.stories.find((story) => story.fields.headline === '九华乡稻田迎来丰收')!;

describe('photos of an imported PDF', () => {
  it('shows the photo in the report as a block of its story, with the story’s areas on the page', () => {
    expect(photoArticle().blocks.map((block) => block.kind)).toEqual(['figure']);
    expect(photoArticle().areas).toEqual([{ pdfPage: 1, rects: [expect.objectContaining({ x: expect.any(Number) })] }]);
  });

  it('refuses a draft whose photo is not an image, in Chinese, writing nothing', async () => {
    const forged = structuredClone(draft);
    const block = forged.stories.find((story) => story.fields.headline === '九华乡稻田迎来丰收')!.blocks[0]!;
    block.node = {
      ...block.node,
      attrs: { ...block.node.attrs, src: `data:image/jpeg;base64,${Buffer.from('不是图片').toString('base64')}` },
    };
    const media = await db.media.count();
    const outcome = await confirmImport(db, JSON.stringify(forged), { actorId, replace: false, mediaDir });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^图片未能导入：/u);
    expect(await db.media.count()).toBe(media);
    expect(await db.issue.count({ where: { number: 1708 } })).toBe(0);
  });

  it('stores the photo in the media library with its caption and points the story’s figure at it', async () => {
    const outcome = await confirmImport(db, JSON.stringify(draft), { actorId, replace: false, mediaDir });
    expect(outcome).toMatchObject({ ok: true });
    const media = await db.media.findFirstOrThrow({ where: { caption: { contains: '摄' } } });
    expect(media).toMatchObject({ mime: 'image/jpeg', uploaderId: actorId, alt: expect.stringContaining('九华乡') });
    const article = await db.article.findFirstOrThrow({ where: { headline: '九华乡稻田迎来丰收' } });
    const [figure] = parseDoc(article.body).content;
    expect(figure).toMatchObject({
      type: 'figure',
      attrs: { src: `/media/${media.storageKey}/1600.webp`, mediaId: media.id, caption: media.caption },
    });
  });
});

describe('the report’s pages', () => {
  it('are the PDF’s pages as WebP images, with the rectangles of the paragraphs read from them', async () => {
    expect(pages.map((page) => page.number)).toEqual([1]);
    const image = pages[0]!.image!;
    expect(image).toMatch(/^data:image\/webp;base64,/u);
    const meta = await sharp(Buffer.from(image.split(',')[1]!, 'base64')).metadata();
    expect(meta.width).toBe(REPORT_PAGE_WIDTH);
    const caption = pages[0]!.paragraphs.find((paragraph) => paragraph.text.includes('九华乡梧桐源村'))!;
    expect(caption.rects.length).toBeGreaterThan(0);
    for (const rect of caption.rects) expect(rect.x + rect.w).toBeLessThanOrEqual(1);
  });
});

describe('the 版面 areas of an imported PDF', () => {
  it('stay with the issue on confirm, under the PDF’s SHA-256, as the report showed them (corrections included)', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(PDF_CORPUS_DIR, '02-pdflib-inner-page.pdf')));
    expect(draft.pdfSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const issue = await db.issue.findFirstOrThrow({ where: { number: 1708 } });
    const article = await db.article.findFirstOrThrow({ where: { headline: '九华乡稻田迎来丰收' } });
    const onPage = new Set([article.id]);
    expect(importedAreasFor(issue.importedAreas, draft.pdfSha256!, 1, onPage)).toEqual([
      { articleId: article.id, rects: photoArticle().areas[0]!.rects },
    ]);
  });

  it('are not kept for a text import', async () => {
    const text = { ...structuredClone(draft), pdfSha256: null, masthead: { ...draft.masthead, number: '1709' } };
    expect(await confirmImport(db, JSON.stringify(text), { actorId, replace: false, mediaDir })).toMatchObject({
      ok: true,
    });
    expect((await db.issue.findFirstOrThrow({ where: { number: 1709 } })).importedAreas).toBe('');
  });
});
