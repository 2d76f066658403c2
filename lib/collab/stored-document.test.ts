// The document authority on the database itself (runs on SQLite and, in the postgresql project, on
// PostgreSQL): one generation per history, an outside change turned into Yjs operations exactly once,
// the compare-and-swap that makes a losing writer merge instead of overwrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle, moveToTrash, saveArticle } from '../articles/editor-service';
import { doc, paragraph } from '../content/builders';
import type { Db } from '../db-client';
import { readArticleDoc, sharedText } from './article-doc';
import { currentArticleDocument, currentStoredRow, swapStoredState } from './stored-document';

const db = openTestDatabase();
let reporter: Actor;
let publicationId: string;

beforeAll(async () => {
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
});
afterAll(() => db.$disconnect());

async function newArticle(headline: string, paragraphs: string[]): Promise<string> {
  const id = (await createArticle(db, reporter, publicationId)).id;
  await rewrite(id, headline, paragraphs);
  return id;
}

/** A change made outside the sockets (what restoring a revision or an import does to the working copy). */
async function rewrite(id: string, headline: string, paragraphs: string[]): Promise<void> {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const body = doc(...paragraphs.map((text) => paragraph(text)));
  const saved = await saveArticle(
    db,
    reporter,
    id,
    article.version,
    articleInput(reporter, undefined, { headline, byline: null, body }),
  );
  expect(saved.ok).toBe(true);
}

function docOf(...states: Uint8Array[]): Y.Doc {
  const ydoc = new Y.Doc();
  for (const state of states) Y.applyUpdate(ydoc, state);
  return ydoc;
}

const bodyText = (ydoc: Y.Doc) =>
  readArticleDoc(ydoc)
    .body.content.map((block) => (block.content ?? []).map((inline) => inline.text ?? '').join(''))
    .join('|');

describe('the stored shared document', () => {
  it('is built from the working copy once, with a generation, and read as it is afterwards', async () => {
    const id = await newArticle('石梁溪综合治理完工', ['第一段。', '第二段。']);
    const first = await currentStoredRow(db, id);
    expect(first).not.toBeNull();
    expect(first!.generation).toMatch(/^[0-9a-f-]{36}$/);
    const again = await currentStoredRow(db, id);
    expect(again).toEqual(first);
    expect(readArticleDoc(docOf(again!.state)).headline).toBe('石梁溪综合治理完工');
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(again!.version).toBe(article.version);
  });

  it('answers null for a story that does not exist or is in the trash', async () => {
    expect(await currentArticleDocument(db, 'clx0doesnotexist000000000')).toBeNull();
    const id = await newArticle('要删的稿', ['一段。']);
    await moveToTrash(db, reporter, id);
    expect(await currentArticleDocument(db, id)).toBeNull();
  });

  it('has one creator when two build a missing document at once: both get the stored one', async () => {
    const id = await newArticle('两人同时打开', ['正文。']);
    const [a, b] = await Promise.all([currentArticleDocument(db, id), currentArticleDocument(db, id)]);
    expect(a!.generation).toBe(b!.generation);
    const row = await db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    expect(row.generation).toBe(a!.generation);
    // Both answers are the one stored state, so their items are the same items: merged, nothing twice.
    expect(Buffer.from(a!.state).equals(row.state)).toBe(true);
    expect(Buffer.from(b!.state).equals(row.state)).toBe(true);
  });

  it('takes an outside change exactly once, so a browser copy of the old state merges without doubling', async () => {
    const id = await newArticle('原来的主题', ['原来的第一段。', '原来的第二段。']);
    const before = (await currentStoredRow(db, id))!;
    await rewrite(id, '恢复后的主题', ['恢复后的第一段。']);
    // Three readers at once: one applies the change, the others read what it stored.
    const [a, b, c] = await Promise.all([currentStoredRow(db, id), currentStoredRow(db, id), currentStoredRow(db, id)]);
    expect(a!.serial).toBe(before.serial + 1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a!.generation).toBe(before.generation);
    // The browser had the old state; it reloads and meets the new one.
    const browser = docOf(before.state, a!.state);
    expect(sharedText(browser, 'headline').toString()).toBe('恢复后的主题');
    expect(bodyText(browser)).toBe('恢复后的第一段。');
  });

  it('re-reads and merges when another writer wins the compare-and-swap', async () => {
    const id = await newArticle('并发写入', ['正文。']);
    const start = (await currentStoredRow(db, id))!;
    await rewrite(id, '外部修改后的主题', ['正文。']);
    // Someone typing in the story stores their state just as the outside change is being applied.
    let raced = false;
    const typed = docOf(start.state);
    sharedText(typed, 'summary').insert(0, '有人在写摘要');
    const racing = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'collabDocument') return Reflect.get(target, property, receiver);
        const table = target.collabDocument;
        return new Proxy(table, {
          get(inner, key, innerReceiver) {
            if (key !== 'updateMany' || raced) return Reflect.get(inner, key, innerReceiver);
            return async (...args: Parameters<typeof table.updateMany>) => {
              raced = true;
              expect(
                await swapStoredState(target, id, start, {
                  state: Y.encodeStateAsUpdate(typed),
                  version: start.version,
                }),
              ).toBe(true);
              return table.updateMany(...args);
            };
          },
        });
      },
    }) as Db;
    const current = (await currentStoredRow(racing, id))!;
    expect(raced).toBe(true);
    expect(current.serial).toBe(start.serial + 2);
    const merged = docOf(current.state);
    // Built on the winner's state (its items are in), not over it; the outside change then makes the
    // story the working copy (the restore wins over the summary typed since).
    expect(Y.decodeStateVector(Y.encodeStateVector(merged)).get(typed.clientID)).toBeGreaterThan(0);
    expect(sharedText(merged, 'headline').toString()).toBe('外部修改后的主题');
    expect(sharedText(merged, 'summary').toString()).toBe('');
    // The browser that typed merges what is stored: the headline once.
    const browser = docOf(Y.encodeStateAsUpdate(typed), current.state);
    expect(readArticleDoc(browser)).toEqual(readArticleDoc(merged));
    expect(sharedText(browser, 'headline').toString()).toBe('外部修改后的主题');
  });

  it('gives a rebuilt document a new generation', async () => {
    const id = await newArticle('重建', ['正文。']);
    const first = (await currentArticleDocument(db, id))!;
    await db.collabDocument.delete({ where: { articleId: id } });
    const rebuilt = (await currentArticleDocument(db, id))!;
    expect(rebuilt.generation).not.toBe(first.generation);
  });
});
