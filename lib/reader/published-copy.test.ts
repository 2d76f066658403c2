// Readers get a published story's byline people and cover from its published revision: editing them on
// the working copy changes nothing for readers (page, JSON-LD, og image, issue page card) until the
// story is signed off and published again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, signOff } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import type { Actor } from '../access/actor';
import { createArticle, saveArticle } from '../articles/editor-service';
import type { CleanArticleInput } from '../articles/schemas';
import { isMediaPublic } from '../media/visibility';
import { ensureSearchIndex } from '../search/search-index';
import { correctArticle, publishArticle, submitArticle } from '../workflow/service';
import { readArticle } from './article';
import { newsArticleJsonLd } from './json-ld';

const db = openTestDatabase();
let reporter: Actor;
let chief: Actor;
let publicationId = '';
let newsroom: SampleNewsroom;

async function media(name: string): Promise<{ id: string; storageKey: string }> {
  return db.media.create({
    data: {
      storageKey: `2026/11/${name}`,
      mime: 'image/jpeg',
      size: 1,
      width: 1600,
      height: 900,
      sha256: name,
      alt: `${name} 的说明`,
    },
  });
}

const input = (coverMediaId: string, authorName: string, version = ''): CleanArticleInput =>
  articleInput({ id: null, name: authorName }, `柯城区新建一批口袋公园。${version}`, {
    headline: '柯城口袋公园开放',
    byline: `记者 ${authorName}`,
    coverMediaId,
  });

async function readerView(slug: string) {
  const lookup = await readArticle(db, slug, new Date());
  if (lookup.kind !== 'visible') throw new Error(`story not visible: ${lookup.kind}`);
  return lookup.article;
}

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  ({ publicationId, reporter, chief } = newsroom);
  await ensureSearchIndex(db);
});
afterAll(() => db.$disconnect());

describe("a published story's authors and cover", () => {
  it('reach readers only from the published revision, until the story is published again', async () => {
    const published = await media('published-cover');
    const edited = await media('edited-cover');
    const { id } = await createArticle(db, reporter, publicationId);
    const first = await saveArticle(db, reporter, id, 1, input(published.id, '徐敏'));
    if (!first.ok) throw new Error('save failed');
    await submitArticle(db, reporter, id);
    await signOff(db, newsroom, id);
    await publishArticle(db, chief, id, null);

    const before = await readerView(first.slug);
    expect(before.authors).toEqual([{ name: '徐敏', label: '记者' }]);
    expect(before.cover?.large).toContain(published.storageKey);

    // The working copy gets another author and another cover (and a text change, so it needs review).
    const second = await saveArticle(db, reporter, id, first.version, input(edited.id, '严嘉慧', '（修改）'));
    if (!second.ok) throw new Error('save failed');

    const during = await readerView(first.slug);
    expect(during.authors).toEqual([{ name: '徐敏', label: '记者' }]);
    expect(during.cover?.large).toContain(published.storageKey);
    const jsonLd = newsArticleJsonLd(during);
    expect(JSON.stringify(jsonLd)).toContain('徐敏');
    expect(JSON.stringify(jsonLd)).not.toContain('严嘉慧');
    expect(JSON.stringify(jsonLd)).not.toContain(edited.storageKey);
    expect(await isMediaPublic(db, published.storageKey)).toBe(true);
    expect(await isMediaPublic(db, edited.storageKey)).toBe(false);

    // A correction appends a note; the published copy (and its byline) stays as it was.
    await correctArticle(db, chief, id, '更正：标题中的地名有误。');
    expect((await readerView(first.slug)).authors).toEqual([{ name: '徐敏', label: '记者' }]);

    // Signed off and published again (the edit sent it back to review): readers get the new byline and cover.
    await signOff(db, newsroom, id);
    await publishArticle(db, chief, id, null);
    const after = await readerView(first.slug);
    expect(after.authors).toEqual([{ name: '严嘉慧', label: '记者' }]);
    expect(after.cover?.large).toContain(edited.storageKey);
    expect(await isMediaPublic(db, edited.storageKey)).toBe(true);
  });
});
