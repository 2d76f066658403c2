// The co-editing server: Hocuspocus with the newsroom's rules. One process per deployment serves
// every story's shared document (see docs/architecture.md, "Co-editing"): people editing one story
// must meet in one place, and one process needs no broker between instances.
import { Server, type onAuthenticatePayload, type onChangePayload, type onStoreDocumentPayload, type onLoadDocumentPayload } from '@hocuspocus/server';
import type { Db } from '../db-client';
import { articleIdOf } from './document-name';
import { collabAccess, type CollabAccess } from './access';
import type { Status } from '../workflow/rules';
import { claimsOf, sessionTokenOf, socketUser, type SessionClaims, type SocketUser } from './session';
import { loadStoryDocument, storeStoryDocument } from './persistence';
import { MAX_MESSAGE_BYTES, STORE_DEBOUNCE_MS, STORE_MAX_DEBOUNCE_MS } from './limits';

export type CollabContext = { user: SocketUser; claims: SessionClaims; articleId: string; access: Exclude<CollabAccess, null> };

export type CollabServerOptions = {
  db: Db;
  secret: string;
  port: number;
  address?: string;
  /**
   * Origins a browser may open a socket from (the site's own). Cookies go with a WebSocket opened
   * by any page, so a page elsewhere must not be able to edit as the person reading it.
   */
  allowedOrigins?: readonly string[];
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
      async onAuthenticate({ documentName, requestHeaders, connectionConfig }: onAuthenticatePayload) {
        const origin = requestHeaders.origin;
        if (origin && options.allowedOrigins && !options.allowedOrigins.includes(origin)) {
          log(`co-editing refused ${documentName}: origin ${origin}`);
          throw refused('bad-origin');
        }
        const context = await authenticate(db, secret, documentName, requestHeaders.cookie).catch((error: unknown) => {
          log(`co-editing refused ${documentName}: ${(error as { reason?: string }).reason ?? String(error)}`);
          throw error;
        });
        if (context.access === 'read') connectionConfig.readOnly = true;
        return context;
      },
      async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
        await loadStoryDocument(db, articleIdOf(documentName)!, document);
        return document;
      },
      async onChange({ documentName, context }: onChangePayload) {
        const who = (context as Partial<CollabContext>).user;
        if (who) lastEditor.set(documentName, who);
      },
      async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
        const editor = lastEditor.get(documentName);
        if (!editor) return;
        const outcome = await storeStoryDocument(db, articleIdOf(documentName)!, document, editor);
        if (!outcome.saved && outcome.reason === 'invalid') document.broadcastStateless(JSON.stringify({ kind: 'save-refused', error: outcome.error }));
        if (outcome.saved) document.broadcastStateless(JSON.stringify({ kind: 'saved', version: outcome.version, at: new Date().toISOString() }));
      },
    },
    // ws refuses a larger frame itself (close code 1009) before Yjs ever decodes it.
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  const recheck = setInterval(() => void recheckConnections(server, db), options.recheckMs ?? 2_000);
  recheck.unref();
  return server;
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
      connection.close({ code: 4403, reason: access ? 'rights-changed' : 'forbidden' });
      closed += 1;
    }
  }
  return closed;
}
