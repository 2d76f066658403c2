// How the reliability benchmarks (bench:soak, bench:crash) write as editors: over the co-editing path,
// as the story editor does. A Node client (@hocuspocus/provider over `ws`) opens the story's shared
// document through the site's /collab (an instance's relay, or the nginx front) with the session
// cookie of a real sign-in, and types into the body one keystroke at a time, each line its own
// paragraph beginning with a marker. What it was told is kept by SaveLedger (scripts/bench/lib/save-ledger.ts):
// a keystroke counts as acknowledged only by a 'saved' message that covers it.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

import { BODY_FRAGMENT, sharedText } from '../../../lib/collab/article-doc';
import { articleDocumentName } from '../../../lib/collab/document-name';
import { parseMessage, SEAL_MESSAGE } from '../../../lib/collab/messages';
import { cookieSocket } from '../../../test/support/cookie-socket';
import { SaveLedger } from './save-ledger';

/** One line a writer typed: its text so far, and how many of its characters they were told are saved. */
export type TypedLine = { articleId: string; marker: string; text: string; acknowledged: number };

type Keystroke = { line: TypedLine; index: number };

export type SessionOptions = {
  /** ws://host:port/collab of an instance or of the front. */
  socketUrl: string;
  /** The page's origin the browser would send (the site's address). */
  origin: string;
  /** The Cookie header of a signed-in session (scripts/bench/lib/sign-in.ts). */
  cookie: string;
  articleId: string;
  /** What the provider sends as its token (the browser sends its document's generation). */
  token: () => Promise<string>;
  /** What the server said that is not 'saved': refusals and store errors, and the socket's own. */
  onProblem: (text: string) => void;
};

// Hocuspocus's wire format (node_modules/@hocuspocus/server/src/types.ts): a document name, then the
// message type; Sync (0) and SyncReply (4) carry a y-protocols sync message, of which step 1 (0)
// is the sender's state vector.
const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;

/** The server's state vector, when `data` is the server's SyncStep1; null for any other message. */
export function serverStateVector(data: ArrayBuffer | Uint8Array): Map<number, number> | null {
  try {
    const decoder = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    if (decoding.readVarUint(decoder) !== SYNC_STEP_1) return null;
    return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  } catch {
    return null;
  }
}

export class ArticleSession {
  readonly ledger = new SaveLedger<Keystroke>();
  /** Settles once the story's document is synced; fails when the server refuses the socket. */
  readonly ready: Promise<void>;
  private readonly doc = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly poll: NodeJS.Timeout;

  constructor(options: SessionOptions) {
    const { cookie, origin } = options;
    let synced: () => void = () => {};
    let refused: (error: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      synced = resolve;
      refused = reject;
    });
    // Reconnects within about two seconds, as the editor in the browser does.
    this.socket = new HocuspocusProviderWebsocket({
      url: options.socketUrl,
      WebSocketPolyfill: cookieSocket(cookie, origin),
      delay: 250,
      minDelay: 250,
      factor: 2,
      maxDelay: 2000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: articleDocumentName(options.articleId),
      document: this.doc,
      token: options.token,
      onSynced: ({ state }) => {
        if (state) synced();
      },
      onAuthenticationFailed: ({ reason }) => {
        options.onProblem(`拒绝连接（${reason}）`);
        refused(new Error(`co-editing refused ${options.articleId}: ${reason}`));
      },
      onMessage: ({ event }) => {
        const vector = serverStateVector(event.data as ArrayBuffer);
        if (vector) this.ledger.serverHas(vector.get(this.doc.clientID) ?? 0);
      },
      onStateless: ({ payload }) => {
        const message = parseMessage(payload);
        if (message?.kind === 'saved') {
          for (const { line, index } of this.ledger.saved()) line.acknowledged = Math.max(line.acknowledged, index + 1);
        } else if (message?.kind === 'save-refused' || message?.kind === 'store-failed')
          options.onProblem(`保存失败：${message.error}`);
        else if (message?.kind === 'gone') options.onProblem('稿件已移入回收站或已删除');
      },
      onClose: () => this.ledger.lostConnection(),
      onDisconnect: () => this.ledger.lostConnection(),
    });
    this.provider.attach();
    // Asks for the server's state vector while it has keystrokes not yet received (a SyncStep1 is
    // answered with the server's own).
    this.poll = setInterval(() => {
      if (
        this.ledger.counts.unacknowledged > 0 &&
        this.provider.isAuthenticated &&
        this.socket.status === WebSocketStatus.Connected
      )
        this.provider.forceSync();
    }, 300);
  }

  /** Connected and synced (the story's text is here), with the headline set so the story can be saved. */
  static async open(options: SessionOptions, headline: string, timeoutMs = 30_000): Promise<ArticleSession> {
    const session = new ArticleSession(options);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`co-editing did not sync ${options.articleId} within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([session.ready, timeout]);
    } catch (error) {
      session.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    const title = sharedText(session.doc, 'headline');
    if (title.length === 0) session.doc.transact(() => title.insert(0, headline));
    return session;
  }

  /** Types `line` (its marker first) into a new paragraph at the end, one keystroke at a time. */
  async typeLine(
    articleId: string,
    marker: string,
    rest: string,
    pause: () => number,
    stop: () => boolean,
  ): Promise<TypedLine> {
    const line: TypedLine = { articleId, marker, text: '', acknowledged: 0 };
    const body = this.doc.getXmlFragment(BODY_FRAGMENT);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    this.doc.transact(() => {
      body.insert(body.length, [paragraph]);
      paragraph.insert(0, [text]);
    });
    for (const char of marker + rest) {
      if (stop() && line.text.length >= marker.length) break;
      this.doc.transact(() => text.insert(text.length, char));
      line.text += char;
      this.ledger.typed({ line, index: line.text.length - 1 }, Y.getState(this.doc.store, this.doc.clientID));
      await new Promise((resolve) => setTimeout(resolve, pause()));
    }
    return line;
  }

  /**
   * Waits (up to `timeoutMs`) until every keystroke is acknowledged; false if some are not. Every
   * 2.5 s without it, a character typed and erased at once (a change, so the server stores again)
   * and 立即保存, as a person does when the status line has not said 已保存 for a while.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let nudgedAt = Date.now();
    while (this.ledger.counts.unacknowledged > 0) {
      if (Date.now() > deadline) return false;
      if (Date.now() - nudgedAt > 2500 && this.provider.isAuthenticated) {
        const body = this.doc.getXmlFragment(BODY_FRAGMENT);
        const last = body.get(body.length - 1);
        const text = last instanceof Y.XmlElement ? last.get(0) : null;
        if (text instanceof Y.XmlText) {
          this.doc.transact(() => {
            text.insert(text.length, ' ');
            text.delete(text.length - 1, 1);
          });
        }
        this.provider.sendStateless(SEAL_MESSAGE);
        nudgedAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  }

  close(): void {
    clearInterval(this.poll);
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}
