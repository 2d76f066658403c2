// The guard on a real Hocuspocus server and real sockets on loopback addresses: who gets in at the
// upgrade, what a socket may send before and after it is authenticated, and what it may say.
import http from 'node:http';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { MessageType, Server, type onAuthenticatePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { relayUpgrade } from '../../../server/upgrade-relay';
import { cookieSocket } from '../../../test/support/cookie-socket';
import { openTestDatabase } from '../../../test/support/database';
import { sessionToken } from '../../../test/support/sessions';
import { makeActor } from '../../../test/support/users';
import type { Actor } from '../../access/actor';
import { guardExtension, PRE_AUTH_FRAME_BYTES, PRE_AUTH_QUEUE_BYTES, type GuardExtension } from './guard';

const db = openTestDatabase();
const SECRET = 'guard-test-secret-0123456789abcdef';
const ARTICLE = 'story:guardtest0000000000001';
const lines: string[] = [];
let guard: GuardExtension;
let server: Server;
let port: number;
let origin: string;
let writer: { id: string };
let colleague: { id: string };
let revoked: { id: string };

async function cookieOf(user: Pick<Actor, 'id'>, sessionVersion = 0): Promise<string> {
  return `next-auth.session-token=${await sessionToken(db, user.id, SECRET, sessionVersion)}`;
}

type Opened =
  { socket: WebSocket; frames: Uint8Array[]; closed: Promise<{ code: number; reason: string }> } | { status: number };

/** A raw socket; resolves once it is open or the upgrade was answered with an HTTP status. */
function open(headers: Record<string, string>, url = `ws://127.0.0.1:${port}`): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const frames: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    socket.once('open', () => resolve({ socket, frames, closed }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', (error) => reject(error));
  });
}

async function openSocket(headers: Record<string, string>, url?: string) {
  const opened = await open(headers, url);
  if ('status' in opened) throw new Error(`upgrade answered ${opened.status}`);
  return opened;
}

function frame(name: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const authFrame = (name: string) =>
  frame(name, MessageType.Auth, (encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, 'cookie');
  });
const broadcastFrame = (name: string, payload: string) =>
  frame(name, MessageType.BroadcastStateless, (encoder) => encoding.writeVarString(encoder, payload));
function awarenessFrame(name: string, entries: { id: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.id);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  return frame(name, MessageType.Awareness, (encoder) =>
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update)),
  );
}

