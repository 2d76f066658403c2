// Bounds on what one socket message may carry. A person typing sends updates of a few bytes; a paste
// of a long report a few hundred kilobytes. The cap sits above the largest body the editor's save
// accepts (the body's limit in lib/content/fields.ts, two million characters, about 6 MB as UTF-8 Chinese
// plus Yjs overhead), so anything larger is not an edit but an attack or a fault.
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** How long after the last change the shared document is written back to the story's working copy. */
export const STORE_DEBOUNCE_MS = 2_000;
/** Under continuous typing, the working copy is still written at least this often. */
export const STORE_MAX_DEBOUNCE_MS = 10_000;

export function messageTooLarge(bytes: number): boolean {
  return bytes > MAX_MESSAGE_BYTES;
}
