// Store errors and bad input the co-editing server survives (issue 27, deliverable 7 "A store error
// kills the site", and the bad-input paragraph). Each of these used to reject inside Hocuspocus'
// debounced store with nobody to catch it, and the unhandled rejection ended the process. Now every
// one is caught, logged in one line, and told to the people in the story; nothing stored changes.
import type { Server } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openBrowser, sessionCookie, TEST_ORIGIN, until, type Browser } from '../../test/support/collab-clients';
import { openTestDatabase } from '../../test/support/database';
import { failingDatabase } from '../../test/support/failing-database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle, moveToTrash } from '../articles/editor-service';
import { FIELDS_MAP, sharedText } from './article-doc';
import { articleDocumentName } from './document-name';
import { createCollabServer } from './server';
import { currentArticleDocument } from './stored-document';

const db = openTestDatabase();
const SECRET = 'collab-errors-secret-0123456789abcdef';
let server: Server;
let url: string;
let reporter: Actor;
let editor: Actor;
let publicationId: string;
const lines: string[] = [];
const opened: Browser[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
// Set by a test to make the database fail its next write transactions (a disk full, a lost connection).
const flaky = failingDatabase(db, 'SQLITE_FULL: database or disk is full');

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  editor = await makeActor(db, 'EDITOR', { name: '编辑乙' });
  server = createCollabServer({
    db: flaky.db,
    secret: SECRET,
    port: 0,
    allowedOrigins: [TEST_ORIGIN],
    recheckMs: 300,
    log: (line) => lines.push(line),
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});
afterEach(() => {
  // Not one rejection left for Node's default handler (which ends the process).
  expect(unhandled).toEqual([]);
});
afterAll(async () => {
  for (const browser of opened) browser.close();
  await server.destroy();
  process.off('unhandledRejection', onUnhandled);
  await db.$disconnect();
});

async function open(id: string, person: Actor): Promise<Browser> {
  const page = (await currentArticleDocument(db, id))!;
  const browser = openBrowser({
    url,
    cookie: await sessionCookie(db, person.id, SECRET),
    name: articleDocumentName(id),
    token: page.generation,
    copy: page.state,
  });
  opened.push(browser);
  return browser;
}

const newArticle = async () => (await createArticle(db, reporter, publicationId)).id;
const story = (id: string) => db.article.findUniqueOrThrow({ where: { id }, include: { authors: true } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a store error', () => {
  it('a story trashed within the store delay while someone typed: the document is dropped, its people told it is gone', async () => {
    // A server whose refresh waits long, so the debounced store is what meets the trashed story.
    const slow = createCollabServer({
      db,
      secret: SECRET,
      port: 0,
      allowedOrigins: [TEST_ORIGIN],
      recheckMs: 60_000,
      log: (line) => lines.push(line),
    });
    await slow.listen();
    const previous = url;
    url = `ws://127.0.0.1:${slow.address.port}`;
    try {
      await trashedWhileTyping(slow);
    } finally {
      url = previous;
      await slow.destroy();
    }
  });

  async function trashedWhileTyping(slow: Server): Promise<void> {
    const id = await newArticle();
    const reporterBrowser = await open(id, reporter);
    const editorBrowser = await open(id, editor);
    await Promise.all([reporterBrowser.synced, editorBrowser.synced]);
    const before = await story(id);
    sharedText(editorBrowser.doc, 'headline').insert(0, '编辑在回收前写的');
    await pause(100);
    await moveToTrash(db, reporter, id);
    expect(await editorBrowser.closed).toBe('gone');
    expect(await reporterBrowser.closed).toBe('gone');
    expect(editorBrowser.messages).toContainEqual({ kind: 'gone' });
    await until(() => !slow.hocuspocus.documents.has(articleDocumentName(id)));
    const after = await story(id);
    expect(after.headline).toBe(before.headline);
    expect(after.version).toBe(before.version);
    expect(lines.some((line) => line.includes(`dropped "story:${id}"`))).toBe(true);
    // And it cannot be opened again.
    const again = openBrowser({
      url,
      cookie: await sessionCookie(db, reporter.id, SECRET),
      name: articleDocumentName(id),
      token: 'cookie',
    });
    opened.push(again);
    expect(await again.denied).toBe('forbidden');
  }

  it('a story trashed while nobody types: dropped at the next refresh', async () => {
    const id = await newArticle();
    const browser = await open(id, reporter);
    await browser.synced;
    await moveToTrash(db, reporter, id);
    expect(await browser.closed).toBe('gone');
  });

  it('an update that names a cover image that does not exist: refused with a reason, nothing stored', async () => {
    const id = await newArticle();
    const browser = await open(id, reporter);
    await browser.synced;
    const before = await story(id);
    browser.doc.transact(() => {
      browser.doc.getMap(FIELDS_MAP).set('coverMediaId', 'clx0nosuchmedia0000000000');
      sharedText(browser.doc, 'headline').insert(0, '带着假封面的主题');
    });
    await until(() => browser.messages.some((message) => (message as { kind?: string }).kind === 'save-refused'));
    expect(browser.messages).toContainEqual({ kind: 'save-refused', error: '封面图片不存在，请重新选择' });
    const after = await story(id);
    expect(after.coverMediaId).toBeNull();
    expect(after.headline).toBe(before.headline);
    expect(after.version).toBe(before.version);
    // The process goes on: a correction is saved.
    browser.doc.getMap(FIELDS_MAP).set('coverMediaId', null);
    await until(async () => (await story(id)).headline === '带着假封面的主题');
  });

  it('an update that names an author account that does not exist: refused with a reason, nothing stored', async () => {
    const id = await newArticle();
    const browser = await open(id, reporter);
    await browser.synced;
    const before = await story(id);
    browser.doc
      .getMap(FIELDS_MAP)
      .set('authors', [{ userId: 'clx0nosuchuser00000000000', name: '不存在的人', label: '记者' }]);
    await until(() => browser.messages.some((message) => (message as { kind?: string }).kind === 'save-refused'));
    expect(browser.messages).toContainEqual({
      kind: 'save-refused',
      error: '作者“不存在的人”的账号不存在，请重新选择作者',
    });
    const after = await story(id);
    expect(after.authors.map((author) => author.userId)).toEqual(before.authors.map((author) => author.userId));
    expect(after.version).toBe(before.version);
  });

  it('a database that fails the write: logged, told as store-failed, and written by itself once it works again', async () => {
    const id = await newArticle();
    const browser = await open(id, reporter);
    await browser.synced;
    flaky.failNext(1);
    sharedText(browser.doc, 'headline').insert(0, '磁盘满时写的主题');
    await until(() => browser.messages.some((message) => (message as { kind?: string }).kind === 'store-failed'));
    expect(lines.some((line) => line.startsWith(`co-editing store failed "story:${id}": SQLITE_FULL`))).toBe(true);
    // Nobody types again: the next refresh writes it.
    await until(async () => (await story(id)).headline === '磁盘满时写的主题');
    await until(() => browser.messages.some((message) => (message as { kind?: string }).kind === 'saved'));
  });
});

describe('bad input', () => {
  it('a document name for a story that does not exist or is trashed: refused with a log line, nothing stored', async () => {
    const missing = 'clx0nosuchstory0000000000';
    const browser = openBrowser({
      url,
      cookie: await sessionCookie(db, reporter.id, SECRET),
      name: articleDocumentName(missing),
      token: 'cookie',
    });
    opened.push(browser);
    expect(await browser.denied).toBe('forbidden');
    const trashedId = await newArticle();
    await moveToTrash(db, reporter, trashedId);
    const trashed = openBrowser({
      url,
      cookie: await sessionCookie(db, reporter.id, SECRET),
      name: articleDocumentName(trashedId),
      token: 'cookie',
    });
    opened.push(trashed);
    expect(await trashed.denied).toBe('forbidden');
    expect(await db.collabDocument.count({ where: { articleId: { in: [missing, trashedId] } } })).toBe(0);
    expect(lines).toContain(`co-editing refused "story:${missing}": forbidden`);
  });

  it('a forged document name is escaped and cut in the log line', async () => {
    const name = `story:x\nco-editing refused everyone${'长'.repeat(5_000)}`;
    const browser = openBrowser({ url, cookie: await sessionCookie(db, reporter.id, SECRET), name, token: 'cookie' });
    opened.push(browser);
    expect(await browser.denied).toBe('unknown-document');
    const line = lines.find((each) => each.startsWith('co-editing refused "story:x\\n'));
    expect(line).toBeDefined();
    expect(line!).not.toContain('\n');
    expect(line!.length).toBeLessThan(300);
  });

  it('a malformed update is dropped: the stored document is unchanged and the story goes on', async () => {
    const id = await newArticle();
    const browser = await open(id, reporter);
    await browser.synced;
    const before = await db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02, 0x03, 0x7f]);
    // Applied to a document of its own it throws; sent to the server it is refused the same way.
    expect(() => Y.applyUpdate(new Y.Doc(), garbage)).toThrow();
    // A Hocuspocus sync message (document name, Sync = 0, Update = 2) carrying it, on the browser's socket.
    const message = encoding.createEncoder();
    encoding.writeVarString(message, articleDocumentName(id));
    encoding.writeVarUint(message, 0);
    encoding.writeVarUint(message, 2);
    encoding.writeVarUint8Array(message, garbage);
    browser.provider.configuration.websocketProvider.send(encoding.toUint8Array(message));
    await pause(600);
    const after = await db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    expect(Buffer.compare(after.state, before.state)).toBe(0);
    sharedText(browser.doc, 'kicker').insert(0, '之后');
    await until(async () => (await story(id)).kicker === '之后');
  });
});