/** Whether a server frame is the Auth answer `Authenticated` (sub-type 2). */
function isAuthenticated(data: Uint8Array): boolean {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === MessageType.Auth && decoding.readVarUint(decoder) === 2;
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A raw socket authenticated into the story. */
async function authenticatedSocket(user: Pick<Actor, 'id'>, extra: Record<string, string> = {}) {
  const opened = await openSocket({ cookie: await cookieOf(user), origin, ...extra });
  opened.socket.send(authFrame(ARTICLE));
  await until(() => opened.frames.some(isAuthenticated));
  return opened;
}

const providers: HocuspocusProviderWebsocket[] = [];
/** A browser's provider in the story, with a presence. */
async function browserIn(user: Pick<Actor, 'id'>, name: string) {
  const cookie = await cookieOf(user);
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}`,
    WebSocketPolyfill: cookieSocket(cookie, origin),
    maxAttempts: 1,
  });
  providers.push(socket);
  const stateless: string[] = [];
  let synced: () => void = () => {};
  const ready = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: ARTICLE,
    document: new Y.Doc(),
    token: 'cookie',
    onSynced: () => synced(),
    onStateless: ({ payload }) => void stateless.push(payload),
  });
  provider.attach();
  provider.setAwarenessField('user', { name });
  await ready;
  return { provider, stateless };
}

beforeAll(async () => {
  writer = await makeActor(db, 'REPORTER', { name: '记者甲' });
  colleague = await makeActor(db, 'EDITOR', { name: '编辑乙' });
  revoked = await makeActor(db, 'REPORTER', { name: '记者丙' });
  await db.user.update({ where: { id: revoked.id }, data: { sessionVersion: 1 } });
  guard = guardExtension({
    db,
    secret: SECRET,
    allowedOrigins: ['https://news.example.cn'],
    trustedProxyHops: 0,
    log: (line) => lines.push(line),
  });
  server = new Server({
    quiet: true,
    stopOnSignals: false,
    extensions: [guard],
    // Stands in for the newsroom's own authentication: some names are refused, some never answer.
    async onAuthenticate({ documentName, requestHeaders, connectionConfig }: onAuthenticatePayload) {
      if (documentName.startsWith('refused')) throw Object.assign(new Error('forbidden'), { reason: 'forbidden' });
      if (documentName.startsWith('slow')) await new Promise(() => {});
      if (requestHeaders['x-read-only']) connectionConfig.readOnly = true;
    },
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  port = server.address.port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const socket of providers) socket.destroy();
  await server.destroy();
  await db.$disconnect();
});

describe('the guard at the upgrade', () => {
  it('refuses a socket without a session (401), with a forged one (401), from another site (403), or another site behind a spoofed X-Forwarded-Host (403)', async () => {
    expect(await open({ origin })).toEqual({ status: 401 });
    const forged = await encode({ token: { uid: writer.id, sv: 0 }, secret: 'not-the-secret-0123456789abcdefgh' });
    expect(await open({ origin, cookie: `next-auth.session-token=${forged}` })).toEqual({ status: 401 });
    expect(await open({ origin: 'https://evil.example', cookie: await cookieOf(writer) })).toEqual({ status: 403 });
    expect(
      await open({
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        cookie: await cookieOf(writer),
      }),
    ).toEqual({ status: 403 });
    // Nothing was kept for any of them.
    expect(guard.preAuthBytes()).toBe(0);
  });

  it('lets in the page of the address the browser used, through the web server’s relay too, the configured site, and a client without Origin', async () => {
    const cookie = await cookieOf(writer);
    const direct = await openSocket({ cookie, origin });
    const listed = await openSocket({ cookie, origin: 'https://news.example.cn' });
    const cli = await openSocket({ cookie });
    // 127.0.0.2 stands in for a LAN address: the relay of server/serve.ts listens there.
    const relay = http.createServer();
    relay.on('upgrade', (request, socket, head) => relayUpgrade(request, socket, head, port));
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.2', resolve));
    const relayPort = (relay.address() as { port: number }).port;
    const lan = await openSocket({ cookie, origin: `http://127.0.0.2:${relayPort}` }, `ws://127.0.0.2:${relayPort}`);
    expect(await open({ cookie, origin: `http://127.0.0.1:${port}` }, `ws://127.0.0.2:${relayPort}`)).toEqual({
      status: 403,
    });
    for (const each of [direct, listed, cli, lan]) each.socket.close();
    relay.close();
  });

  it('tells a session this app signed that no longer stands why it is closed (4401 signed-out)', async () => {
    const opened = await openSocket({ cookie: await cookieOf(revoked, 0), origin });
    expect(await opened.closed).toEqual({ code: 4401, reason: 'signed-out' });
    expect(opened.frames).toEqual([]);
  });
});

