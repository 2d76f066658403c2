// What a store writes is one moment of the shared document: the working copy and the stored state are
// taken together, and the state vector the browsers are told ('saved'.stored) is that state's. Typing
// that reaches the server while the save awaits the database belongs to the next store: were it in
// this state without its working copy, a kill -9 would leave the stored state holding text no working
// copy has, and nothing would write it again (every browser's copy is already covered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle } from '../articles/editor-service';
import type { Db } from '../db-client';
import { readArticleDoc, sharedText } from './article-doc';
import { typingStored } from './messages';
import { loadArticleDocument, storeArticleDocument } from './persistence';
import { currentStoredRow } from './stored-document';

const db = openTestDatabase();
let reporter: Actor;
let publicationId: string;

beforeAll(async () => {
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
});
afterAll(() => db.$disconnect());

/** The test's database, except that `during` runs when a store's transaction writes the working copy. */
function withHook(during: () => void): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== '$transaction') return Reflect.get(target, property, receiver);
      return (run: (tx: unknown) => Promise<unknown>) =>
        (target.$transaction as (fn: (tx: unknown) => Promise<unknown>) => Promise<unknown>)(async (tx) => {
          const hooked = new Proxy(tx as object, {
            get(inner, name, innerReceiver) {
              const value = Reflect.get(inner, name, innerReceiver) as unknown;
              if (name !== 'article') return value;
              return new Proxy(value as object, {
                get(table, method, tableReceiver) {
                  const call = Reflect.get(table, method, tableReceiver) as unknown;
                  if (method !== 'update' || typeof call !== 'function') return call;
                  return (...args: unknown[]) => {
                    during();
                    return (call as (...all: unknown[]) => unknown).apply(table, args);
                  };
                },
              });
            },
          });
          return run(hooked);
        });
    },
  }) as Db;
}

describe('a store', () => {
  it('writes the state the working copy was read from: typing arriving during the save waits for the next store', async () => {
    const id = (await createArticle(db, reporter, publicationId)).id;
    const server = new Y.Doc();
    const loaded = (await loadArticleDocument(db, id, server))!;
    sharedText(server, 'headline').insert(0, '第一稿');
    const browser = new Y.Doc();
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server));
    let late = false;
    const racing = withHook(() => {
      if (late) return;
      late = true;
      // A keystroke reaches the server while the working copy is being written.
      sharedText(browser, 'headline').insert(3, '又改');
      Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)));
    });

    const first = await storeArticleDocument(racing, id, server, reporter, { generation: loaded.generation });
    expect(first.kind).toBe('saved');
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article.headline).toBe('第一稿');
    const stored = (await currentStoredRow(db, id))!;
    expect(readArticleDoc(docOf(stored.state)).headline).toBe('第一稿');
    // The browser is told its last keystroke is not in what was written.
    expect(first.kind === 'saved' && typingStored(first.stored, browser)).toBe(false);

    const second = await storeArticleDocument(db, id, server, reporter, { generation: loaded.generation });
    expect(second.kind).toBe('saved');
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe('第一稿又改');
    expect(readArticleDoc(docOf((await currentStoredRow(db, id))!.state)).headline).toBe('第一稿又改');
    expect(second.kind === 'saved' && typingStored(second.stored, browser)).toBe(true);
  });

  it('stores the slug the save chose in the same state', async () => {
    const id = (await createArticle(db, reporter, publicationId)).id;
    const server = new Y.Doc();
    const loaded = (await loadArticleDocument(db, id, server))!;
    sharedText(server, 'headline').insert(0, '衢江两岸灯火');
    const outcome = await storeArticleDocument(db, id, server, reporter, { generation: loaded.generation });
    expect(outcome.kind).toBe('saved');
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(readArticleDoc(docOf((await currentStoredRow(db, id))!.state)).slug).toBe(article.slug);
    expect(readArticleDoc(server).slug).toBe(article.slug);
  });
});

function docOf(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}
