// The co-editing server with real sockets: two people in one story, the rules at the socket, and
// what reaches the database.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Server } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import { cookieSocket } from '../../test/support/cookie-socket';
import { openTestDatabase } from '../../test/support/database';
import { sessionToken } from '../../test/support/sessions';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle, saveArticle } from '../articles/editor-service';
import type { Doc } from '../content/types';
import { sharedText } from './article-doc';
import { articleDocumentName } from './document-name';
import { MAX_MESSAGE_BYTES } from './limits';
import { createCollabServer, recheckConnections } from './server';

const db = openTestDatabase();
const SECRET = 'collab-test-secret-0123456789abcdef';
let server: Server;
let url: string;
let reporter: Actor;
let editor: Actor;
let other: Actor;
let articleId: string;

async function cookieFor(user: Actor, sessionVersion = 0): Promise<string> {
  const token = await sessionToken(db, user.id, SECRET, sessionVersion);
  return `next-auth.session-token=${token}`;
}

type Client = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  denied: Promise<string>;
  synced: Promise<void>;
  closed: Promise<number>;
};
// Every socket opened, closed at the end: a provider does not close a socket it was handed, and a
// socket left open keeps reconnecting to a server that is gone.
const sockets: HocuspocusProviderWebsocket[] = [];

function connect(cookie: string, name = articleDocumentName(articleId), origin = 'http://newsroom.test'): Client {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: cookieSocket(cookie, origin),
    maxAttempts: 1,
  });
  sockets.push(socket);
  const doc = new Y.Doc();
  let deny: (reason: string) => void = () => {};
  let sync: () => void = () => {};
  let close: (code: number) => void = () => {};
  const denied = new Promise<string>((resolve) => (deny = resolve));
  const synced = new Promise<void>((resolve) => (sync = resolve));
  const closed = new Promise<number>((resolve) => (close = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: 'cookie',
    onAuthenticationFailed: ({ reason }) => deny(reason),
    onSynced: () => sync(),
    onClose: ({ event }) => close(event.code),
  });
  provider.attach();
  return { provider, doc, denied, synced, closed };
}

