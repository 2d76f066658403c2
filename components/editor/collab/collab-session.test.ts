// The co-editing session's rules without a browser: a fake socket the test drives, an in-memory
// IndexedDB, fake network and sign-out events, and real Yjs documents.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { BODY_FRAGMENT, readArticleDoc, writeArticleInto, type SharedArticle } from '@/lib/collab/article-doc';
import { articleDocumentName } from '@/lib/collab/document-name';
import { GENERATION_KEY } from '@/lib/collab/local-copy-rules';

import {
  CollabSession,
  documentFrom,
  type Access,
  type LocalCopy,
  type ProviderEvents,
  type ProviderHandle,
  type SessionState,
} from './collab-session';
import { collabStatusText, refusalAdvice, statusNeedsAttention, UNREACHABLE_TEXT } from './collab-status';

const ARTICLE = 'clx0abc123def456ghi789jkl';
const NAME = articleDocumentName(ARTICLE);

function story(headline: string, text: string): SharedArticle {
  return {
    kicker: '',
    headline,
    subheadline: '',
    dateline: '',
    byline: '',
    summary: '',
    slug: '',
    coverMediaId: null,
    authors: [],
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  };
}

/**
 * The stored document of one generation as the server holds it: its state as base64. Each generation
 * is built once (one Yjs history); two generations of the same text are two histories.
 */
const generations = new Map<string, string>();
function stored(headline: string, text: string, generation: string) {
  let state = generations.get(generation);
  if (!state) {
    const doc = new Y.Doc();
    writeArticleInto(doc, story(headline, text));
    state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    generations.set(generation, state);
  }
  return { initial: { state, generation, version: 1 } };
}

/** IndexedDB as y-indexeddb uses it: per database, the updates and the custom values. */
class FakeIndexedDb {
  readonly databases = new Map<string, { updates: Uint8Array[]; custom: Map<string, unknown> }>();
  refuseDelete = false;

  open(name: string, doc: Y.Doc): LocalCopy {
    const database = this.databases.get(name) ?? { updates: [], custom: new Map<string, unknown>() };
    this.databases.set(name, database);
    const origin = {};
    let open = true;
    const store = (update: Uint8Array, from: unknown) => {
      if (open && from !== origin) database.updates.push(update);
    };
    // As y-indexeddb: the document's state is stored, then every stored update applied to it.
    database.updates.push(Y.encodeStateAsUpdate(doc));
    Y.transact(doc, () => database.updates.forEach((update) => Y.applyUpdate(doc, update)), origin);
    doc.on('update', store);
    return {
      origin,
      whenSynced: Promise.resolve(),
      get: async (key) => database.custom.get(key),
      set: async (key, value) => database.custom.set(key, value),
      destroy: async () => {
        open = false;
        doc.off('update', store);
      },
    };
  }

  async delete(name: string): Promise<boolean> {
    if (this.refuseDelete) return false;
    this.databases.delete(name);
    return true;
  }

  /** The text a copy holds, read as the next page would. */
  text(name: string): string {
    const doc = new Y.Doc();
    for (const update of this.databases.get(name)?.updates ?? []) Y.applyUpdate(doc, update);
    const read = readArticleDoc(doc);
    return `${read.headline}|${JSON.stringify(read.body)}`;
  }
}

