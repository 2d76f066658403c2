// The stored form of a story body: a Tiptap (ProseMirror) JSON document.
import type { JSONContent } from '@tiptap/core';

export type DocNode = JSONContent;

export type Doc = DocNode & { type: 'doc'; content: DocNode[] };
