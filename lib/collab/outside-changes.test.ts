// Changes made outside the sockets never duplicate text (issue 27, deliverable 3): a revision restored
// with 0, 1 and 2 people in the story, with and without the browsers' stored copies, then every
// browser reloaded: each field and the body appear exactly once. The same after `npm run restore`'s
// step (the shared documents forgotten, rebuilt with a new generation): a copy of the old history is
// refused ('stale-copy'), never merged. Real Hocuspocus server, real provider clients.
import type { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import {
  openBrowser,
  sessionCookie,
  TEST_ORIGIN,
  until,
  type Browser,
  type BrowserCopy,
} from '../../test/support/collab-clients';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle, saveArticle } from '../articles/editor-service';
import { snapshotFor } from '../backup/database-snapshot';
import { resolveDatabase } from '../config/database';
import { doc, heading, paragraph, table } from '../content/builders';
import { toPlainText } from '../content/plain-text';
import type { Doc } from '../content/types';
import { readArticleDoc, sharedText } from './article-doc';
import { articleDocumentName } from './document-name';
import { restoreRevisionShared } from './restore-revision';
import { createCollabServer } from './server';
import { currentArticleDocument } from './stored-document';

const db = openTestDatabase();
const SECRET = 'collab-outside-secret-0123456789abcdef';
let server: Server;
let url: string;
let reporter: Actor;
let editor: Actor;
let publicationId: string;
const opened: Browser[] = [];

type Version = { headline: string; slug: string; body: Doc };
const EARLIER: Version = {
  headline: '柯城石梁溪综合治理完工',
  slug: '',
  body: doc(
    heading('治水十年'),
    paragraph('石梁溪全长 8 公里，去年底完成综合治理。'),
    table([
      ['河道', '长度'],
      ['石梁溪', '8 公里'],
    ]),
    paragraph('沿岸新建绿道 12 公里。'),
  ),
};
const REWRITTEN: Version = {
  headline: '全部重写后的主题',
  slug: '',
  body: doc(paragraph('记者把整篇稿件重写了一遍。'), paragraph('第二段也是新的。')),
};

