// Loading and storing each story's shared document (lib/collab/persistence.ts), taking changes made
// outside the sockets into loaded documents, 立即保存, and what happens when a store fails: the error is
// caught, logged and told to the people in the story; a trashed or deleted story's document is dropped.
// Nothing here may reject into Hocuspocus' debounced store, which has no one to catch it (an unhandled
// rejection ended the co-editing process, and `npm start` then stopped the whole site).
import type {
  afterUnloadDocumentPayload,
  Document,
  Extension,
  Hocuspocus,
  onChangePayload,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStatelessPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';

import type { Db } from '../../db-client';
import { articleIdOf } from '../document-name';
import { quoted } from '../log-text';
import { SEAL_MESSAGE, type CollabMessage } from '../messages';
import {
  loadArticleDocument,
  refreshArticleDocument,
  storeArticleDocument,
  storedPosition,
  type LoadedDocument,
  type StoreOutcome,
} from '../persistence';
import type { SocketUser } from '../session';
import { refused, type CollabContext } from './authentication';

export type PersistenceOptions = {
  db: Db;
  /** How often loaded documents are compared with the stored ones (outside changes, trash). */
  refreshMs?: number;
  log: (line: string) => void;
};

/** Close reasons the browser gets when its document is dropped. */
export const GONE_REASON = 'gone';
export const STALE_REASON = 'stale-copy';

/** What the people in a story read when a store fails for another reason than their text. */
export const STORE_FAILED_TEXT = '保存失败：服务器暂时无法写入数据库，修改仍在编辑器里，稍后自动重试';

const tell = (document: Document, message: CollabMessage) => document.broadcastStateless(JSON.stringify(message));
const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);

export class ArticlePersistence implements Extension {
  extensionName = 'newsroom-persistence';
  private instance: Hocuspocus | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  // Where each loaded document stands against the stored one.
  private readonly loaded = new Map<string, LoadedDocument>();
  // Whose change each document holds since it was last written: the working copy is saved as them.
  private readonly lastEditor = new Map<string, SocketUser>();
  // Who asked for 立即保存 since the last write: that write closes the rolling revision.
  private readonly sealFor = new Map<string, SocketUser>();
  // Documents whose last store failed: tried again at the next refresh even if nobody types.
  private readonly failed = new Set<string>();
  // Documents dropped (story gone, or another generation stored): never written again.
  private readonly dropped = new Set<string>();
  private refreshing = false;

  constructor(private readonly options: PersistenceOptions) {}