/** The socket: records what the session asks of it; the test plays the server through `events`. */
class FakeProvider implements ProviderHandle {
  readonly origin = {};
  readonly awareness = null;
  synced = false;
  unsyncedChanges = 0;
  connects = 0;
  disconnects = 0;
  destroyed = false;
  sent: string[] = [];
  announced = 0;
  constructor(
    readonly token: string,
    readonly events: ProviderEvents,
  ) {}
  connect(): void {
    this.connects += 1;
  }
  disconnect(): void {
    this.disconnects += 1;
  }
  sendStateless(payload: string): void {
    this.sent.push(payload);
  }
  announce(): void {
    this.announced += 1;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The server accepted the socket and the first sync is done. */
  sync(scope = 'read-write'): void {
    this.events.onAuthenticated(scope);
    this.synced = true;
    this.unsyncedChanges = 0;
    this.events.onSynced();
    this.events.onUnsyncedChanges(0);
  }
  /** The socket went away (the service stopped, or the network). */
  drop(): void {
    this.synced = false;
    this.events.onDisconnected();
  }
}

function setUp(
  options: {
    access?: Access;
    generation?: string;
    idb?: FakeIndexedDb;
    marks?: Set<string>;
    online?: boolean;
    claims?: boolean;
  } = {},
) {
  const page = stored('柯城石梁溪综合治理完工', '第一段。', options.generation ?? 'g1');
  const idb = options.idb ?? new FakeIndexedDb();
  const marks = options.marks ?? new Set<string>();
  const network = { online: options.online ?? true, listener: null as ((online: boolean) => void) | null };
  const signOut = { listener: null as (() => void) | null };
  const offered: string[] = [];
  const record = { stale: 0, confirmed: 0 };
  let provider: FakeProvider | null = null;
  const doc = documentFrom(page.initial);
  const session = new CollabSession({
    articleId: ARTICLE,
    access: options.access ?? 'write',
    initial: page.initial,
    doc,
    openProvider: ({ token, events }) => (provider = new FakeProvider(token, events)),
    claimCopies: async () => options.claims ?? true,
    openCopy: (name, into) => idb.open(name, into),
    deleteCopy: (name) => idb.delete(name),
    marks: {
      unconfirmed: (name) => marks.add(name),
      confirmed: (name) => {
        record.confirmed += 1;
        marks.delete(name);
      },
      has: (name) => marks.has(name),
      forget: (name) => marks.delete(name),
    },
    online: () => network.online,
    onNetwork: (listener) => {
      network.listener = listener;
      return () => (network.listener = null);
    },
    onSignOut: (listener) => {
      signOut.listener = listener;
      return () => (signOut.listener = null);
    },
    now: () => 1_000_000,
    onOffer: (text) => offered.push(text),
    onStale: () => (record.stale += 1),
  });
  const states: SessionState[] = [];
  session.subscribe(() => states.push(session.state));
  const type = (text: string) => {
    const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, text);
  };
  const status = () => collabStatusText(session.state, (iso) => iso, 'loaded');
  return {
    page,
    idb,
    marks,
    network,
    signOut,
    offered,
    record,
    doc,
    session,
    states,
    type,
    status,
    provider: () => provider!,
  };
}

const bodyText = (doc: Y.Doc) =>
  readArticleDoc(doc)
    .body.content?.map((node) => node.content?.map((text) => text.text).join(''))
    .join('\n');

describe('the editor opens with the text, socket or not', () => {
  it('holds the page’s text and takes typing before the socket and the stored copy are there', async () => {
    const t = setUp();
    expect(readArticleDoc(t.doc).headline).toBe('柯城石梁溪综合治理完工');
    expect(t.session.state.editable).toBe(true);
    expect(t.status()).toBe('正在连接…');
    t.type('先写');
    await t.session.start();
    expect(bodyText(t.doc)).toBe('先写第一段。');
    expect(t.session.state.localCopy).toBe('kept');
    // Typing before the copy was read is in the copy, and counted as unconfirmed.
    expect(t.idb.text(NAME)).toContain('先写第一段。');
    expect(t.marks.has(NAME)).toBe(true);
  });

  it('gives someone who may only read the text read-only, and keeps no copy for them', async () => {
    const t = setUp({ access: 'read' });
    await t.session.start();
    expect(t.session.state.editable).toBe(false);
    expect(t.session.state.localCopy).toBe('none');
    expect(t.idb.databases.size).toBe(0);
    t.provider().sync('readonly');
    expect(t.status()).toBe('只读');
  });

  it('reads read-only when the server connects a writer read-only (a story in review)', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync('readonly');
    expect(t.session.state.editable).toBe(false);
  });

  it('sends the page’s generation as the socket’s token', async () => {
    const t = setUp({ generation: 'g-42' });
    await t.session.start();
    expect(t.provider().token).toBe('g-42');
  });
});

