// One story's co-editing session in the browser, without React: the shared document the page handed
// over, the browser's stored copy of it (IndexedDB), the socket to the co-editing service, the window's
// online/offline events and the sign-out channel, and what the status line says. The component
// (use-collab-session.ts) only shows `state`; the parts that touch the browser are injected
// (collab-browser.ts), so collab-session.test.ts drives every rule here with fakes, without a browser.
//
// The document exists before anything else: the page carries the story's stored state
// (lib/collab/stored-document.ts), so the editor shows the text and takes typing at once, whether the
// socket connects, is refused or the service is down. Typing without the socket goes into the document
// and the stored copy and reaches the server when the socket is back.
//
// The stored copy is merged only when it belongs to the same history as the page's document (its
// generation, lib/collab/local-copy-rules.ts copyVerdict): a copy of another history would put every
// paragraph in twice. Such a copy is read into a scratch document first, its unconfirmed typing is
// offered back to the person as text (never merged), and it is replaced.
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

import { readArticleDoc } from '@/lib/collab/article-doc';
import { articleDocumentName } from '@/lib/collab/document-name';
import { copyVerdict, GENERATION_KEY } from '@/lib/collab/local-copy-rules';
import { parseMessage, SEAL_MESSAGE, typingStored, type CollabMessage, type Participant } from '@/lib/collab/messages';

import { articleText } from '../article-text';

/** What the page computed: may this person type in the story, or only read it. */
export type Access = 'write' | 'read';

/** The story's shared document as the page handed it over (contract: `initial`). */
export type InitialDocument = { state: string; generation: string; version: number };

export type Connection =
  /** Before the first sync with the service. */
  | 'connecting'
  /** Synced with the co-editing service. */
  | 'live'
  /** The browser says it has no network. */
  | 'offline'
  /** The browser has a network, the co-editing service does not answer (down, restarting). */
  | 'unreachable'
  /** The service refused this person or this copy (`refusal` says why); no more reconnecting. */
  | 'refused';

export type SessionState = {
  connection: Connection;
  refusal: string | null;
  /** Typing is possible (the page's access, the server's scope, not refused). */
  editable: boolean;
  /** This person may only read (the page said so, or the server connected them read-only). */
  readOnly: boolean;
  /** Changes sent that the service has not acknowledged. */
  unsynced: number;
  saved: { at: string; version: number } | null;
  /** Typed here since the service last said it wrote the working copy. */
  pending: boolean;
  /** The service could not write the working copy (the rules refused it, or the store failed). */
  saveFailed: string | null;
  /** Who else is connected, as the server said; empty while this browser is not connected. */
  people: Participant[];
  /** Whether the browser keeps a copy: 'opening' until read, 'none' without one (read-only, or a foreign copy that would not go). */
  localCopy: 'opening' | 'kept' | 'none';
};

/** The stored copy of one story (y-indexeddb's IndexeddbPersistence, or a fake in tests). */
export type LocalCopy = {
  /** The origin of the transactions the copy applies to its document. */
  readonly origin: unknown;
  whenSynced: Promise<unknown>;
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: string) => Promise<unknown>;
  /** Stops storing (the data stays). */
  destroy: () => Promise<void>;
};

export type ProviderEvents = {
  onAuthenticated: (scope: string) => void;
  onAuthenticationFailed: (reason: string) => void;
  onSynced: () => void;
  /** The socket is gone (closed by either side, or it never opened). */
  onDisconnected: () => void;
  /** The server closed the socket with a reason (lib/collab: 'rights-changed', 'signed-out', 'forbidden' …). */
  onClose: (reason: string) => void;
  onUnsyncedChanges: (count: number) => void;
  onStateless: (payload: string) => void;
};

/** The socket and the provider on it (Hocuspocus), or a fake in tests. */
export type ProviderHandle = {
  /** The origin of the transactions the provider applies (the others' changes). */
  readonly origin: unknown;
  readonly awareness: Awareness | null;
  readonly synced: boolean;
  readonly unsyncedChanges: number;
  connect: () => void;
  disconnect: () => void;
  sendStateless: (payload: string) => void;
  /** Makes the server (and so everyone in the story) see this tab's awareness state again. */
  announce: () => void;
  destroy: () => void;
};

export type SessionDeps = {
  articleId: string;
  access: Access;
  initial: InitialDocument;
  doc: Y.Doc;
  openProvider: (options: { name: string; doc: Y.Doc; token: string; events: ProviderEvents }) => ProviderHandle;
  /** Removes copies of another account first; false when one could not be removed (then no copy is read). */
  claimCopies: () => Promise<boolean>;
  openCopy: (name: string, doc: Y.Doc) => LocalCopy;
  deleteCopy: (name: string) => Promise<boolean>;
  marks: {
    unconfirmed: (name: string) => void;
    confirmed: (name: string, loadedAt: number) => void;
    has: (name: string) => boolean;
    forget: (name: string) => void;
  };
  online: () => boolean;
  /** Calls back with true/false when the browser's network comes and goes; returns what stops listening. */
  onNetwork: (changed: (online: boolean) => void) => () => void;
  /** Calls back when someone signs out in this browser; returns what stops listening. */
  onSignOut: (signingOut: () => void) => () => void;
  now: () => number;
  /** Text the browser held that cannot be merged: shown to the person to copy (it is not kept). */
  onOffer: (text: string) => void;
  /** The page's document is older than the service's (a rebuild): its data must be loaded again. */
  onStale: () => void;
};

