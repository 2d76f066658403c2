// npm run bench:collab — the time from one person's keystroke to another person's screen, through
// the co-editing server as `npm start` runs it (server/collab.ts: session check, the editor's rules,
// the database writes) against a bare Hocuspocus echo server as the baseline, in the same run.
//   1. Two people: 200 keystrokes typed one after another into the story's body; p50/p95 of the
//      time until the other person's document has each one. Target p95 < 100 ms.
//   2. 21 people in one story (20 typing at about 5 keystrokes a second each, for 10 s): p50/p95
//      of every keystroke's arrival at every other person. Target p95 < 250 ms.
// Each server runs in its own process (as in production); the clients share this one. Ports:
// BENCH_PORT (3420) for the newsroom's server, BENCH_PORT+1 for the baseline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

import type { Actor } from '../../lib/access/actor';
import { createArticle } from '../../lib/articles/editor-service';
import { BODY_FRAGMENT } from '../../lib/collab/article-doc';
import { articleDocumentName } from '../../lib/collab/document-name';
import { createClientFor } from '../../lib/db-client';
import { prepare } from '../../server/prepare';
import { collabArgs, tsxLoader } from '../../server/serve-command';
import { waitForPort } from '../../server/wait-for-port';
import { cookieSocket } from '../../test/support/cookie-socket';
import { sessionToken } from '../../test/support/sessions';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench', 'collab');
const PORT = Number(process.env.BENCH_PORT ?? 3420);
const SECRET = 'bench-collab-secret-0123456789abcdef0123';
const KEYSTROKES = 200;
const CROWD = 21;
const CROWD_SECONDS = 10;
const KEYS_PER_SECOND = 5;