/** How the upgrade of a raw socket ends: its HTTP status when refused, its close code when closed at once. */
function upgradeOutcome(
  cookie: string,
  origin = 'http://newsroom.test',
): Promise<{ status: number } | { closed: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { cookie, origin } });
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('close', (code) => resolve({ closed: code }));
    socket.on('error', () => {});
  });
}

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  await loadSampleIssue(db);
  const publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  other = await makeActor(db, 'REPORTER', { name: '记者乙' });
  editor = await makeActor(db, 'EDITOR', { name: '编辑丙' });
  articleId = (await createArticle(db, reporter, publicationId)).id;
  server = createCollabServer({
    db,
    secret: SECRET,
    port: 0,
    allowedOrigins: ['http://newsroom.test'],
    recheckMs: 60_000,
    log: () => {},
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

it('listens on the loopback address only (the web server relays /collab to it)', () => {
  expect(server.address.address).toBe('127.0.0.1');
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  // A reconnect already scheduled still runs once: let it meet a live server.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await server.destroy();
  await db.$disconnect();
});

describe('the co-editing server', () => {
  it('lets the reporter and an editor type in one headline at once, and writes the working copy', async () => {
    const a = connect(await cookieFor(reporter));
    const b = connect(await cookieFor(editor));
    await Promise.all([a.synced, b.synced]);
    sharedText(a.doc, 'headline').insert(0, '柯城');
    sharedText(b.doc, 'headline').insert(0, '今日');
    await until(() => sharedText(a.doc, 'headline').length === 4 && sharedText(b.doc, 'headline').length === 4);
    expect(sharedText(a.doc, 'headline').toString()).toBe(sharedText(b.doc, 'headline').toString());
    const final = sharedText(a.doc, 'headline').toString();
    expect([...final].sort().join('')).toBe([...'今日柯城'].sort().join(''));
    await until(
      async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).headline === final,
      15_000,
    );
    const stored = await db.collabDocument.findUniqueOrThrow({ where: { articleId: articleId } });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(stored.version).toBe(article.version);
    a.provider.destroy();
    b.provider.destroy();
  });

  it('立即保存 (the seal message) writes at once and closes the rolling revision as a save', async () => {
    const client = connect(await cookieFor(reporter));
    await client.synced;
    sharedText(client.doc, 'dateline').insert(0, '本报讯');
    await until(
      async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).dateline === '本报讯',
      15_000,
    );
    const tip = () =>
      db.revision.findFirstOrThrow({
        where: { articleId: articleId },
        orderBy: { version: 'desc' },
        select: { kind: true, dateline: true },
      });
    expect(await tip()).toEqual({ kind: 'AUTOSAVE', dateline: '本报讯' });
    client.provider.sendStateless('seal');
    await until(async () => (await tip()).kind === 'SAVE', 5_000);
    client.provider.destroy();
  });

  it('refuses a forged or revoked session, an unknown document name, another reporter’s story and another site', async () => {
    const forged = await encode({ token: { uid: reporter.id, sv: 0 }, secret: 'not-the-secret-0123456789abcdef' });
    // No valid session, another site: refused at the upgrade (extensions/guard.ts), the socket never opens.
    expect(await upgradeOutcome(`next-auth.session-token=${forged}`)).toEqual({ status: 401 });
    expect(await upgradeOutcome('')).toEqual({ status: 401 });
    expect(await connect(await cookieFor(reporter), 'story:../../etc/passwd').denied).toBe('unknown-document');
    expect(await connect(await cookieFor(reporter), 'page:1').denied).toBe('unknown-document');
    expect(await connect(await cookieFor(other)).denied).toBe('forbidden');
    // A session this app signed that was revoked since: told so as it is closed.
    expect(await upgradeOutcome(await cookieFor(reporter, 7))).toEqual({ closed: 4401 });
    // A page on another site opening a socket with the reporter's cookie.
    expect(await upgradeOutcome(await cookieFor(reporter), 'https://evil.example')).toEqual({ status: 403 });
  });

  it('lets an admin watch live without typing: what they send is not applied', async () => {
    const admin = await makeActor(db, 'ADMIN', { name: '管理员戊', twoFactor: true });
    const writer = connect(await cookieFor(reporter));
    const watcher = connect(await cookieFor(admin));
    await Promise.all([writer.synced, watcher.synced]);
    sharedText(writer.doc, 'subheadline').insert(0, '记者写的副题');
    await until(() => sharedText(watcher.doc, 'subheadline').toString() === '记者写的副题');
    sharedText(watcher.doc, 'dateline').insert(0, '管理员改的');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sharedText(writer.doc, 'dateline').toString()).not.toContain('管理员改的');
    writer.provider.destroy();
    watcher.provider.destroy();
  });

  it('closes the socket of a person deactivated while editing', async () => {
    const victim = await makeActor(db, 'EDITOR', { name: '编辑丁' });
    const witness = connect(await cookieFor(reporter));
    const client = connect(await cookieFor(victim));
    await Promise.all([witness.synced, client.synced]);
    await db.user.update({ where: { id: victim.id }, data: { active: false } });
    const connected = () =>
      [...server.hocuspocus.documents.values()].some((document) =>
        document
          .getConnections()
          .some((connection) => (connection.context as { user?: { id: string } }).user?.id === victim.id),
      );
    expect(connected()).toBe(true);
    expect(await recheckConnections(server.hocuspocus, db)).toBe(1);
    await client.closed;
    expect(connected()).toBe(false);
    // What the closed client types no longer reaches anyone, and it cannot come back.
    sharedText(client.doc, 'kicker').insert(0, '不该出现');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sharedText(witness.doc, 'kicker').toString()).not.toContain('不该出现');
    expect(await upgradeOutcome(await cookieFor(victim))).toEqual({ closed: 4401 });
    client.provider.destroy();
    witness.provider.destroy();
  });

  it('drops an oversized message without touching the stored document', async () => {
    const client = connect(await cookieFor(reporter));
    await client.synced;
    // What the tests before typed is stored first (its debounced store would otherwise land in between).
    const storeId = `onStoreDocument-${articleDocumentName(articleId)}`;
    await until(
      () =>
        !server.hocuspocus.debouncer.isDebounced(storeId) && !server.hocuspocus.debouncer.isCurrentlyExecuting(storeId),
    );
    const before = await db.collabDocument.findUniqueOrThrow({ where: { articleId: articleId } });
    sharedText(client.doc, 'summary').insert(0, 'x'.repeat(MAX_MESSAGE_BYTES + 1024));
    expect(await client.closed).toBe(1009);
    const after = await db.collabDocument.findUniqueOrThrow({ where: { articleId: articleId } });
    expect(Buffer.compare(after.state, before.state)).toBe(0);
    client.provider.destroy();
  });

  it('refuses a malformed update (Hocuspocus logs and drops it): the stored document and the others are untouched', async () => {
    const witness = connect(await cookieFor(reporter));
    const client = connect(await cookieFor(editor));
    await Promise.all([witness.synced, client.synced]);
    sharedText(witness.doc, 'kicker').insert(0, '之前');
    await until(
      async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).kicker === '之前',
      15_000,
    );
    const before = await db.collabDocument.findUniqueOrThrow({ where: { articleId: articleId } });
    // A Hocuspocus sync message (document name, Sync = 0, Update = 2) whose Yjs update is garbage.
    const message = encoding.createEncoder();
    encoding.writeVarString(message, articleDocumentName(articleId));
    encoding.writeVarUint(message, 0);
    encoding.writeVarUint(message, 2);
    encoding.writeVarUint8Array(message, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02, 0x03, 0x7f]));
    const raw = (client.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    raw.send(encoding.toUint8Array(message));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The story goes on for everyone else, and what was stored is what was stored.
    const after = await db.collabDocument.findUniqueOrThrow({ where: { articleId: articleId } });
    expect(Buffer.compare(after.state, before.state)).toBe(0);
    const other = connect(await cookieFor(editor));
    await other.synced;
    expect(sharedText(other.doc, 'kicker').toString()).toBe('之前');
    sharedText(witness.doc, 'kicker').insert(2, '之后');
    await until(() => sharedText(other.doc, 'kicker').toString() === '之前之后');
    for (const each of [witness, client, other]) each.provider.destroy();
  });
});

