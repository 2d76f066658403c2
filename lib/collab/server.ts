// The co-editing server: Hocuspocus with the newsroom's rules. One process per deployment serves
// every story's shared document (see docs/architecture.md, "Co-editing"): people editing one story
// must meet in one place, and one process needs no broker between instances.
import { Server, type Document, type onAuthenticatePayload, type onChangePayload, type onStoreDocumentPayload, type onLoadDocumentPayload, type onStatelessPayload } from '@hocuspocus/server';
import type { Db } from '../db-client';
import { articleIdOf } from './document-name';
import { collabAccess, type CollabAccess } from './access';
import type { Status } from '../workflow/rules';
import { claimsOf, sessionTokenOf, socketUser, type SessionClaims, type SocketUser } from './session';
import { loadStoryDocument, refreshFromWorkingCopy, storeStoryDocument, workingCopyVersion } from './persistence';
import { peopleIn, SEAL_MESSAGE, type CollabMessage } from './messages';
import { MAX_MESSAGE_BYTES, STORE_DEBOUNCE_MS, STORE_MAX_DEBOUNCE_MS } from './limits';
import { guardExtension } from './extensions/guard';
import { quoted } from './log-text';

export type CollabContext = { user: SocketUser; claims: SessionClaims; articleId: string; access: Exclude<CollabAccess, null> };

export type CollabServerOptions = {
  db: Db;
  secret: string;
  port: number;
  address?: string;
  /**
   * Origins a browser may open a socket from besides the address it used (SITE_URL, NEXTAUTH_URL,
   * COLLAB_ORIGINS). Cookies go with a WebSocket opened by any page, so a page elsewhere must not be
   * able to edit as the person reading it (lib/collab/origin.ts, the guard).
   */
  allowedOrigins?: readonly string[];
  /** TRUSTED_PROXY_HOPS: with proxies in front, their X-Forwarded-Host counts as the address used. */
  trustedProxyHops?: number;
  /** How often open sockets are checked against the database (deactivation, role change). */
  recheckMs?: number;
  log?: (line: string) => void;
};

/** A refusal Hocuspocus passes to the client as the permission-denied reason. */
function refused(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

async function storyAccess(db: Db, user: SocketUser, articleId: string): Promise<CollabAccess> {
  const story = await db.article.findUnique({
    where: { id: articleId },
    select: { createdById: true, status: true, deletedAt: true, authors: { select: { userId: true } } },
  });
  if (!story) return null;
  return collabAccess(user, {
    createdById: story.createdById, authorUserIds: story.authors.map((author) => author.userId),
    deleted: story.deletedAt !== null, status: story.status as Status,
  });
}

/** Who a socket's cookie names, and what they may do in the story (null: refuse). */
export async function authenticate(db: Db, secret: string, documentName: string, cookie: string | undefined): Promise<CollabContext> {
  const articleId = articleIdOf(documentName);
  if (!articleId) throw refused('unknown-document');
  const token = sessionTokenOf(cookie);
  const claims = token ? await claimsOf(token, secret) : null;
  const user = claims ? await socketUser(db, claims) : null;
  if (!claims || !user) throw refused('signed-out');
  const access = await storyAccess(db, user, articleId);
  if (!access) throw refused('forbidden');
  return { user, claims, articleId, access };
}

export function createCollabServer(options: CollabServerOptions): Server {
  const { db, secret } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  // Whose change each document holds since it was last written: the working copy is saved as them.
  const lastEditor = new Map<string, SocketUser>();
  // The working-copy version each loaded document last wrote or took in (see refreshDocuments).
  const known = new Map<string, number>();
  // Who asked for 立即保存 since the last write: that write closes the rolling revision.
  const sealFor = new Map<string, SocketUser>();
  const tell = (document: Document, message: CollabMessage) => document.broadcastStateless(JSON.stringify(message));
  // Who is in each story, as the server knows them: names come from the session, never from what a
  // browser announces in its awareness state (any browser can announce any name).
  const lastPeople = new Map<string, string>();
  const publishPeople = (document: Document) => {
    const message: CollabMessage = { kind: 'people', people: peopleIn(document) };
    const text = JSON.stringify(message);
    if (lastPeople.get(document.name) === text) return;
    lastPeople.set(document.name, text);
    document.broadcastStateless(text);
  };
  const server = new Server(
    {
      name: 'newsroom-collab',
      port: options.port,
      address: options.address ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      unloadImmediately: false,
      // The door (origin, session) and the rules of speech before and after authentication.
      extensions: [guardExtension({ db, secret, allowedOrigins: options.allowedOrigins ?? [], trustedProxyHops: options.trustedProxyHops ?? 0, log })],
      async onAuthenticate({ documentName, requestHeaders, connectionConfig }: onAuthenticatePayload) {
        const context = await authenticate(db, secret, documentName, requestHeaders.cookie).catch((error: unknown) => {
          log(`co-editing refused ${quoted(documentName)}: ${quoted((error as { reason?: string }).reason ?? String(error))}`);
          throw error;
        });
        if (context.access === 'read') connectionConfig.readOnly = true;
        return context;
      },
      async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
        known.set(documentName, await loadStoryDocument(db, articleIdOf(documentName)!, document));
        return document;
      },
      async onAwarenessUpdate({ document }) {
        publishPeople(document);
      },
      async connected({ documentName }) {
        const document = server.hocuspocus.documents.get(documentName);
        if (document) lastPeople.delete(documentName);
        if (document) publishPeople(document);
      },
      async onDisconnect({ document }) {
        publishPeople(document);
      },
      async afterUnloadDocument({ documentName }) {
        known.delete(documentName);
        lastPeople.delete(documentName);
        lastEditor.delete(documentName);
        sealFor.delete(documentName);
      },
      async onStateless({ connection, document, documentName, payload }: onStatelessPayload) {
        const context = connection.context as Partial<CollabContext>;
        // 立即保存 from someone who may type: write now, closing the rolling revision.
        if (payload !== SEAL_MESSAGE || !context.user || context.access !== 'write') return;
        sealFor.set(documentName, context.user);
        lastEditor.set(documentName, context.user);
        await server.hocuspocus.storeDocumentHooks(document, { instance: server.hocuspocus, documentName, document, context, socketId: connection.socketId, requestHeaders: {}, requestParameters: new URLSearchParams() } as never, true);
      },
      async onChange({ documentName, context }: onChangePayload) {
        const who = (context as Partial<CollabContext>).user;
        if (who) lastEditor.set(documentName, who);
      },
      async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
        const editor = lastEditor.get(documentName);
        if (!editor) return;
        const seal = sealFor.get(documentName);
        sealFor.delete(documentName);
        const outcome = await storeStoryDocument(db, articleIdOf(documentName)!, document, seal ?? editor, { knownVersion: known.get(documentName), seal: Boolean(seal) });
        known.set(documentName, outcome.version);
        if (!outcome.saved && outcome.reason === 'invalid') tell(document, { kind: 'save-refused', error: outcome.error });
        else tell(document, { kind: 'saved', version: outcome.version, at: new Date().toISOString() });
      },
    },
    // ws refuses a larger frame itself (close code 1009) before Yjs ever decodes it.
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  listenOnAddress(server);
  const recheck = setInterval(() => {
    void recheckConnections(server, db).catch((error: unknown) => log(`co-editing recheck failed: ${String(error)}`));
    void refreshDocuments(server, db, known).catch((error: unknown) => log(`co-editing refresh failed: ${String(error)}`));
  }, options.recheckMs ?? 2_000);
  recheck.unref();
  return server;
}

