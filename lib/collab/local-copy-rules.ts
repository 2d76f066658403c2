// Which of the browser's local story copies (y-indexeddb databases named by articleDocumentName) may be
// removed, and which still hold typing the co-editing server has not confirmed. Pure: the browser side
// (lib/collab/local-copies.ts) reads localStorage and IndexedDB and hands the facts in; the editor's
// session (components/editor/collab/collab-session.ts) asks copyVerdict whether a copy may be merged.
import { articleIdOf } from './document-name';

/** localStorage: who wrote this browser's story copies (the user id of the last editor opened). */
export const OWNER_KEY = 'kecheng.storyCopies.owner';
/**
 * localStorage: one mark per story and tab while that tab has typing the server has not confirmed; the
 * value is when it last typed (ms). A mark outlives its tab, so a tab closed offline is still counted.
 */
export const MARK_PREFIX = 'kecheng.storyCopies.unconfirmed:';
/** A tab that opened a story this long after another tab last typed in it has read that typing. */
export const READ_MARGIN_MS = 1_000;

export type Mark = { key: string; documentName: string; tabId: string; changedAt: number };

export function markKey(documentName: string, tabId: string): string {
  return `${MARK_PREFIX}${documentName}|${tabId}`;
}

/** The marks among localStorage's entries; anything malformed is not ours and is skipped. */
export function readMarks(entries: Iterable<[string, string | null]>): Mark[] {
  const marks: Mark[] = [];
  for (const [key, value] of entries) {
    if (!key.startsWith(MARK_PREFIX)) continue;
    const rest = key.slice(MARK_PREFIX.length);
    const bar = rest.lastIndexOf('|');
    const documentName = rest.slice(0, bar);
    const tabId = rest.slice(bar + 1);
    const changedAt = Number(value);
    if (bar < 0 || !tabId || articleIdOf(documentName) === null || !Number.isFinite(changedAt)) continue;
    marks.push({ key, documentName, tabId, changedAt });
  }
  return marks;
}

/** The stories with typing not yet confirmed by the server, each once. */
export function unconfirmedArticles(marks: Mark[]): string[] {
  return [...new Set(marks.map((mark) => mark.documentName))].sort();
}

/** The marks of one story (any tab): its copy holds typing the server has not confirmed while there is one. */
export function marksOf(marks: Mark[], documentName: string): string[] {
  return marks.filter((mark) => mark.documentName === documentName).map((mark) => mark.key);
}

/**
 * IndexedDB (the copy's own 'custom' store): the generation of the story's shared document the copy
 * belongs to (lib/collab/stored-document.ts). A document rebuilt from scratch (a database restored
 * from a backup, a story whose document was reset) has a new generation and another Yjs history.
 */
export const GENERATION_KEY = 'generation';

/**
 * What to do with a browser's stored copy of a story when the page hands over the document of
 * `pageGeneration`: use it (merge it into the page's document), or replace it. Only a copy of the same
 * history may be merged: Yjs would keep both histories' text side by side (every paragraph twice). A
 * copy that records no generation (written before generations existed) cannot be vouched for. An empty
 * copy (never written) is simply used. Typing in a replaced copy that the server never confirmed is
 * offered back to the person as text, never merged.
 */
export function copyVerdict(
  copy: { generation: unknown; empty: boolean; unconfirmed: boolean },
  pageGeneration: string,
): 'use' | 'replace' | 'offer-and-replace' {
  if (copy.empty || copy.generation === pageGeneration) return 'use';
  return copy.unconfirmed ? 'offer-and-replace' : 'replace';
}

/**
 * The marks a tab may remove when the server has confirmed everything it holds of a story: its own, and
 * other tabs' whose typing was already stored when this tab read the copy (opened at `loadedAt`).
 * Typing by another tab after that is not in this tab's document, so its mark stays.
 */
export function marksSettledBy(
  marks: Mark[],
  tab: { documentName: string; tabId: string; loadedAt: number },
): string[] {
  return marks
    .filter((mark) => mark.documentName === tab.documentName)
    .filter((mark) => mark.tabId === tab.tabId || mark.changedAt < tab.loadedAt - READ_MARGIN_MS)
    .map((mark) => mark.key);
}

/** The browser's IndexedDB database names that are story copies. */
export function articleCopyNames(databaseNames: Iterable<string | undefined>): string[] {
  return [
    ...new Set([...databaseNames].filter((name): name is string => name !== undefined && articleIdOf(name) !== null)),
  ].sort();
}

/**
 * Copies to remove before `userId` opens an editor: none when they wrote them; every copy when another
 * account did, or when nobody is recorded (copies from before owners were recorded cannot be vouched for).
 */
export function copiesForeignTo(userId: string, owner: string | null, copies: string[]): string[] {
  return owner === userId ? [] : copies;
}

/** Copies that may go without asking anyone: those whose every change the server has confirmed. */
export function confirmedCopies(copies: string[], marks: Mark[]): string[] {
  const unconfirmed = new Set(unconfirmedArticles(marks));
  return copies.filter((name) => !unconfirmed.has(name));
}