  /**
   * The generation of a loaded document (for the authentication's copy check). A dropped document
   * still in memory answers one no stored document has, so nobody joins it before it is unloaded.
   */
  generationOf(documentName: string): string | undefined {
    const generation = this.loaded.get(documentName)?.generation;
    return generation !== undefined && this.dropped.has(documentName) ? `dropped:${generation}` : generation;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      void this.refreshAll().catch((error: unknown) =>
        this.options.log(`co-editing refresh failed: ${describe(error)}`),
      );
    }, this.options.refreshMs ?? 2_000);
    this.timer.unref();
  }

  async onDestroy(): Promise<void> {
    clearInterval(this.timer);
  }

  async onLoadDocument({ documentName, document, context }: onLoadDocumentPayload): Promise<void> {
    const articleId = articleIdOf(documentName);
    const loaded = articleId ? await loadArticleDocument(this.options.db, articleId, document) : null;
    if (!loaded) {
      this.options.log(`co-editing dropped ${quoted(documentName)}: no such story, or in the trash`);
      throw refused('unknown-document');
    }
    // The copy was checked against the stored generation at authentication; the document could have
    // been rebuilt since (a second check, so no copy of another history is ever merged).
    const copy = (context as Partial<CollabContext>).copyGeneration;
    if (copy && copy !== loaded.generation) throw refused(STALE_REASON);
    this.dropped.delete(documentName);
    this.loaded.set(documentName, loaded);
  }

  async onChange({ documentName, context }: onChangePayload): Promise<void> {
    const who = (context as Partial<CollabContext>).user;
    if (who) this.lastEditor.set(documentName, who);
  }

  /** 立即保存 from someone who may type: written now, under the document's save lock, closing the rolling revision. */
  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    const context = connection.context as Partial<CollabContext>;
    if (payload !== SEAL_MESSAGE || !context.user || context.access !== 'write') return;
    this.sealFor.set(documentName, context.user);
    this.lastEditor.set(documentName, context.user);
    await document.saveMutex.runExclusive(() => this.store(document));
    this.unloadIfLeft(document);
  }

  /** Hocuspocus' debounced store (already under the document's save lock). */
  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    await this.store(document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.loaded.delete(documentName);
    this.lastEditor.delete(documentName);
    this.sealFor.delete(documentName);
    this.failed.delete(documentName);
    this.dropped.delete(documentName);
  }

  /** Writes a document back; never throws (see the top of this file). Call under the document's save lock. */
  async store(document: Document): Promise<void> {
    const name = document.name;
    const editor = this.lastEditor.get(name);
    const loaded = this.loaded.get(name);
    const articleId = articleIdOf(name);
    // Nothing typed since the last write (the document holds only what is stored), or dropped.
    if (!editor || !loaded || !articleId || this.dropped.has(name)) return;
    const seal = this.sealFor.get(name);
    this.lastEditor.delete(name);
    this.sealFor.delete(name);
    let outcome: StoreOutcome;
    try {
      outcome = await storeArticleDocument(this.options.db, articleId, document, seal ?? editor, {
        generation: loaded.generation,
        seal: Boolean(seal),
      });
    } catch (error) {
      // Kept for the next try: the change is still in the document.
      if (!this.lastEditor.has(name)) this.lastEditor.set(name, editor);
      if (seal && !this.sealFor.has(name)) this.sealFor.set(name, seal);
      this.failed.add(name);
      this.options.log(`co-editing store failed ${quoted(name)}: ${describe(error)}`);
      tell(document, { kind: 'store-failed', error: STORE_FAILED_TEXT });
      return;
    }
    this.failed.delete(name);
    this.settle(document, outcome);
  }

  private settle(document: Document, outcome: StoreOutcome): void {
    if (outcome.kind === 'gone') return this.drop(document, GONE_REASON);
    if (outcome.kind === 'stale') return this.drop(document, STALE_REASON);
    this.loaded.set(document.name, outcome.loaded);
    if (outcome.kind === 'invalid') tell(document, { kind: 'save-refused', error: outcome.error });
    else
      tell(document, {
        kind: 'saved',
        version: outcome.loaded.version,
        at: new Date().toISOString(),
        stored: Buffer.from(outcome.stored).toString('base64'),
      });
  }

  /**
   * A trashed or deleted story, or a document of a generation no longer stored: the people in it are
   * told and disconnected, and the document leaves memory without being written again.
   */
  private drop(document: Document, reason: typeof GONE_REASON | typeof STALE_REASON): void {
    if (this.dropped.has(document.name)) return;
    this.dropped.add(document.name);
    this.options.log(
      `co-editing dropped ${quoted(document.name)}: ${reason === GONE_REASON ? 'the story is in the trash or deleted' : 'another generation is stored'}`,
    );
    if (reason === GONE_REASON) tell(document, { kind: 'gone' });
    for (const connection of document.getConnections()) connection.close({ code: 4410, reason });
  }

  /**
   * After this extension let go of a document's save lock: unloaded if nobody is in it any more (a
   * dropped document's people were just disconnected). Hocuspocus tries to unload a document when its
   * last socket closes, but not while the save lock is held, and tries again only after a store of its
   * own: a person leaving while a refresh held the lock left the document in memory for good, and
   * `server.destroy()` waited for it forever (lib/collab/server.test.ts). `unloadDocument` itself
   * refuses a document someone is in or that has a store pending.
   */
  private unloadIfLeft(document: Document): void {
    if (this.instance?.documents.get(document.name) === document) void this.instance.unloadDocument(document);
  }

  /**
   * Every loaded document against the stored one: a change made outside the sockets (stored by whoever
   * applied it, lib/collab/stored-document.ts) is taken in by applying the stored state; a story gone
   * is dropped; a store that failed is tried again.
   */
  async refreshAll(): Promise<void> {
    // One pass at a time: a slow database must not pile passes up behind each other.
    if (!this.instance || this.refreshing) return;
    this.refreshing = true;
    try {
      await this.refreshEach(this.instance);
    } finally {
      this.refreshing = false;
    }
  }

  private async refreshEach(instance: Hocuspocus): Promise<void> {
    for (const [name, document] of instance.documents) {
      const loaded = this.loaded.get(name);
      const articleId = articleIdOf(name);
      if (!loaded || !articleId || this.dropped.has(name) || document.isLoading) continue;
      try {
        await this.refreshOne(document, articleId, loaded);
      } catch (error) {
        this.options.log(`co-editing refresh failed ${quoted(name)}: ${describe(error)}`);
      }
      this.unloadIfLeft(document);
    }
  }

  private async refreshOne(document: Document, articleId: string, loaded: LoadedDocument): Promise<void> {
    const name = document.name;
    const position = await storedPosition(this.options.db, articleId);
    const behind =
      position.generation !== loaded.generation ||
      position.serial !== loaded.serial ||
      position.workingVersion !== position.storedVersion;
    if (!behind && !this.failed.has(name)) return;
    await document.saveMutex.runExclusive(async () => {
      if (this.failed.has(name)) return this.store(document);
      const current = this.loaded.get(name);
      if (!current || this.dropped.has(name)) return;
      const refreshed = await refreshArticleDocument(this.options.db, articleId, document, current.generation);
      if (refreshed.kind === 'current') this.loaded.set(name, refreshed.loaded);
      else this.drop(document, refreshed.kind === 'gone' ? GONE_REASON : STALE_REASON);
    });
  }
}
