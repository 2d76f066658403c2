// The persistence extension on its own, in a Hocuspocus instance without a socket (a direct
// connection loads the document; a change made with a person's context stands for their typing).
import { Hocuspocus, type Document, type Extension, type onStatelessPayload } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../../seeds/load-sample';
import { until } from '../../../test/support/collab-clients';
import { openTestDatabase } from '../../../test/support/database';
import { failingDatabase } from '../../../test/support/failing-database';
import { makeActor } from '../../../test/support/users';
import { createArticle, moveToTrash, saveArticle } from '../../articles/editor-service';
import { doc, paragraph } from '../../content/builders';
import { sharedText } from '../article-doc';
import { articleDocumentName } from '../document-name';
import { parseMessage, SEAL_MESSAGE, type CollabMessage } from '../messages';
import { restoreRevisionShared } from '../restore-revision';
import type { SocketUser } from '../session';
import { ArticlePersistence, STORE_FAILED_TEXT } from './persistence';

const db = openTestDatabase();
let reporter: SocketUser;
let publicationId: string;
const lines: string[] = [];
const told: { name: string; message: CollabMessage | null }[] = [];
const flaky = failingDatabase(db, 'database is locked');
const persistence = new ArticlePersistence({ db: flaky.db, refreshMs: 60_000, log: (line) => lines.push(line) });
// Records what the server tells the people in a story.
const recorder: Extension = {
  async beforeBroadcastStateless({ documentName, payload }) {
    told.push({ name: documentName, message: parseMessage(payload) });
  },
};
const instance = new Hocuspocus({
  extensions: [persistence, recorder],
  debounce: 50,
  maxDebounce: 500,
  unloadImmediately: false,
});

beforeAll(async () => {
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = { ...(await makeActor(db, 'REPORTER', { name: '记者甲' })), sessionVersion: 0 };
});
afterAll(async () => {
  await persistence.onDestroy();
  await db.$disconnect();
});

async function loadArticle(): Promise<{ id: string; document: Document }> {
  const id = (await createArticle(db, reporter, publicationId)).id;
  const connection = await instance.openDirectConnection(articleDocumentName(id), {});
  return { id, document: connection.document! };
}

/** A change as the person's socket makes it: the transaction origin carries the connection's context. */
function type(document: Document, text: string): void {
  document.transact(() => sharedText(document, 'headline').insert(0, text), {
    context: { user: reporter, access: 'write' },
  });
}

const toldTo = (id: string) => told.filter((each) => each.name === articleDocumentName(id)).map((each) => each.message);
const article = (id: string) => db.article.findUniqueOrThrow({ where: { id } });
const row = (id: string) => db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });

describe('the persistence extension', () => {
  it('loads the stored document and knows its generation; a copy of another generation is refused at load', async () => {
    const { id } = await loadArticle();
    expect(persistence.generationOf(articleDocumentName(id))).toBe((await row(id)).generation);
    const other = (await createArticle(db, reporter, publicationId)).id;
    await expect(
      instance.openDirectConnection(articleDocumentName(other), { copyGeneration: 'another-generation' }),
    ).rejects.toMatchObject({ reason: 'stale-copy' });
  });

  it('stores the working copy and the state in one write, and says saved', async () => {
    const { id, document } = await loadArticle();
    const before = await row(id);
    type(document, '新主题');
    await until(async () => (await article(id)).headline === '新主题');
    const after = await row(id);
    expect(after.version).toBe((await article(id)).version);
    expect(after.serial).toBe(before.serial + 1);
    await until(() => toldTo(id).some((message) => message?.kind === 'saved'));
  });

  it('立即保存 writes at once as a save, under the document’s save lock', async () => {
    const { id, document } = await loadArticle();
    const connection = { context: { user: reporter, access: 'write' } } as unknown as onStatelessPayload['connection'];
    document.transact(() => sharedText(document, 'dateline').insert(0, '本报讯'));
    await persistence.onStateless({ connection, document, documentName: document.name, payload: SEAL_MESSAGE });
    const tip = await db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: 'desc' } });
    expect(tip.kind).toBe('SAVE');
  });

  it('takes an outside change by applying the stored state', async () => {
    const { id, document } = await loadArticle();
    const input = (headline: string) => ({
      kicker: null,
      headline,
      subheadline: null,
      dateline: null,
      byline: null,
      summary: null,
      slug: '',
      coverMediaId: null,
      authors: [],
      body: doc(paragraph(headline)),
    });
    // A kept revision to go back to (saved with 立即保存, outside this document: taken in at the refresh).
    expect(
      (await saveArticle(db, reporter, id, (await article(id)).version, input('第一版'), new Date(), 'SAVE')).ok,
    ).toBe(true);
    await persistence.refreshAll();
    type(document, '恢复前');
    await until(async () => (await article(id)).headline === '恢复前第一版');
    const first = await db.revision.findFirstOrThrow({ where: { articleId: id, headline: '第一版' } });
    expect((await restoreRevisionShared(db, reporter, id, first.id, (await article(id)).version)).ok).toBe(true);
    await persistence.refreshAll();
    expect(sharedText(document, 'headline').toString()).toBe('第一版');
    // And a change saved without the shared document (taken in by whoever reads next).
    const later = await article(id);
    expect((await saveArticle(db, reporter, id, later.version, input('导入的主题'))).ok).toBe(true);
    await persistence.refreshAll();
    expect(sharedText(document, 'headline').toString()).toBe('导入的主题');
  });

  it('catches a failed store, tells store-failed, and tries again at the next refresh', async () => {
    const { id, document } = await loadArticle();
    flaky.failNext(1);
    type(document, '锁住时写的');
    await until(() => toldTo(id).some((message) => message?.kind === 'store-failed'));
    expect(toldTo(id)).toContainEqual({ kind: 'store-failed', error: STORE_FAILED_TEXT });
    expect(lines.some((line) => line.startsWith(`co-editing store failed "story:${id}": database is locked`))).toBe(
      true,
    );
    await persistence.refreshAll();
    expect((await article(id)).headline).toBe('锁住时写的');
  });

  it('drops the document of a trashed story and tells its people it is gone', async () => {
    const { id } = await loadArticle();
    await moveToTrash(db, reporter, id);
    await persistence.refreshAll();
    expect(toldTo(id)).toContainEqual({ kind: 'gone' });
    // Still in memory until its last connection goes: nobody may join it meanwhile.
    expect(persistence.generationOf(articleDocumentName(id))).toMatch(/^dropped:/);
  });
});