/**
 * Hocuspocus 3.4 hands `address` to http.Server#listen, which only reads `host`: the process would
 * listen on every interface. Translated here, so it listens where it was told (127.0.0.1 by default).
 */
function listenOnAddress(server: Server): void {
  const http = server.httpServer;
  const listen = http.listen;
  const fixed = (options: { port: number; address?: string }, done: () => void) => listen.call(http, { port: options.port, host: options.address }, done);
  http.listen = fixed as unknown as typeof http.listen;
}

/**
 * Brings a change made outside the sockets (a restored revision, an import) into every loaded
 * document whose working copy moved past the version it knows, so the people in the story see it.
 */
export async function refreshDocuments(server: Server, db: Db, known: Map<string, number>): Promise<number> {
  let refreshed = 0;
  for (const [name, document] of server.hocuspocus.documents) {
    const articleId = articleIdOf(name);
    const version = articleId && known.has(name) ? await workingCopyVersion(db, articleId) : null;
    if (!articleId || version === null || version === known.get(name)) continue;
    // Taken under the document's save lock, so it never interleaves with a write of the same story.
    await document.saveMutex.runExclusive(async () => {
      if ((await workingCopyVersion(db, articleId)) === known.get(name)) return;
      const taken = await refreshFromWorkingCopy(db, articleId, document);
      if (taken !== null) known.set(name, taken);
    });
    refreshed += 1;
  }
  return refreshed;
}

/**
 * Closes every socket whose person was deactivated, signed out everywhere, lost the right to edit
 * the story, or gained it (they reconnect with their new rights).
 */
export async function recheckConnections(server: Server, db: Db): Promise<number> {
  let closed = 0;
  for (const document of server.hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<CollabContext>;
      if (!context.user || !context.claims || !context.articleId) continue;
      const user = await socketUser(db, context.claims);
      const access = user ? await storyAccess(db, user, context.articleId) : null;
      if (access === context.access && user?.role === context.user.role) continue;
      // The reason reaches the browser (Hocuspocus' close message), which says why it stopped.
      connection.close({ code: 4403, reason: !user ? 'signed-out' : access ? 'rights-changed' : 'forbidden' });
      // A deactivated or signed-out person's socket carries nothing else of theirs worth keeping.
      if (!user) connection.webSocket.close(4401, 'signed-out');
      closed += 1;
    }
  }
  return closed;
}
