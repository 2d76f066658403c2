// Cleans a stored or pasted body before it is rendered or saved: only nodes and marks the schema
// knows, links with safe schemes, images from safe sources. Unknown wrappers give up their children
// rather than their text, so nothing a reporter typed disappears.
import type { Schema } from '@tiptap/pm/model';

import { stripBidiControls } from '../text/bidi';
import { isSafeHref, isSafeImageSrc } from './safe-url';
import { contentSchema } from './schema';
import type { Doc, DocNode } from './types';

function cleanMarks(marks: DocNode['marks'], schema: Schema): DocNode['marks'] {
  const kept = (marks ?? []).filter((mark) => {
    if (!mark || typeof mark.type !== 'string' || !schema.marks[mark.type]) return false;
    if (mark.type === 'link') return isSafeHref(typeof mark.attrs?.href === 'string' ? mark.attrs.href : null);
    return true;
  });
  return kept.length ? kept : undefined;
}

function cleanNode(node: DocNode, schema: Schema): DocNode[] {
  if (!node || typeof node !== 'object' || typeof node.type !== 'string') return [];
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') return [];
    const text = stripBidiControls(node.text);
    if (text === '') return [];
    const marks = cleanMarks(node.marks, schema);
    return [marks ? { type: 'text', text, marks } : { type: 'text', text }];
  }
  const children = Array.isArray(node.content) ? node.content.flatMap((child) => cleanNode(child, schema)) : undefined;
  if (!schema.nodes[node.type] || node.type === 'doc') return children ?? [];
  if (node.type === 'figure' && !isSafeImageSrc(typeof node.attrs?.src === 'string' ? node.attrs.src : null)) return [];
  const clean: DocNode = { type: node.type };
  if (node.attrs && typeof node.attrs === 'object') clean.attrs = { ...node.attrs };
  if (children && children.length) clean.content = children;
  return [clean];
}

export function sanitizeDoc(input: unknown, schema: Schema = contentSchema()): Doc {
  const root = input && typeof input === 'object' ? (input as DocNode) : { type: 'doc' };
  const content = Array.isArray(root.content) ? root.content.flatMap((child) => cleanNode(child, schema)) : [];
  return { type: 'doc', content };
}