/** A second server of its own, with a short refresh, that the clients `connect` to while `work` runs. */
async function withServer(recheckMs: number, work: (server: Server) => Promise<void>): Promise<void> {
  const own = createCollabServer({
    db,
    secret: SECRET,
    port: 0,
    allowedOrigins: ['http://newsroom.test'],
    recheckMs,
    log: () => {},
  });
  await own.listen();
  const previous = url;
  url = `ws://127.0.0.1:${own.address.port}`;
  try {
    await work(own);
  } finally {
    url = previous;
  }
}

/** The headline changed as 历史版本 or the form saves it: in the working copy, without the socket. */
async function saveOutside(id: string, headline: string): Promise<void> {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const outside = await saveArticle(
    db,
    editor,
    id,
    article.version,
    articleInput(reporter, undefined, { headline, body: JSON.parse(article.body) as Doc }),
  );
  expect(outside.ok).toBe(true);
}

describe('the co-editing server with the database changing beside it', () => {
  it('brings a change made outside the socket (a restored revision) into a loaded document, and a shutdown stores what was sent', async () => {
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const articleId = (await createArticle(db, reporter, publicationId)).id;
    await withServer(300, async (second) => {
      const client = connect(await cookieFor(reporter), articleDocumentName(articleId));
      await client.synced;
      // Someone restores an old version from 历史版本: the working copy moves without the socket.
      await saveOutside(articleId, '从历史版本恢复的主题');
      await until(() => sharedText(client.doc, 'headline').toString() === '从历史版本恢复的主题', 5_000);

      // Typed a moment before the process stops (well inside the 2 s write delay): kept.
      sharedText(client.doc, 'summary').insert(0, '停机前最后一句');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await second.destroy();
      const stored = await db.article.findUniqueOrThrow({ where: { id: articleId } });
      expect(stored.summary).toBe('停机前最后一句');
      expect(stored.headline).toBe('从历史版本恢复的主题');
      const state = await db.collabDocument.findUniqueOrThrow({ where: { articleId } });
      expect(state.version).toBe(stored.version);
      client.provider.destroy();
    });
  });
});

describe('a story left while the server takes an outside change into it', () => {
  // Hocuspocus unloads a document when its last socket closes, unless its save lock is held; it tries
  // again only after a store of its own. The refresh holds that lock while it takes an outside change
  // in: a person leaving just then left the document in memory for good, and `server.destroy()` (a
  // shutdown, a restart) waited for it forever (seen in CI, lib/collab/outside-changes.test.ts).
  it('leaves memory once the refresh lets go of it, and the server can stop', async () => {
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const id = (await createArticle(db, reporter, publicationId)).id;
    const name = articleDocumentName(id);
    await withServer(100, async (third) => {
      const client = connect(await cookieFor(reporter), name);
      await client.synced;
      // The refresh, when it takes the lock, waits at a gate until the person has left.
      const document = third.hocuspocus.documents.get(name)!;
      const lock = document.saveMutex;
      const runExclusive = lock.runExclusive.bind(lock);
      let entered = false;
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      lock.runExclusive = ((callback: () => Promise<unknown>) =>
        runExclusive(async () => {
          entered = true;
          await gate;
          return callback();
        })) as typeof lock.runExclusive;
      await saveOutside(id, '别处改的主题');
      await until(() => entered, 5_000);
      client.provider.destroy();
      await until(() => document.getConnectionsCount() === 0, 5_000);
      open();
      await until(() => !third.hocuspocus.documents.has(name), 5_000);
      await third.destroy();
    });
  });
});
