// The stored form of a story body: a Tiptap (ProseMirror) JSON document.
import type { JSONContent } from '@tiptap/core';

export type DocNode = JSONContent;

export type Doc = DocNode & { type: 'doc'; content: DocNode[] };

/** Reads a stored body back. The pipeline validated and sanitised it before it was written (validate.ts,
 * sanitize.ts), so reading it is a parse. */
export function parseDoc(serialised: string): Doc {
  return JSON.parse(serialised) as Doc;
}