async function startServer(): Promise<void> {
  server = createCollabServer({
    db,
    secret: SECRET,
    port: 0,
    allowedOrigins: [TEST_ORIGIN],
    recheckMs: 300,
    log: () => {},
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
}

beforeAll(async () => {
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  editor = await makeActor(db, 'EDITOR', { name: '编辑乙' });
  await startServer();
});
afterAll(async () => {
  for (const browser of opened) browser.close();
  await server.destroy();
  await db.$disconnect();
});

async function save(id: string, version: Version, kind: 'SAVE' | 'AUTOSAVE' = 'SAVE'): Promise<void> {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const input = articleInput(reporter, undefined, {
    headline: version.headline,
    slug: version.slug,
    body: version.body,
  });
  const outcome = await saveArticle(db, reporter, id, article.version, input, new Date(), kind);
  expect(outcome.ok).toBe(true);
}

/** A story with an earlier kept revision and a rewritten working copy: the restore's starting point. */
async function articleToRestore(): Promise<{ id: string; earlierRevisionId: string }> {
  const id = (await createArticle(db, reporter, publicationId)).id;
  await save(id, EARLIER);
  const earlier = await db.revision.findFirstOrThrow({
    where: { articleId: id, headline: EARLIER.headline },
    orderBy: { version: 'desc' },
  });
  await save(id, REWRITTEN);
  return { id, earlierRevisionId: earlier.id };
}

/**
 * A browser opening the editor: the page carries the stored document and its generation (what the
 * editor page is given); a stored copy of the same generation is kept and merged, one of another
 * generation is not (the editor offers its unsynced typing back instead).
 */
async function openEditor(
  id: string,
  person: Actor,
  copy?: BrowserCopy,
): Promise<{ browser: Browser; generation: string }> {
  const page = (await currentArticleDocument(db, id))!;
  const start = new Y.Doc();
  Y.applyUpdate(start, page.state);
  if (copy && copy.generation === page.generation) Y.applyUpdate(start, copy.state);
  const browser = openBrowser({
    url,
    cookie: await sessionCookie(db, person.id, SECRET),
    name: articleDocumentName(id),
    token: page.generation,
    copy: Y.encodeStateAsUpdate(start),
  });
  opened.push(browser);
  await browser.synced;
  return { browser, generation: page.generation };
}

async function restore(id: string, revisionId: string): Promise<void> {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const outcome = await restoreRevisionShared(db, reporter, id, revisionId, article.version);
  expect(outcome.ok).toBe(true);
}

/** Exactly the story, each field once: the headline, the slug, the body text (table included). */
async function expectExactly(ydoc: Y.Doc, id: string, version: Version): Promise<void> {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  expect(sharedText(ydoc, 'headline').toString()).toBe(version.headline);
  expect(sharedText(ydoc, 'slug').toString()).toBe(article.slug);
  expect(toPlainText(readArticleDoc(ydoc).body)).toBe(toPlainText(version.body));
  expect(article.headline).toBe(version.headline);
  expect(article.slug.length).toBeLessThan(80);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

describe('a restored revision with people in the story and stored browser copies, then every browser reloaded', () => {
  for (const people of [0, 1, 2]) {
    for (const withCopies of [false, true]) {
      it(`${people} in the story, ${withCopies ? 'with' : 'without'} stored copies: no text twice`, async () => {
        const { id, earlierRevisionId } = await articleToRestore();
        const who = [reporter, editor];
        // Both have had the story open before (their copies hold the rewritten text and a change each).
        const before = await Promise.all(who.map((person) => openEditor(id, person)));
        sharedText(before[0]!.browser.doc, 'headline').insert(REWRITTEN.headline.length, '（一）');
        await until(
          async () =>
            (await db.article.findUniqueOrThrow({ where: { id } })).headline === `${REWRITTEN.headline}（一）`,
        );
        // Those not in the story when it is restored leave now, keeping their copies.
        let copies = before.map(({ browser, generation }) => browser.copy(generation));
        for (const { browser } of before.slice(people)) browser.close();

        await restore(id, earlierRevisionId);
        for (const { browser } of before.slice(0, people)) {
          await until(() => sharedText(browser.doc, 'headline').toString() === EARLIER.headline);
          await expectExactly(browser.doc, id, EARLIER);
        }
        await settle();
        // Everyone reloads (those still in the story take what they were shown into their copy), twice,
        // the story leaving the co-editing process's memory in between: each load must find the
        // restore already in the stored document, not make it again.
        copies = copies.map((copy, index) => (index < people ? before[index]!.browser.copy(copy.generation) : copy));
        for (const { browser } of before.slice(0, people)) browser.close();
        for (let reload = 0; reload < 2; reload += 1) {
          const again = await Promise.all(
            who.map((person, index) => openEditor(id, person, withCopies ? copies[index] : undefined)),
          );
          await settle();
          for (const { browser } of again) await expectExactly(browser.doc, id, EARLIER);
          copies = again.map(({ browser, generation }) => browser.copy(generation));
          for (const { browser } of again) browser.close();
          await until(() => !server.hocuspocus.documents.has(articleDocumentName(id)));
        }
        const after = await Promise.all(
          who.map((person, index) => openEditor(id, person, withCopies ? copies[index] : undefined)),
        );
        await settle();
        for (const { browser } of after) await expectExactly(browser.doc, id, EARLIER);

        // The next change stores the restored text once, plus the change.
        sharedText(after[1]!.browser.doc, 'headline').insert(EARLIER.headline.length, '！');
        await until(
          async () => (await db.article.findUniqueOrThrow({ where: { id } })).headline === `${EARLIER.headline}！`,
        );
        const stored = await db.article.findUniqueOrThrow({ where: { id } });
        expect(toPlainText(JSON.parse(stored.body) as Doc)).toBe(toPlainText(EARLIER.body));
        for (const { browser } of after) {
          await until(() => sharedText(browser.doc, 'headline').toString() === `${EARLIER.headline}！`);
          browser.close();
        }
      });
    }
  }

  it('a restore while someone types within the store delay: the restored text wins, once', async () => {
    const { id, earlierRevisionId } = await articleToRestore();
    const { browser, generation } = await openEditor(id, reporter);
    sharedText(browser.doc, 'summary').insert(0, '正在写的摘要');
    await restore(id, earlierRevisionId);
    await until(() => sharedText(browser.doc, 'headline').toString() === EARLIER.headline);
    await until(
      async () =>
        (await db.collabDocument.findUnique({ where: { articleId: id } }))?.version ===
        (await db.article.findUniqueOrThrow({ where: { id } })).version,
    );
    await settle();
    const copy = browser.copy(generation);
    browser.close();
    const again = await openEditor(id, reporter, copy);
    await expectExactly(again.browser.doc, id, EARLIER);
    again.browser.close();
  });
});

describe('after `npm run restore` of an older backup (the shared documents forgotten)', () => {
  it('refuses a browser copy of the old history with stale-copy, and opens the restored text once', async () => {
    const { id } = await articleToRestore();
    const { browser, generation } = await openEditor(id, reporter);
    sharedText(browser.doc, 'headline').insert(REWRITTEN.headline.length, '（备份后改的）');
    await until(async () =>
      (await db.article.findUniqueOrThrow({ where: { id } })).headline.endsWith('（备份后改的）'),
    );
    const copy = browser.copy(generation);
    browser.close();
    await server.destroy();

    // What the restore leaves: the working copy as the older backup held it, and no shared documents.
    await save(id, EARLIER);
    snapshotFor(resolveDatabase(process.env)).forgetSharedDocuments(process.env.DATA_DIR!);
    expect(await db.collabDocument.count({ where: { articleId: id } })).toBe(0);
    await startServer();

    // A browser that trusts its own copy and names its generation: refused, nothing merged.
    const stale = openBrowser({
      url,
      cookie: await sessionCookie(db, reporter.id, SECRET),
      name: articleDocumentName(id),
      token: copy.generation,
      copy: copy.state,
    });
    opened.push(stale);
    expect(await stale.denied).toBe('stale-copy');
    stale.close();
    const rebuilt = await db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    expect(rebuilt.generation).not.toBe(generation);
    expect(readArticleDoc(docOf(rebuilt.state)).headline).toBe(EARLIER.headline);

    // The editor as it opens after the restore: the page's new generation, the old copy left out.
    const fresh = await openEditor(id, reporter, copy);
    await settle();
    await expectExactly(fresh.browser.doc, id, EARLIER);
    fresh.browser.close();
  });

  it('drops a loaded document whose stored one was rebuilt: its people are told stale-copy, nothing merged', async () => {
    const { id } = await articleToRestore();
    const { browser, generation } = await openEditor(id, reporter);
    await db.collabDocument.delete({ where: { articleId: id } });
    expect(await browser.closed).toBe('stale-copy');
    const stored = (await currentArticleDocument(db, id))!;
    expect(stored.generation).not.toBe(generation);
    // The browser's copy (old history) is refused; the stored document holds the text once.
    const stale = openBrowser({
      url,
      cookie: await sessionCookie(db, reporter.id, SECRET),
      name: articleDocumentName(id),
      token: generation,
      copy: browser.copy(generation).state,
    });
    opened.push(stale);
    expect(await stale.denied).toBe('stale-copy');
    expect(readArticleDoc(docOf(stored.state)).headline).toBe(REWRITTEN.headline);
    browser.close();
    stale.close();
  });
});

function docOf(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, new Uint8Array(state));
  return ydoc;
}
