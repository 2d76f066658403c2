// The browser side of the local story copies (browser-only; client components call it). Each co-edited
// story is kept in IndexedDB so typing survives a lost network; on a shared newsroom computer those
// copies must not outlive the person who wrote them. localStorage records who wrote them (OWNER_KEY) and
// which still hold typing the server has not confirmed (marks, one per story and tab), so every tab of
// the browser — and a tab closed offline — is counted when someone signs out (local-copy-rules.ts).
import {
  articleCopyNames,
  confirmedCopies,
  copiesForeignTo,
  markKey,
  marksOf,
  marksSettledBy,
  OWNER_KEY,
  readMarks,
  unconfirmedArticles,
} from './local-copy-rules';

const CHANNEL = 'kecheng.storyCopies';
type SignOutKind = 'signing-out' | 'signed-out';
type SignOutMessage = { kind: SignOutKind; from: string };

function announce(kind: SignOutKind): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ kind, from: tabId() } satisfies SignOutMessage);
  channel.close();
}

let thisTab: string | null = null;
/** This tab's id (marks are per tab: two tabs of one story confirm their typing separately). */
export function tabId(): string {
  thisTab ??= crypto.randomUUID();
  return thisTab;
}

function storedEntries(): [string, string | null][] {
  const entries: [string, string | null][] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key !== null) entries.push([key, localStorage.getItem(key)]);
  }
  return entries;
}

const marks = () => readMarks(storedEntries());

/** This tab typed in the story: the server has not confirmed it yet. */
export function markUnconfirmed(documentName: string): void {
  localStorage.setItem(markKey(documentName, tabId()), String(Date.now()));
}

/** The server has everything this tab holds of the story (which it read from IndexedDB at `loadedAt`). */
export function markConfirmed(documentName: string, loadedAt: number): void {
  for (const key of marksSettledBy(marks(), { documentName, tabId: tabId(), loadedAt })) localStorage.removeItem(key);
}

/** How many stories in this browser (any tab, open or closed) hold typing the server has not confirmed. */
export function unconfirmedArticleCount(): number {
  return unconfirmedArticles(marks()).length;
}

/** Whether the story's copy holds typing the server has not confirmed (from any tab, open or closed). */
export function hasUnconfirmedTyping(documentName: string): boolean {
  return marksOf(marks(), documentName).length > 0;
}

/** The story's copy was replaced: its marks (every tab's) go with it. */
export function forgetArticleMarks(documentName: string): void {
  for (const key of marksOf(marks(), documentName)) localStorage.removeItem(key);
}

async function articleCopies(): Promise<string[]> {
  const known = marks().map((mark) => mark.documentName);
  // Every current browser lists its databases; the marks name the copies that matter if one does not.
  const listed =
    typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((database) => database.name) : [];
  return articleCopyNames([...listed, ...known]);
}

/**
 * Deletes copies; resolves true when every one is gone. An open copy in another tab does not hold the
 * deletion up: y-indexeddb closes its connection on the version change a deletion causes.
 */
async function deleteCopies(names: string[]): Promise<boolean> {
  const results = await Promise.all(
    names.map(
      (name) =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve(true);
          request.onerror = () => resolve(false);
        }),
    ),
  );
  return results.every(Boolean);
}

/** The records of unconfirmed typing. */
function forgetMarks(): void {
  for (const mark of marks()) localStorage.removeItem(mark.key);
}

/** Deletes one story's copy (it belongs to another history of the story); resolves false if it could not. */
export function deleteArticleCopy(documentName: string): Promise<boolean> {
  return deleteCopies([documentName]);
}

let claim: { userId: string; done: Promise<boolean> } | null = null;

/**
 * Before `userId` opens an editor: copies written under another account (or nobody known) are removed,
 * then the copies are recorded as theirs. Resolves false when a foreign copy could not be removed: the
 * editor must then not read IndexedDB. Shared by every caller in the tab, so an editor that opens at
 * once waits for the same removal.
 */
export function claimCopiesFor(userId: string): Promise<boolean> {
  if (claim?.userId !== userId) claim = { userId, done: removeForeignCopies(userId) };
  return claim.done;
}

async function removeForeignCopies(userId: string): Promise<boolean> {
  try {
    const owner = localStorage.getItem(OWNER_KEY);
    if (owner !== userId) {
      if (!(await deleteCopies(copiesForeignTo(userId, owner, await articleCopies())))) return false;
      forgetMarks();
    }
    localStorage.setItem(OWNER_KEY, userId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signing out: every tab's editors let go of their copies (and the other tabs leave for the sign-in
 * page), then every copy and record goes. The caller has asked first if any held unconfirmed typing.
 */
export async function discardAllCopies(): Promise<void> {
  announce('signing-out');
  await deleteCopies(await articleCopies());
  forgetMarks();
  localStorage.removeItem(OWNER_KEY);
  claim = null;
}

/** The session has ended: the other tabs leave for the sign-in page. */
export function announceSignedOut(): void {
  announce('signed-out');
}

/** Calls back when some tab of this browser (this one included) starts signing out, or has signed out. */
export function onSignOut(kind: SignOutKind, callback: (fromThisTab: boolean) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<SignOutMessage>) => {
    if (event.data?.kind === kind) callback(event.data.from === tabId());
  };
  return () => channel.close();
}

/**
 * On the sign-in page (signed out, or the session ran out): copies the server has confirmed go; copies
 * with unconfirmed typing stay for their owner to sign in again and send. Returns how many stayed.
 */
export async function dropConfirmedCopies(): Promise<number> {
  try {
    await deleteCopies(confirmedCopies(await articleCopies(), marks()));
  } catch {
    // Removing is best effort here: the account-switch check still runs before any editor opens.
  }
  return unconfirmedArticleCount();
}