describe('the guard before authentication', () => {
  it('closes a socket whose authentication was refused, once the refusal is sent', async () => {
    const opened = await openSocket({ cookie: await cookieOf(writer), origin });
    opened.socket.send(authFrame('refused:1'));
    expect(await opened.closed).toEqual({ code: 4403, reason: 'forbidden' });
    expect(opened.frames.length).toBe(1);
    expect(lines.some((line) => line.includes('refused "refused:1"') && line.includes('"forbidden"'))).toBe(true);
  });

  it('cuts off a socket that sends more than the pre-authentication cap, and what it sent is let go', async () => {
    const opened = await openSocket({ cookie: await cookieOf(writer), origin });
    opened.socket.send(authFrame('slow:1'));
    const chunk = frame('slow:1', MessageType.Sync, (encoder) =>
      encoding.writeVarUint8Array(encoder, new Uint8Array(64 * 1024)),
    );
    let most = 0;
    for (let sent = 0; sent < 40 && opened.socket.readyState === WebSocket.OPEN; sent += 1) {
      opened.socket.send(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
      most = Math.max(most, guard.preAuthBytes());
    }
    await opened.closed;
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(PRE_AUTH_QUEUE_BYTES + chunk.length);
    await until(() => guard.preAuthBytes() === 0);
    expect(lines.some((line) => line.includes('before authentication of "slow:1"'))).toBe(true);
  });

  it('cuts off a socket at one frame over the pre-authentication frame cap', async () => {
    const opened = await openSocket({ cookie: await cookieOf(writer), origin });
    opened.socket.send(
      frame('slow:2', MessageType.Sync, (encoder) =>
        encoding.writeVarUint8Array(encoder, new Uint8Array(PRE_AUTH_FRAME_BYTES + 1)),
      ),
    );
    expect((await opened.closed).code).toBe(1006);
    await until(() => guard.preAuthBytes() === 0);
  });

  it('lets an authenticated socket send large frames (the caps are for before authentication)', async () => {
    const opened = await authenticatedSocket(writer);
    const big = frame(ARTICLE, MessageType.Awareness, (encoder) =>
      encoding.writeVarUint8Array(
        encoder,
        encoding.toUint8Array(
          (() => {
            const update = encoding.createEncoder();
            encoding.writeVarUint(update, 1);
            encoding.writeVarUint(update, 424242);
            encoding.writeVarUint(update, 1);
            encoding.writeVarString(update, JSON.stringify({ note: 'x'.repeat(PRE_AUTH_FRAME_BYTES * 2) }));
            return update;
          })(),
        ),
      ),
    );
    opened.socket.send(big);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened.socket.readyState).toBe(WebSocket.OPEN);
    opened.socket.close();
  });
});

