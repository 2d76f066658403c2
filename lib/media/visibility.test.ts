import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeUser } from '../../test/support/users';
import { isMediaPublic } from './visibility';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const NOW = new Date('2026-11-26T04:00:00Z');

async function setUp() {
  const uploader = await makeUser(db, 'REPORTER');
  const publication =
    (await db.publication.findFirst()) ??
    (await db.publication.create({
      data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' },
    }));
  const key = `ab/${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`;
  await db.media.create({
    data: {
      storageKey: key,
      mime: 'image/jpeg',
      size: 1,
      width: 1,
      height: 1,
      sha256: key,
      uploaderId: uploader.id,
      createdAt: new Date(NOW.getTime() - 3_600_000),
    },
  });
  const body = JSON.stringify({
    type: 'doc',
    content: [{ type: 'figure', attrs: { src: `/media/${key}/1600.webp`, alt: '图' } }],
  });
  const article = await db.article.create({
    data: {
      publicationId: publication.id,
      slug: `m-${key.slice(3, 11)}`,
      headline: '稿',
      body,
      bodyText: '',
      createdById: uploader.id,
    },
  });
  return { key, article, body };
}

async function goLive(articleId: string, body: string, publishAt: Date) {
  const revision = await db.revision.create({
    data: { articleId, version: 1, headline: '稿', body, bodyText: '', createdAt: new Date(NOW.getTime() - 60_000) },
  });
  await db.article.update({
    where: { id: articleId },
    data: { status: 'PUBLISHED', liveRevisionId: revision.id, publishAt, publishedAt: publishAt },
  });
}

describe('isMediaPublic', () => {
  it('is false while the image is only in a draft', async () => {
    const { key } = await setUp();
    expect(await isMediaPublic(db, key, NOW)).toBe(false);
  });

  it('is false while the story is scheduled, true once readers can see it, false again after a retraction', async () => {
    const { key, article, body } = await setUp();
    await goLive(article.id, body, new Date(NOW.getTime() + 60_000));
    expect(await isMediaPublic(db, key, NOW)).toBe(false);
    expect(await isMediaPublic(db, key, new Date(NOW.getTime() + 120_000))).toBe(true);
    await db.article.update({ where: { id: article.id }, data: { status: 'RETRACTED', retractedAt: NOW } });
    expect(await isMediaPublic(db, key, new Date(NOW.getTime() + 120_000))).toBe(false);
  });

  it('looks at the live text, not the working copy', async () => {
    const { key, article } = await setUp();
    await goLive(article.id, JSON.stringify({ type: 'doc', content: [] }), NOW);
    expect(await isMediaPublic(db, key, NOW)).toBe(false);
  });

  it("counts a visible story's cover image as shown, and a draft's cover as not", async () => {
    const { key, article } = await setUp();
    const media = await db.media.findUniqueOrThrow({ where: { storageKey: key } });
    await db.article.update({ where: { id: article.id }, data: { coverMediaId: media.id } });
    expect(await isMediaPublic(db, key, NOW)).toBe(false);
    await goLive(article.id, JSON.stringify({ type: 'doc', content: [] }), NOW);
    expect(await isMediaPublic(db, key, NOW)).toBe(true);
  });

  it('is false for an unknown image', async () => {
    expect(await isMediaPublic(db, 'ff/00000000000000000000000000000000', NOW)).toBe(false);
  });
});
