// The app feed's page read and the text pack's download against a database: only what the website
// shows, a correction as on the website, the published copy's own images only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, signedOffArticle } from '../../test/support/articles';
import { channelNewsroom } from '../../test/support/channels';
import { openTestDatabase } from '../../test/support/database';
import type { SampleNewsroom } from '../../test/support/newsroom';
import { doc, paragraph } from '../content/builders';
import { readAppFeedPage } from '../reader/app-feed-page';
import { correctArticle, publishArticle, retractArticle } from '../workflow/service';
import { textPackZip } from './text-pack-queries';

const db = openTestDatabase();
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-media-'));
let newsroom: SampleNewsroom;

beforeAll(async () => {
  newsroom = await channelNewsroom(db);
});
afterAll(async () => {
  fs.rmSync(mediaDir, { recursive: true, force: true });
  await db.$disconnect();
});

async function photo(name: string) {
  const storageKey = `ab/${name.padEnd(32, '0')}`;
  fs.mkdirSync(path.join(mediaDir, storageKey), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, storageKey, 'original.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  return db.media.create({
    data: { storageKey, mime: 'image/jpeg', size: 4, width: 800, height: 600, sha256: name.padEnd(64, '0'), alt: '图' },
  });
}

/** A story with a photo in its body, signed off and published now. */
async function publishedWithPhoto(headline: string, photoName: string) {
  const media = await photo(photoName);
  const figure = {
    type: 'figure',
    attrs: { src: `/media/${media.storageKey}/1600.webp`, alt: '公园', caption: '公园', mediaId: media.id },
  };
  const input = articleInput(newsroom.reporter, '正文。', { headline, body: doc(paragraph('正文。'), figure) });
  const id = await signedOffArticle(db, newsroom, input);
  await publishArticle(db, newsroom.chief, id, null);
  return { id, mediaId: media.id };
}

describe('the app feed page', () => {
  it('holds what the website shows: a correction appears, a retracted story leaves', async () => {
    const { id } = await publishedWithPhoto('口袋公园', 'aaaa');
    const headlines = async () =>
      (await readAppFeedPage(db, 1, 200, new Date())).sources.map((source) => source.view.headline);
    expect(await headlines()).toContain('口袋公园');
    await correctArticle(db, newsroom.chief, id, '第二段人名有误，已更正。');
    const corrected = (await readAppFeedPage(db, 1, 200, new Date())).sources.find(
      (source) => source.view.headline === '口袋公园',
    );
    expect(corrected?.view.corrections.map((c) => c.note)).toEqual(['第二段人名有误，已更正。']);
    await retractArticle(db, newsroom.chief, id, '撤回。');
    expect(await headlines()).not.toContain('口袋公园');
  });

  it('pages through the stories, saying whether there is a next page', async () => {
    const first = await readAppFeedPage(db, 1, 1, new Date());
    expect(first.sources).toHaveLength(1);
    expect(first.hasNext).toBe(true);
    const far = await readAppFeedPage(db, 500, 1, new Date());
    expect(far).toEqual({ page: 500, hasNext: false, sources: [] });
  });
});

describe('textPackZip', () => {
  it('zips the chosen image of the published copy with the texts', async () => {
    const { id, mediaId } = await publishedWithPhoto('古樟树挂牌', 'bbbb');
    const { bytes, fileName } = await textPackZip(db, newsroom.editorA, {
      articleId: id,
      mediaIds: [mediaId],
      mediaDir,
    });
    expect(fileName).toMatch(/-weibo\.zip$/);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['01.jpg', '文案.txt']);
    expect(new TextDecoder().decode(files['文案.txt'])).toContain('【古樟树挂牌】');
  });

  it('refuses another story’s image, none, and a story not yet published, with a message', async () => {
    const { id } = await publishedWithPhoto('古樟树挂牌', 'dddd');
    const other = await photo('cccc');
    await expect(textPackZip(db, newsroom.editorA, { articleId: id, mediaIds: [other.id], mediaDir })).rejects.toThrow(
      '所选图片不在这篇稿件的已发布版本中',
    );
    await expect(textPackZip(db, newsroom.editorA, { articleId: id, mediaIds: [], mediaDir })).rejects.toThrow(
      '请至少选择一张图片',
    );
    const draft = await signedOffArticle(
      db,
      newsroom,
      articleInput(newsroom.reporter, '正文。', { headline: '未发布' }),
    );
    await expect(
      textPackZip(db, newsroom.editorA, { articleId: draft, mediaIds: [other.id], mediaDir }),
    ).rejects.toThrow('稿件签发并在网站发布后才能发送到渠道');
  });
});
