// The co-editing process killed with SIGKILL (no chance to store): what it received since its last
// store is gone from its memory, but the person's own copy of the document (the browser keeps it in
// IndexedDB; here the client's Y.Doc) still holds it and is sent again when the socket reconnects to
// the restarted process, so nothing typed is lost. Runs server/collab.ts as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadSampleIssue } from '../../seeds/load-sample';
import { collabArgs } from '../../server/serve-command';
import { waitForPort } from '../../server/wait-for-port';
import { cookieSocket } from '../../test/support/cookie-socket';
import { openTestDatabase } from '../../test/support/database';
import { freePort } from '../../test/support/free-port';
import { sessionToken } from '../../test/support/sessions';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { createArticle } from '../articles/editor-service';
import { sharedText } from './article-doc';
import { articleDocumentName } from './document-name';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECRET = 'collab-crash-secret-0123456789abcdef';
const ORIGIN = 'http://newsroom.test';
const db = openTestDatabase();
const children: ChildProcess[] = [];
let port: number;
let reporter: Actor;

/** The co-editing process on this test file's database, started exactly as `npm start` starts it (one process). */
async function startCollab(): Promise<ChildProcess> {
  const child = spawn(process.execPath, collabArgs(), {
    cwd: ROOT,
    env: { ...process.env, NEXTAUTH_SECRET: SECRET, COLLAB_PORT: String(port), SITE_URL: ORIGIN },
    stdio: 'ignore',
  });
  children.push(child);
  await waitForPort(port, child);
  return child;
}

function connect(
  cookie: string,
  name: string,
): { provider: HocuspocusProvider; doc: Y.Doc; socket: HocuspocusProviderWebsocket } {
  // Reconnects as the browser's provider does (short delays, so the test does not wait long).
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}`,
    WebSocketPolyfill: cookieSocket(cookie, ORIGIN),
    delay: 100,
    maxDelay: 500,
    minDelay: 100,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: 'cookie' });
  provider.attach();
  return { provider, doc, socket };
}

function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const until = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  await loadSampleIssue(db);
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  port = await freePort();
}, 60_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db.$disconnect();
});

describe('the co-editing process killed with SIGKILL', () => {
  it('gets what was typed since its last store again from the person’s copy when it is back', async () => {
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const articleId = (await createArticle(db, reporter, publicationId)).id;
    const first = await startCollab();
    const token = await sessionToken(db, reporter.id, SECRET);
    const client = connect(`next-auth.session-token=${token}`, articleDocumentName(articleId));
    await until(() => client.provider.isSynced);

    // Typed, and stored by the process (its write delay is a few seconds).
    sharedText(client.doc, 'headline').insert(0, '衢江区召开现场会');
    await until(
      async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).headline === '衢江区召开现场会',
    );
    // Typed and received by the process (no change waits on this side), then the process dies before it stores.
    sharedText(client.doc, 'summary').insert(0, '被杀之前的最后一句');
    await until(() => client.provider.unsyncedChanges === 0);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(await listening()).toBe(false);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).summary ?? '').toBe('');

    // Typed while the process is down: kept on this side.
    sharedText(client.doc, 'summary').insert('被杀之前的最后一句'.length, '，停机时又写一句');
    await startCollab();
    await until(
      async () =>
        (await db.article.findUniqueOrThrow({ where: { id: articleId } })).summary ===
        '被杀之前的最后一句，停机时又写一句',
    );
    const stored = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(stored.headline).toBe('衢江区召开现场会');
    client.provider.destroy();
    client.socket.destroy();
  }, 90_000);
});