/** The base64 state of the page as bytes (atob exists in browsers and in Node). */
export function decodeState(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The page's document: filled before anything binds to it, so its state is not a local change. */
export function documentFrom(initial: InitialDocument): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decodeState(initial.state));
  return doc;
}

export function initialState(access: Access, online: boolean): SessionState {
  return {
    connection: online ? 'connecting' : 'offline',
    refusal: null,
    editable: access === 'write',
    readOnly: access === 'read',
    unsynced: 0,
    saved: null,
    pending: false,
    saveFailed: null,
    people: [],
    localCopy: access === 'write' ? 'opening' : 'none',
  };
}

/** The whole text a document holds, as the person would copy it out. */
function textOf(doc: Y.Doc): string {
  const story = readArticleDoc(doc);
  return articleText(story, story.body);
}

const isEmpty = (doc: Y.Doc) => doc.store.clients.size === 0;

/** Refusals after which the socket stays closed (a rights change reconnects, a stale copy reloads). */
const FINAL_REFUSALS = new Set(['signed-out', 'forbidden', 'bad-origin', 'unknown-document', 'gone']);
/**
 * Refusals of the person or the story: nothing typed would ever reach it, so the text turns read-only.
 * A refusal of the page's address (bad-origin) leaves the typing to the stored copy, as when the service
 * is down: opened again from the site's own address, it merges.
 */
const LOCKING_REFUSALS = new Set(['signed-out', 'forbidden', 'unknown-document', 'gone', 'stale-copy']);