type Target = { name: string; port: number; cookie: (userId: string) => Promise<string>; document: string };
type Client = { doc: Y.Doc; socket: HocuspocusProviderWebsocket; provider: HocuspocusProvider };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(samples: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

async function connect(target: Target, userId: string): Promise<Client> {
  const cookie = await target.cookie(userId);
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${target.port}`,
    WebSocketPolyfill: cookieSocket(cookie),
  });
  const doc = new Y.Doc();
  let synced: () => void = () => {};
  let failed: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    synced = resolve;
    failed = reject;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: target.document,
    document: doc,
    token: 'cookie',
    onSynced: () => synced(),
    onAuthenticationFailed: ({ reason }) => failed(new Error(`${target.name}: refused (${reason})`)),
  });
  provider.attach();
  await ready;
  return { doc, socket, provider };
}

function close(clients: Client[]): void {
  for (const client of clients) {
    client.provider.destroy();
    client.socket.destroy();
  }
}

/** The text of the body's first paragraph, where everyone types (made by the first client if absent). */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  let paragraph = body.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    doc.transact(() => body.insert(0, [new Y.XmlElement('paragraph')]));
    paragraph = body.get(0);
  }
  const element = paragraph as Y.XmlElement;
  let text = element.get(0);
  if (!(text instanceof Y.XmlText)) {
    doc.transact(() => element.insert(0, [new Y.XmlText()]));
    text = element.get(0);
  }
  return text as Y.XmlText;
}

/** Calls `seen(char, at)` for every character inserted into the paragraph by someone else. */
function watch(doc: Y.Doc, seen: (char: string, at: number) => void): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const at = performance.now();
    for (const [type, events] of transaction.changedParentTypes) {
      if (!(type instanceof Y.XmlText)) continue;
      for (const event of events) {
        for (const step of event.delta)
          if (typeof step.insert === 'string') for (const char of step.insert) seen(char, at);
      }
    }
  });
}

// Each keystroke is a character of its own (CJK unified ideographs), so its arrival can be timed.
let nextChar = 0x4e00;
const freshChar = () => String.fromCodePoint(nextChar++);

async function pairLatency(target: Target, users: string[]): Promise<number[]> {
  const [writer, reader] = [await connect(target, users[0]!), await connect(target, users[1]!)];
  const text = paragraphText(writer.doc);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const samples: number[] = [];
  let waiting: { char: string; sent: number; done: () => void } | null = null;
  watch(reader.doc, (char, at) => {
    if (waiting && char === waiting.char) {
      samples.push(at - waiting.sent);
      waiting.done();
    }
  });
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const char = freshChar();
    await new Promise<void>((resolve) => {
      waiting = { char, sent: performance.now(), done: resolve };
      text.insert(text.length, char);
    });
    waiting = null;
    // About the gap between keystrokes of someone typing fast.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  close([writer, reader]);
  return samples;
}

async function crowdLatency(target: Target, users: string[]): Promise<{ samples: number[]; missing: number }> {
  const clients: Client[] = [];
  for (const user of users.slice(0, CROWD)) clients.push(await connect(target, user));
  paragraphText(clients[0]!.doc);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sent = new Map<string, number>();
  const samples: number[] = [];
  let arrivals = 0;
  for (const client of clients) {
    watch(client.doc, (char, at) => {
      const start = sent.get(char);
      if (start === undefined) return;
      samples.push(at - start);
      arrivals += 1;
    });
  }
  const typists = clients.slice(1);
  const interval = 1000 / KEYS_PER_SECOND;
  const end = performance.now() + CROWD_SECONDS * 1000;
  await Promise.all(
    typists.map(async (client, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * interval) / typists.length));
      const text = paragraphText(client.doc);
      while (performance.now() < end) {
        const char = freshChar();
        sent.set(char, performance.now());
        // Somewhere in the paragraph, as people editing one story do.
        text.insert(Math.floor(Math.random() * (text.length + 1)), char);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  close(clients);
  return { samples, missing: sent.size * (clients.length - 1) - arrivals };
}

async function main() {
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
  const prepared = await prepare(
    { ...process.env, DATA_DIR: BENCH_DIR, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' },
    { loadSample: false },
  );
  const db = createClientFor(prepared.database);
  const publication = await db.publication.create({
    data: {
      slug: 'bench',
      name: '今日柯城',
      publisher: '衢州市柯城区融媒体中心编印',
      hotline: '0570-0000000',
      address: '柯城区',
      postcode: '324000',
      reviewLevels: 2,
    },
  });
  const users: string[] = [];
  for (let i = 0; i < CROWD; i += 1) {
    const user = await db.user.create({
      data: { email: `editor${i}@bench.example`, name: `编辑${i + 1}`, role: 'EDITOR' },
    });
    users.push(user.id);
  }
  const first: Actor = { id: users[0]!, name: '编辑1', role: 'EDITOR' };
  const story = await createArticle(db, first, publication.id);
  await db.$disconnect();

  const env = {
    ...process.env,
    DATA_DIR: BENCH_DIR,
    DATABASE_URL: prepared.databaseUrl,
    NEXTAUTH_SECRET: SECRET,
    SITE_URL: `http://127.0.0.1:${PORT}`,
  };
  const newsroom = spawn(process.execPath, collabArgs(), {
    cwd: ROOT,
    env: { ...env, COLLAB_PORT: String(PORT) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const echo = spawn(
    process.execPath,
    ['--import', tsxLoader(), path.join(ROOT, 'scripts', 'bench', 'lib', 'collab-echo.ts')],
    { cwd: ROOT, env: { ...env, COLLAB_PORT: String(PORT + 1) }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  try {
    await Promise.all([waitForPort(PORT, newsroom), waitForPort(PORT + 1, echo)]);
    const targets: Target[] = [
      {
        name: '协同编辑服务（会话、权限、入库）',
        port: PORT,
        document: articleDocumentName(story.id),
        cookie: async (userId) => `next-auth.session-token=${await sessionToken(db, userId, SECRET)}`,
      },
      { name: '基线：裸 Hocuspocus 回声服务', port: PORT + 1, document: 'bench', cookie: async () => '' },
    ];
    const results = [];
    for (const target of targets) {
      const pair = summary(await pairLatency(target, users));
      const crowd = await crowdLatency(target, users);
      results.push({ target, pair, crowd: summary(crowd.samples), missing: crowd.missing });
    }
    const [ours, base] = results as [(typeof results)[number], (typeof results)[number]];
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `\n击键到对方屏幕（${KEYSTROKES} 次击键，两人）与 ${CROWD} 人同稿（${CROWD - 1} 人各约 ${KEYS_PER_SECOND} 键/秒，${CROWD_SECONDS} 秒）`,
    );
    for (const { target, pair, crowd, missing } of results) {
      console.log(
        `${target.name}\n  两人：p50 ${ms(pair.p50)}  p95 ${ms(pair.p95)}（${pair.n} 次）\n  ${CROWD} 人：p50 ${ms(crowd.p50)}  p95 ${ms(crowd.p95)}（${crowd.n} 次送达，缺失 ${missing}）`,
      );
    }
    console.log(
      `倍数（本服务 / 基线）：两人 p95 ${(ours.pair.p95 / base.pair.p95).toFixed(2)}×，${CROWD} 人 p95 ${(ours.crowd.p95 / base.crowd.p95).toFixed(2)}×`,
    );
    const pass = ours.pair.p95 < 100 && ours.crowd.p95 < 250 && ours.missing === 0;
    console.log(`目标（两人 p95 < 100 ms；${CROWD - 1}+ 人 p95 < 250 ms；无丢失）：${pass ? '达到' : '未达到'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    newsroom.kill('SIGTERM');
    echo.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
