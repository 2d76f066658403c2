import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import { createArticle, saveArticle } from '../articles/editor-service';
import { ensureSearchIndex } from '../search/search-index';
import { approveArticle, submitArticle } from '../workflow/service';
import type { PublicationSettings } from './schemas';
import { updatePublication } from './service';

const db = openTestDatabase();
let settings: PublicationSettings;

beforeAll(async () => {
  await loadSampleIssue(db);
  await ensureSearchIndex(db);
  const p = await db.publication.findFirstOrThrow();
  settings = {
    name: p.name,
    publisher: p.publisher,
    hotline: p.hotline,
    address: p.address,
    postcode: p.postcode,
    reviewLevels: 3,
    publishDays: [1],
    wechatEnabled: false,
    appFeedEnabled: false,
    weiboEnabled: false,
  };
});
afterAll(() => db.$disconnect());

describe('publication settings', () => {
  it('saves what changed with an audit event naming it, and nothing when nothing changed', async () => {
    const admin = await makeActor(db, 'ADMIN');
    expect(await updatePublication(db, admin, settings)).toEqual([]);
    expect(
      await updatePublication(db, admin, { ...settings, hotline: '0570-8888888', publishDays: [4, 1, 4] }),
    ).toEqual(['hotline', 'publishDays']);
    expect(await db.publication.findFirstOrThrow()).toMatchObject({ hotline: '0570-8888888', publishDays: '1,4' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.publication' } });
    expect(JSON.parse(event.details)).toEqual({
      hotline: { from: settings.hotline, to: '0570-8888888' },
      publishDays: { from: '1', to: '1,4' },
    });
  });

  it('switches channels on with the change in the audit event', async () => {
    const admin = await makeActor(db, 'ADMIN');
    await updatePublication(db, admin, settings);
    expect(await updatePublication(db, admin, { ...settings, wechatEnabled: true, weiboEnabled: true })).toEqual([
      'wechatEnabled',
      'weiboEnabled',
    ]);
    expect(await db.publication.findFirstOrThrow()).toMatchObject({ wechatEnabled: true, appFeedEnabled: false });
    await updatePublication(db, admin, settings);
  });

  it('with one review level, the chief editor’s single sign-off is 签发', async () => {
    const admin = await makeActor(db, 'ADMIN');
    await updatePublication(db, admin, { ...settings, reviewLevels: 1 });
    const reporter = await makeActor(db, 'REPORTER');
    const editor = await makeActor(db, 'EDITOR');
    const chief = await makeActor(db, 'CHIEF_EDITOR');
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const { id } = await createArticle(db, reporter, publicationId);
    await saveArticle(db, reporter, id, 1, articleInput(reporter, '正文。', { headline: '一审测试', byline: null }));
    await submitArticle(db, reporter, id);
    await expect(approveArticle(db, editor, id)).rejects.toThrow('签发需要总编签字');
    await approveArticle(db, chief, id);
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'APPROVED', reviewLevel: 1 });
  });
});
