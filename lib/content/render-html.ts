// Readers' HTML for a story body (docs/architecture.md: Content): sanitised JSON → the shared schema → each extension's
// own renderHTML, serialised to a string. Tables get a scrolling wrapper for narrow screens.
import { DOMSerializer, Node as PmNode } from '@tiptap/pm/model';

import { toPlainText } from './plain-text';
import { sanitizeDoc } from './sanitize';
import { contentSchema } from './schema';
import { createStringDocument, fragmentToHtml } from './string-dom';
import type { DocNode } from './types';

function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function renderHtml(input: unknown): string {
  const schema = contentSchema();
  const doc = sanitizeDoc(input, schema);
  if (doc.content.length === 0) return '';
  let node: PmNode;
  try {
    node = schema.nodeFromJSON(doc);
    node.check();
  } catch {
    // Structurally broken content still reaches readers as its plain paragraphs.
    return toPlainText(doc as DocNode)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeText(line)}</p>`)
      .join('');
  }
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(node.content, {
    document: createStringDocument() as unknown as Document,
  });
  // Text is escaped by the serializer, so "<table" can only be a real table element here.
  return fragmentToHtml(fragment)
    .replaceAll('<table', '<div class="table-scroll"><table')
    .replaceAll('</table>', '</table></div>');
}