describe('what the status line says', () => {
  it('live, typing, saved', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    expect(t.status()).toBe('已保存 loaded');
    expect(statusNeedsAttention(t.session.state)).toBe(false);
    t.type('新');
    expect(t.status()).toBe('已连接，等待保存…');
    t.provider().events.onStateless(JSON.stringify({ kind: 'saved', version: 2, at: '10:00' }));
    expect(t.status()).toBe('已保存 10:00');
    t.provider().events.onStateless(JSON.stringify({ kind: 'save-refused', error: '主题不能超过 100 个字' }));
    expect(t.status()).toBe('保存失败：主题不能超过 100 个字');
    t.provider().events.onStateless(JSON.stringify({ kind: 'saved', version: 3, at: '10:01' }));
    expect(t.status()).toBe('已保存 10:01');
    t.provider().events.onStateless(JSON.stringify({ kind: 'store-failed', error: '数据库暂时不可用' }));
    expect(t.status()).toBe('保存失败：数据库暂时不可用');
  });

  it('已保存 only once a store wrote this tab’s last keystroke (a store that began before it says saved too)', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    t.type('一');
    const before = Y.encodeStateVector(t.doc);
    t.type('二');
    const saved = (vector: Uint8Array, at: string) =>
      JSON.stringify({ kind: 'saved', version: 2, at, stored: Buffer.from(vector).toString('base64') });
    t.provider().events.onStateless(saved(before, '10:00'));
    expect(t.status()).toBe('已连接，等待保存…');
    t.provider().events.onStateless(saved(Y.encodeStateVector(t.doc), '10:01'));
    expect(t.status()).toBe('已保存 10:01');
  });

  it('a story moved to the trash while open: the service says it is gone, the text turns read-only', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    t.provider().events.onStateless(JSON.stringify({ kind: 'gone' }));
    expect(t.status()).toBe('无法连接：稿件已移入回收站或已删除');
    expect(t.session.state.editable).toBe(false);
    expect(t.provider().disconnects).toBe(1);
  });

  it('the service unreachable while the network works is not blamed on the network; typing goes on and is kept', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().drop();
    expect(t.session.state.connection).toBe('unreachable');
    expect(t.status()).toBe(UNREACHABLE_TEXT);
    expect(t.session.state.editable).toBe(true);
    t.type('断开时');
    expect(t.idb.text(NAME)).toContain('断开时第一段。');
    expect(t.marks.has(NAME)).toBe(true);
    // Back: the socket syncs again, the typing is acknowledged, the mark goes.
    t.provider().sync();
    expect(t.session.state.connection).toBe('live');
    expect(t.marks.has(NAME)).toBe(false);
  });

  it('announces this tab to the others after every sync, first and after a reconnect', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    expect(t.provider().announced).toBe(1);
    t.provider().drop();
    t.provider().sync();
    expect(t.provider().announced).toBe(2);
  });

  it('the browser’s own network gone: 离线, the socket is closed at once and opened again when it is back', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    t.network.online = false;
    t.network.listener!(false);
    expect(t.status()).toBe('离线，已保存在本机');
    expect(t.provider().disconnects).toBe(1);
    t.network.online = true;
    t.network.listener!(true);
    expect(t.provider().connects).toBe(1);
    expect(t.status()).toBe('正在连接…');
  });

  it('starts offline when the browser is, without trying the socket', async () => {
    const t = setUp({ online: false });
    await t.session.start();
    expect(t.status()).toBe('离线，已保存在本机');
    expect(t.provider().disconnects).toBe(1);
  });

  it('says so when no copy can be kept (a foreign copy would not go): typing is only in the page', async () => {
    const t = setUp({ claims: false });
    await t.session.start();
    expect(t.session.state.localCopy).toBe('none');
    t.provider().drop();
    expect(t.status()).toBe('无法连接协同编辑服务，修改只在本页，请勿关闭');
  });

  it('clears the list of who is here while disconnected, and ignores a list that arrives then', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    const people = [{ clientId: 7, userId: 'u2', name: '郑一鸣', readOnly: false }];
    t.provider().events.onStateless(JSON.stringify({ kind: 'people', people }));
    expect(t.session.state.people).toEqual(people);
    t.provider().drop();
    expect(t.session.state.people).toEqual([]);
    t.provider().events.onStateless(JSON.stringify({ kind: 'people', people }));
    expect(t.session.state.people).toEqual([]);
  });
});

describe('refusals', () => {
  it('a refusal of the person or the story stops the socket, says why, and makes the text read-only', async () => {
    for (const [reason, text] of [
      ['signed-out', '登录已失效'],
      ['forbidden', '编辑权限'],
      ['unknown-document', '稿件不存在'],
    ] as const) {
      const t = setUp();
      await t.session.start();
      t.provider().events.onAuthenticationFailed(reason);
      expect(t.session.state.connection).toBe('refused');
      expect(t.session.state.editable).toBe(false);
      expect(t.status()).toMatch(new RegExp(`^无法连接：.*${text}`));
      expect(statusNeedsAttention(t.session.state)).toBe(true);
      expect(refusalAdvice(reason)).not.toBe(refusalAdvice('no-such-reason'));
      expect(t.provider().disconnects).toBe(1);
      // The socket's close afterwards does not turn it into "unreachable".
      t.provider().drop();
      expect(t.session.state.connection).toBe('refused');
    }
  });

  it('a refusal of the page’s address stops the socket and keeps the typing in the stored copy', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().events.onAuthenticationFailed('bad-origin');
    expect(t.status()).toMatch(/^无法连接：本页的地址未获准连接协同编辑服务.*修改已保存在本机/);
    expect(t.provider().disconnects).toBe(1);
    expect(t.session.state.editable).toBe(true);
    t.type('照样写');
    expect(t.idb.text(NAME)).toContain('照样写第一段。');
    expect(t.marks.has(NAME)).toBe(true);
  });

  it('a server that closes the socket for a changed right reconnects, and one that closes for a sign-out refuses', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().sync();
    t.provider().events.onClose('rights-changed');
    expect(t.provider().connects).toBe(1);
    expect(t.session.state.connection).not.toBe('refused');
    t.provider().events.onClose('signed-out');
    expect(t.session.state.refusal).toBe('signed-out');
  });

  it('signing out in this browser lets go of the socket and the copy at once', async () => {
    const t = setUp();
    await t.session.start();
    t.signOut.listener!();
    expect(t.provider().destroyed).toBe(true);
    expect(t.session.state.refusal).toBe('signed-out');
    t.type('之后');
    expect(t.idb.text(NAME)).not.toContain('之后');
  });
});

