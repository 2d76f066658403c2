// Plain text of a story body: for search indexing, word counts and summaries. Block nodes end a line;
// table cells are separated by a tab; images contribute their caption.
import type { DocNode } from './types';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'tableRow', 'figure', 'codeBlock']);

function textOf(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'figure' || node.type === 'image') return String(node.attrs?.caption ?? '');
  const children = node.content ?? [];
  if (node.type === 'tableRow') return children.map((cell) => textOf(cell).trim()).join('\t');
  return children.map((child) => (BLOCKS.has(child.type ?? '') ? `${textOf(child)}\n` : textOf(child))).join('');
}

export function toPlainText(doc: DocNode): string {
  return textOf(doc)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}