export class CollabSession {
  private stateValue: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly name: string;
  private provider: ProviderHandle | null = null;
  private copy: LocalCopy | null = null;
  private copyRead = false;
  private readonly loadedAt: number;
  /** Typed in this tab and not yet confirmed by the service. */
  private typedHere = false;
  /** The socket is open and authenticated: what the server says about who is here counts. */
  private connected = false;
  private closed = false;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly deps: SessionDeps) {
    this.name = articleDocumentName(deps.articleId);
    this.loadedAt = deps.now();
    this.stateValue = initialState(deps.access, deps.online());
    // From the start: typing before the copy and the socket are open counts as this tab's.
    deps.doc.on('update', this.changed);
    this.stops.push(() => deps.doc.off('update', this.changed));
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get awareness(): Awareness | null {
    return this.provider?.awareness ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the socket at once and, for someone who may write, the stored copy beside it. */
  start(): Promise<void> {
    const { doc } = this.deps;
    this.stops.push(this.deps.onNetwork((online) => (online ? this.goOnline() : this.goOffline())));
    this.stops.push(this.deps.onSignOut(() => this.signingOut()));
    this.provider = this.deps.openProvider({
      name: this.name,
      doc,
      token: this.deps.initial.generation,
      events: this.events(),
    });
    if (!this.deps.online()) this.provider.disconnect();
    return this.deps.access === 'write' ? this.openLocalCopy() : Promise.resolve();
  }

  /** 立即保存: the service writes the working copy now and closes the rolling revision. */
  seal(): void {
    this.provider?.sendStateless(SEAL_MESSAGE);
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
    this.provider?.destroy();
    void this.copy?.destroy();
    this.listeners.clear();
  }

  private update(patch: Partial<SessionState>): void {
    if (this.closed) return;
    const next = { ...this.stateValue, ...patch };
    next.editable =
      this.deps.access === 'write' &&
      !next.readOnly &&
      !(next.connection === 'refused' && LOCKING_REFUSALS.has(next.refusal ?? ''));
    this.stateValue = next;
    for (const listener of this.listeners) listener();
  }

  private readonly changed = (_update: Uint8Array, origin: unknown): void => {
    if (this.provider && origin === this.provider.origin) return;
    if (this.copy && origin === this.copy.origin) return;
    this.typedHere = true;
    this.update({ pending: true });
    if (this.stateValue.localCopy !== 'none') this.deps.marks.unconfirmed(this.name);
  };

  /** Everything this tab holds (what it read from the copy and what was typed here) is on the server. */
  private confirmIfAllSent(): void {
    const provider = this.provider;
    if (!provider || !provider.synced || provider.unsyncedChanges !== 0) return;
    this.typedHere = false;
    if (this.copy && this.copyRead) this.deps.marks.confirmed(this.name, this.loadedAt);
  }

  private async openLocalCopy(): Promise<void> {
    const mine = await this.deps.claimCopies().catch(() => false);
    if (this.closed) return;
    if (!mine) return this.update({ localCopy: 'none' });
    // The copy is read into a document of its own first: it joins the page's only if it is of the same history.
    const scratch = new Y.Doc();
    const stored = this.deps.openCopy(this.name, scratch);
    await stored.whenSynced;
    const generation = await stored.get(GENERATION_KEY);
    const verdict = copyVerdict(
      { generation, empty: isEmpty(scratch), unconfirmed: this.deps.marks.has(this.name) },
      this.deps.initial.generation,
    );
    if (verdict === 'offer-and-replace') this.offer(textOf(scratch));
    await stored.destroy();
    scratch.destroy();
    if (verdict !== 'use' && !(await this.replaceCopy())) return;
    if (this.closed) return;
    const copy = this.deps.openCopy(this.name, this.deps.doc);
    this.copy = copy;
    await copy.whenSynced;
    await copy.set(GENERATION_KEY, this.deps.initial.generation);
    if (this.closed) return;
    this.copyRead = true;
    // Typing before the copy was read is in it now (it stores the whole document when it opens).
    if (this.typedHere) this.deps.marks.unconfirmed(this.name);
    this.update({ localCopy: 'kept' });
    this.confirmIfAllSent();
  }

  /** Deletes the story's copy and its marks; false (and no copy) if the browser would not delete it. */
  private async replaceCopy(): Promise<boolean> {
    const deleted = await this.deps.deleteCopy(this.name).catch(() => false);
    if (!deleted) {
      this.update({ localCopy: 'none' });
      return false;
    }
    this.deps.marks.forget(this.name);
    return true;
  }

  private offer(text: string): void {
    if (text.trim()) this.deps.onOffer(text);
  }

  private events(): ProviderEvents {
    return {
      onAuthenticated: (scope) => {
        this.connected = true;
        this.update({ readOnly: this.deps.access === 'read' || scope === 'readonly', refusal: null });
      },
      onAuthenticationFailed: (reason) => this.refused(reason),
      onSynced: () => {
        // Connected (again): others learn that this tab is here from its awareness state.
        this.provider?.announce();
        if (this.stateValue.connection !== 'refused') this.update({ connection: 'live' });
        this.confirmIfAllSent();
      },
      onDisconnected: () => {
        this.connected = false;
        if (this.stateValue.connection === 'refused') return;
        this.update({ connection: this.deps.online() ? 'unreachable' : 'offline', people: [] });
      },
      onClose: (reason) => {
        if (reason === 'rights-changed' || FINAL_REFUSALS.has(reason)) this.refused(reason);
      },
      onUnsyncedChanges: (count) => {
        this.update({ unsynced: count });
        this.confirmIfAllSent();
      },
      onStateless: (payload) => this.message(payload),
    };
  }

  private message(payload: string): void {
    const message = parseMessage(payload);
    if (!message) return;
    if (message.kind === 'saved')
      this.update({
        saved: { at: message.at, version: message.version },
        saveFailed: null,
        pending: this.stillPending(message),
      });
    if (message.kind === 'save-refused' || message.kind === 'store-failed') this.update({ saveFailed: message.error });
    // The story went to the trash (or away): its document is dropped; nothing typed here can go anywhere.
    if (message.kind === 'gone') this.refused('gone');
    if (message.kind === 'people' && this.connected) this.update({ people: message.people });
  }

  /** Typing of this tab that the store just reported is not in what it wrote (another store follows). */
  private stillPending(saved: Extract<CollabMessage, { kind: 'saved' }>): boolean {
    if (!this.stateValue.pending) return false;
    if (saved.stored === undefined) return this.stateValue.unsynced > 0;
    return !typingStored(decodeState(saved.stored), this.deps.doc);
  }

  private refused(reason: string): void {
    const provider = this.provider;
    if (!provider || this.stateValue.connection === 'refused') return;
    // Allowed differently now (a role or the story's status changed): connect again, the server says how.
    if (reason === 'rights-changed') {
      provider.disconnect();
      provider.connect();
      return;
    }
    provider.disconnect();
    this.connected = false;
    this.update({ connection: 'refused', refusal: reason, people: [] });
    if (reason === 'stale-copy') void this.stale();
  }

  /**
   * The service holds another history than the page's document (rebuilt after the page was made):
   * whatever was typed here cannot be merged into it. It is offered back as text, the copy goes, and
   * the page's data is loaded again (a new session starts from it).
   */
  private async stale(): Promise<void> {
    if (this.typedHere || this.deps.marks.has(this.name)) this.offer(textOf(this.deps.doc));
    await this.copy?.destroy();
    this.copy = null;
    if (this.stateValue.localCopy !== 'none') await this.replaceCopy();
    this.deps.onStale();
  }

  private goOffline(): void {
    this.provider?.disconnect();
    this.connected = false;
    if (this.stateValue.connection !== 'refused') this.update({ connection: 'offline', people: [] });
  }

  private goOnline(): void {
    if (this.stateValue.connection === 'refused') return;
    this.update({ connection: 'connecting' });
    this.provider?.connect();
  }

  private signingOut(): void {
    // The copy is being deleted (lib/collab/local-copies.ts discardAllCopies): let go of it at once.
    this.provider?.destroy();
    void this.copy?.destroy();
    this.copy = null;
    this.update({ connection: 'refused', refusal: 'signed-out', people: [] });
  }
}