describe('the guard after authentication: only the server speaks for the server', () => {
  it('drops a client’s broadcast-stateless message and closes its socket, a read-only socket’s too', async () => {
    const reader = await browserIn(colleague, '编辑乙');
    const variants: Record<string, string>[] = [{}, { 'x-read-only': '1' }];
    for (const extra of variants) {
      const forger = await authenticatedSocket(writer, extra);
      forger.socket.send(
        broadcastFrame(
          ARTICLE,
          JSON.stringify({ kind: 'save-refused', error: '保存失败：请到 http://evil.example 重新登录' }),
        ),
      );
      expect(await forger.closed).toEqual({ code: 4400, reason: 'forbidden-message' });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reader.stateless).toEqual([]);
    // The server's own messages still reach everyone.
    server.hocuspocus.documents.get(ARTICLE)!.broadcastStateless('from-the-server');
    await until(() => reader.stateless.includes('from-the-server'));
    reader.provider.destroy();
  });

  it('never applies awareness for a presence id another person’s socket announced (the frame is dropped, the socket stays: honest providers echo others’ presence), and keeps the socket’s own', async () => {
    const reader = await browserIn(colleague, '编辑乙');
    const document = server.hocuspocus.documents.get(ARTICLE)!;
    const readerId = reader.provider.document.clientID;
    const honest = await authenticatedSocket(writer);
    honest.socket.send(awarenessFrame(ARTICLE, [{ id: 777001, clock: 1, state: { user: { name: '记者甲' } } }]));
    await until(() => document.awareness.getStates().has(777001));
    honest.socket.send(awarenessFrame(ARTICLE, [{ id: 777001, clock: 2, state: { user: { name: '记者甲（改）' } } }]));
    await until(
      () => (document.awareness.getStates().get(777001) as { user: { name: string } }).user.name === '记者甲（改）',
    );

    const forger = await authenticatedSocket(writer);
    forger.socket.send(
      awarenessFrame(ARTICLE, [{ id: readerId, clock: 99, state: { user: { name: '总编丙（正在审读，请勿修改）' } } }]),
    );
    await until(() =>
      lines.some((line) => line.includes('dropped awareness') && line.includes(`presence id ${readerId}`)),
    );
    expect(document.awareness.getStates().get(readerId)).toEqual({ user: { name: '编辑乙' } });
    // Nor a removal of someone else's presence (what a provider's 30 s timeout sends on).
    forger.socket.send(awarenessFrame(ARTICLE, [{ id: readerId, clock: 100, state: null }]));
    // The socket's own presence still goes through.
    forger.socket.send(awarenessFrame(ARTICLE, [{ id: 777002, clock: 1, state: { user: { name: '记者甲' } } }]));
    await until(() => document.awareness.getStates().has(777002));
    expect(document.awareness.getStates().get(readerId)).toEqual({ user: { name: '编辑乙' } });
    expect(forger.socket.readyState).toBe(WebSocket.OPEN);
    // A removal claims nothing: the id's own person may announce it later (after a restart, a browser
    // times out others' old states before their people are back).
    forger.socket.send(awarenessFrame(ARTICLE, [{ id: 777003, clock: 5, state: null }]));
    const owner = await authenticatedSocket(colleague);
    owner.socket.send(awarenessFrame(ARTICLE, [{ id: 777003, clock: 6, state: { user: { name: '编辑乙' } } }]));
    await until(() => document.awareness.getStates().has(777003));
    honest.socket.close();
    forger.socket.close();
    owner.socket.close();
    reader.provider.destroy();
  });

  it('lets a person’s new socket take over their own presence id (a reconnect before the old socket was noticed gone), but not more ids than a browser uses', async () => {
    const document = () => server.hocuspocus.documents.get(ARTICLE)!;
    const before = await authenticatedSocket(writer);
    before.socket.send(awarenessFrame(ARTICLE, [{ id: 888001, clock: 1, state: { user: { name: '记者甲' } } }]));
    await until(() => document().awareness.getStates().has(888001));
    const after = await authenticatedSocket(writer);
    after.socket.send(awarenessFrame(ARTICLE, [{ id: 888001, clock: 2, state: { user: { name: '记者甲' } } }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(after.socket.readyState).toBe(WebSocket.OPEN);
    // Someone else may not: never applied.
    const other = await authenticatedSocket(colleague);
    other.socket.send(awarenessFrame(ARTICLE, [{ id: 888001, clock: 3, state: { user: { name: '冒名' } } }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(document().awareness.getStates().get(888001)).toEqual({ user: { name: '记者甲' } });
    other.socket.close();
    const greedy = await authenticatedSocket(colleague);
    greedy.socket.send(
      awarenessFrame(
        ARTICLE,
        [1, 2, 3, 4, 5].map((id) => ({ id: 999000 + id, clock: 1, state: {} })),
      ),
    );
    expect((await greedy.closed).code).toBe(4400);
    before.socket.close();
    after.socket.close();
  });
});

describe('the guard’s log lines', () => {
  it('quote and cut what a client sent: a newline in a document name forges no line', async () => {
    lines.length = 0;
    const opened = await openSocket({ cookie: await cookieOf(writer), origin });
    opened.socket.send(authFrame(`refused\n[协同编辑] co-editing stored story:x${'y'.repeat(10_000)}`));
    await opened.closed;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line.length).toBeLessThan(400);
    }
    expect(await open({ origin: `https://${'evil'.repeat(2_000)}.example`, cookie: await cookieOf(writer) })).toEqual({
      status: 403,
    });
    expect(lines.at(-1)!.length).toBeLessThan(400);
  });
});
