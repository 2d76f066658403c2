// The preview is "exactly what readers will get": the preview and the reader's page of one published
// story render the same article, cover alt text included (an editor's upload has none on its media row;
// the figure in the text names it). Both go through lib/reader/article-view.ts.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ArticleBody } from '../../components/public/article-view';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { createArticle, saveArticle } from '../articles/editor-service';
import { previewArticle } from '../articles/preview';
import type { CleanArticleInput } from '../articles/schemas';
import { doc, paragraph } from '../content/builders';
import { ensureSearchIndex } from '../search/search-index';
import { approveArticle, correctArticle, publishArticle, submitArticle } from '../workflow/service';
import { readArticle } from './article';
import { newsArticleJsonLd } from './json-ld';
import type { ArticleView } from './types';

const db = openTestDatabase();
let newsroom: SampleNewsroom;

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  await ensureSearchIndex(db);
});
afterAll(() => db.$disconnect());

const html = (article: ArticleView) => renderToStaticMarkup(createElement(ArticleBody, { article }));

async function readerView(slug: string): Promise<ArticleView> {
  const lookup = await readArticle(db, slug, new Date());
  if (lookup.kind !== 'visible') throw new Error(`story not visible: ${lookup.kind}`);
  return lookup.article;
}

describe('the preview and the reader page of one published story', () => {
  it('render the same article HTML, the cover named by the figure in the text', async () => {
    const { reporter, editorA, editorB, chief, publicationId } = newsroom;
    // An editor's upload: no alt text of its own (lib/media/store.ts keeps the one typed on the figure).
    const upload = await db.media.create({
      data: {
        storageKey: 'ab/0123456789abcdef0123456789abcdef',
        mime: 'image/webp',
        size: 1,
        width: 2000,
        height: 1500,
        sha256: 'preview-cover',
        alt: '',
      },
    });
    const figure = {
      type: 'figure',
      attrs: {
        src: `/media/${upload.storageKey}/1600.webp`,
        alt: '挂上保护牌的古樟树',
        caption: '严嘉慧 摄',
        mediaId: upload.id,
        width: 2000,
        height: 1500,
      },
    };
    const { id } = await createArticle(db, reporter, publicationId);
    const input: CleanArticleInput = {
      kicker: '古树名木',
      headline: '全区古樟树挂牌保护',
      subheadline: '326 棵古樟有了“身份证”',
      dateline: '本报讯',
      byline: '记者 严嘉慧',
      summary: null,
      slug: '',
      coverMediaId: upload.id,
      authors: [{ userId: null, name: '严嘉慧', label: '记者' }],
      body: doc(paragraph('全区 326 棵古樟树今天起挂牌保护。'), figure),
    };
    const saved = await saveArticle(db, reporter, id, 1, input);
    if (!saved.ok) throw new Error('save failed');
    await submitArticle(db, reporter, id);
    for (const reviewer of [editorA, editorB, chief]) await approveArticle(db, reviewer, id);
    await publishArticle(db, chief, id, null);
    await correctArticle(db, chief, id, '更正：古樟树数量应为 326 棵。');

    const reader = await readerView(saved.slug);
    const preview = await previewArticle(db, id);
    expect(reader.cover?.alt).toBe('挂上保护牌的古樟树');
    expect(html(preview)).toBe(html(reader));
    expect(html(reader)).toContain('alt="挂上保护牌的古樟树"');
    // The metadata reads the same view; only the modified date differs (the working copy was saved by the correction after its revision).
    expect({ ...newsArticleJsonLd(preview), dateModified: null }).toEqual({
      ...newsArticleJsonLd(reader),
      dateModified: null,
    });

    // The comparison sees a difference: once the working copy changes, the preview shows it and readers do not (yet).
    const edited = await saveArticle(
      db,
      reporter,
      id,
      (await db.article.findUniqueOrThrow({ where: { id } })).version,
      { ...input, headline: '全区古樟树全部挂牌' },
    );
    if (!edited.ok) throw new Error('save failed');
    expect(html(await previewArticle(db, id))).not.toBe(html(await readerView(saved.slug)));
  });
});