describe('a stored copy of another history is never merged', () => {
  it('merges a copy of the same generation: typing from before a reload comes back once', async () => {
    const idb = new FakeIndexedDb();
    const first = setUp({ idb });
    await first.session.start();
    first.type('离线写的');
    first.session.destroy();
    const again = setUp({ idb, marks: first.marks });
    await again.session.start();
    expect(bodyText(again.doc)).toBe('离线写的第一段。');
    expect(again.offered).toEqual([]);
  });

  it('replaces a copy of another generation: the text is not doubled, the unconfirmed typing is offered back', async () => {
    const idb = new FakeIndexedDb();
    const old = setUp({ idb, generation: 'g-old' });
    await old.session.start();
    old.type('旧历史里的字');
    old.session.destroy();
    // The story was rebuilt (a database restored from a backup): the same text, another Yjs history.
    const t = setUp({ idb, generation: 'g-new', marks: old.marks });
    await t.session.start();
    expect(readArticleDoc(t.doc).headline).toBe('柯城石梁溪综合治理完工');
    expect(bodyText(t.doc)).toBe('第一段。');
    expect(t.offered).toHaveLength(1);
    expect(t.offered[0]).toContain('旧历史里的字第一段。');
    expect(t.marks.has(NAME)).toBe(false);
    // The copy now belongs to the new history.
    expect(idb.databases.get(NAME)?.custom.get(GENERATION_KEY)).toBe('g-new');
    expect(idb.text(NAME)).not.toContain('旧历史里的字');
    const reloaded = setUp({ idb, generation: 'g-new', marks: t.marks });
    await reloaded.session.start();
    expect(readArticleDoc(reloaded.doc).headline).toBe('柯城石梁溪综合治理完工');
    expect(bodyText(reloaded.doc)).toBe('第一段。');
  });

  it('replaces a confirmed copy of another generation without offering anything, and a copy with no generation recorded', async () => {
    for (const generation of ['g-old', undefined]) {
      const idb = new FakeIndexedDb();
      const old = setUp({ idb, generation: 'g-old' });
      await old.session.start();
      old.type('已确认的字');
      old.provider().sync();
      old.session.destroy();
      if (generation === undefined) idb.databases.get(NAME)!.custom.clear();
      const t = setUp({ idb, generation: 'g-new', marks: old.marks });
      await t.session.start();
      expect(bodyText(t.doc)).toBe('第一段。');
      expect(t.offered).toEqual([]);
    }
  });

  it('runs without a copy when the browser will not delete the other one', async () => {
    const idb = new FakeIndexedDb();
    const old = setUp({ idb, generation: 'g-old' });
    await old.session.start();
    old.type('旧字');
    old.session.destroy();
    idb.refuseDelete = true;
    const t = setUp({ idb, generation: 'g-new', marks: old.marks });
    await t.session.start();
    expect(t.session.state.localCopy).toBe('none');
    expect(bodyText(t.doc)).toBe('第一段。');
  });

  it('a page older than the service’s document (stale-copy): the typing is offered, the copy goes, the page is loaded again', async () => {
    const t = setUp();
    await t.session.start();
    t.type('没送出的字');
    t.provider().events.onAuthenticationFailed('stale-copy');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.offered[0]).toContain('没送出的字第一段。');
    expect(t.idb.databases.has(NAME)).toBe(false);
    expect(t.marks.has(NAME)).toBe(false);
    expect(t.record.stale).toBe(1);
    expect(t.status()).toMatch(/^无法连接：稿件已在服务器上重建/);
  });

  it('a stale page with nothing typed offers nothing', async () => {
    const t = setUp();
    await t.session.start();
    t.provider().events.onAuthenticationFailed('stale-copy');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.offered).toEqual([]);
    expect(t.record.stale).toBe(1);
  });
});

describe('立即保存 and closing', () => {
  it('sends the seal message, and lets go of everything on destroy', async () => {
    const t = setUp();
    await t.session.start();
    t.session.seal();
    expect(t.provider().sent).toEqual(['seal']);
    t.session.destroy();
    expect(t.provider().destroyed).toBe(true);
    expect(t.network.listener).toBeNull();
    expect(t.signOut.listener).toBeNull();
  });
});
