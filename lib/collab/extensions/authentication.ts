// Who may join a story's shared document, checked when a socket asks for it and again every few
// seconds while it stays open (deactivation, a signed-out-everywhere, a rights change take effect on
// open sockets too). The token a browser sends is the generation its stored copy belongs to: a copy of
// another history is refused ('stale-copy') before it can be merged and show the story twice.
import type {
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
  onChangePayload,
  onConfigurePayload,
} from '@hocuspocus/server';

import type { Db } from '../../db-client';
import { collabAccess, type CollabAccess } from '../access';
import { articleIdOf } from '../document-name';
import { quoted } from '../log-text';
import { claimsOf, sessionTokenOf, socketUser, type SessionClaims, type SocketUser } from '../session';
import { currentArticleDocument } from '../stored-document';

export type CollabContext = {
  user: SocketUser;
  claims: SessionClaims;
  articleId: string;
  access: Exclude<CollabAccess, null>;
  /** The generation of the browser's stored copy, null when it has none (see NO_COPY_TOKEN). */
  copyGeneration: string | null;
};

/**
 * The token of a browser that holds no stored copy of the story: it brings nothing to merge, so it
 * cannot double anything and joins whatever generation is stored. (The editor before generations sent
 * this for every socket; the editor now sends its copy's generation.)
 */
export const NO_COPY_TOKEN = 'cookie';

export type AuthenticationOptions = {
  db: Db;
  secret: string;
  /** How often open sockets are checked against the database (deactivation, role change). */
  recheckMs?: number;
  /** The generation of a story's document loaded in this process, if it is loaded. */
  loadedGeneration?: (documentName: string) => string | undefined;
  log: (line: string) => void;
};

/** A refusal Hocuspocus passes to the client as the permission-denied reason. */
export function refused(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

export async function articleAccess(db: Db, user: SocketUser, articleId: string): Promise<CollabAccess> {
  const story = await db.article.findUnique({
    where: { id: articleId },
    select: { createdById: true, status: true, deletedAt: true, authors: { select: { userId: true } } },
  });
  if (!story) return null;
  return collabAccess(user, {
    createdById: story.createdById,
    authorUserIds: story.authors.map((author) => author.userId),
    deleted: story.deletedAt !== null,
    status: story.status,
  });
}

/** Who a socket's cookie names, and what they may do in the story (throws a refusal otherwise). */
export async function authenticate(
  db: Db,
  secret: string,
  documentName: string,
  cookie: string | undefined,
): Promise<Omit<CollabContext, 'copyGeneration'>> {
  const articleId = articleIdOf(documentName);
  if (!articleId) throw refused('unknown-document');
  const token = sessionTokenOf(cookie);
  const claims = token ? await claimsOf(token, secret) : null;
  const user = claims ? await socketUser(db, claims) : null;
  if (!claims || !user) throw refused('signed-out');
  const access = await articleAccess(db, user, articleId);
  if (!access) throw refused('forbidden');
  return { user, claims, articleId, access };
}

/**
 * The generation a browser's copy must belong to. A copy of another generation is refused; so is any
 * copy while this process still holds a document of a generation no longer stored (it is dropped at
 * the next refresh, lib/collab/extensions/persistence.ts, and the browser retries).
 */
async function checkCopy(db: Db, articleId: string, token: string, loaded: string | undefined): Promise<string | null> {
  if (token === NO_COPY_TOKEN && loaded === undefined) return null;
  const stored = await currentArticleDocument(db, articleId);
  if (!stored) throw refused('unknown-document');
  // Not even a browser without a copy joins a loaded document of another history: what it would be
  // shown is not what is stored.
  if (loaded !== undefined && loaded !== stored.generation) throw refused('stale-copy');
  if (token === NO_COPY_TOKEN) return null;
  if (token !== stored.generation) throw refused('stale-copy');
  return token;
}

/**
 * Closes every socket whose person was deactivated, signed out everywhere, whose session ended, went
 * idle or expired (lib/auth/session-validity.ts), who lost the right to edit the story, or gained it
 * (they reconnect with their new rights). `typed`: sessions whose person changed a document since the
 * last recheck; that is activity and keeps the session from going idle, as a page request does. An
 * editor merely left open is not activity.
 */
export async function recheckConnections(
  instance: Hocuspocus,
  db: Db,
  typed: ReadonlySet<string> = new Set(),
): Promise<number> {
  let closed = 0;
  for (const document of instance.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<CollabContext>;
      if (!context.user || !context.claims || !context.articleId) continue;
      // A story trashed or deleted is the persistence's to close: it tells its people 'gone' and drops the document.
      const story = await db.article.findUnique({ where: { id: context.articleId }, select: { deletedAt: true } });
      if (!story || story.deletedAt) continue;
      const sessionId = context.claims.sessionId;
      const user = await socketUser(db, context.claims, { touch: sessionId !== null && typed.has(sessionId) });
      const access = user ? await articleAccess(db, user, context.articleId) : null;
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

export function authenticationExtension(options: AuthenticationOptions): Extension {
  const { db, secret, log } = options;
  let recheck: ReturnType<typeof setInterval> | undefined;
  let typed = new Set<string>();
  return {
    extensionName: 'newsroom-authentication',
    async onConfigure({ instance }: onConfigurePayload) {
      clearInterval(recheck);
      recheck = setInterval(() => {
        const since = typed;
        typed = new Set();
        void recheckConnections(instance, db, since).catch((error: unknown) =>
          log(`co-editing recheck failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      }, options.recheckMs ?? 2_000);
      recheck.unref();
    },
    async onDestroy() {
      clearInterval(recheck);
    },
    async onChange({ context }: onChangePayload) {
      // A change a person typed (the server's own changes carry no context of a person).
      const sessionId = (context as Partial<CollabContext> | undefined)?.claims?.sessionId;
      if (sessionId) typed.add(sessionId);
    },
    async onAuthenticate({
      documentName,
      requestHeaders,
      connectionConfig,
      token,
    }: onAuthenticatePayload): Promise<CollabContext> {
      try {
        const context = await authenticate(db, secret, documentName, requestHeaders.cookie);
        const copyGeneration = await checkCopy(db, context.articleId, token, options.loadedGeneration?.(documentName));
        if (context.access === 'read') connectionConfig.readOnly = true;
        return { ...context, copyGeneration };
      } catch (error) {
        const reason = (error as { reason?: unknown }).reason;
        log(
          `co-editing refused ${quoted(documentName)}: ${typeof reason === 'string' ? reason : error instanceof Error ? error.message : String(error)}`,
        );
        throw typeof reason === 'string' ? error : refused('unavailable');
      }
    },
  };
}
