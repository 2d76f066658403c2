// Small constructors for Tiptap JSON, used by the sample issue, the importer and tests, so that a
// body is always built the way the editor would store it.
import type { Doc, DocNode } from './types';

export function doc(...content: DocNode[]): Doc {
  return { type: 'doc', content };
}

export function text(value: string): DocNode {
  return { type: 'text', text: value };
}

export function paragraph(value = ''): DocNode {
  return value ? { type: 'paragraph', content: [text(value)] } : { type: 'paragraph' };
}

/** A subheading (小标题) inside a story. Level 2: the story's headline is the page's h1. */
export function heading(value: string, level: 2 | 3 = 2): DocNode {
  return { type: 'heading', attrs: { level }, content: [text(value)] };
}

/** A table whose first row is a header row when `headerRow` is true (the default). */
export function table(rows: string[][], { headerRow = true } = {}): DocNode {
  return {
    type: 'table',
    content: rows.map((cells, rowIndex) => ({
      type: 'tableRow',
      content: cells.map((cell) => ({
        type: headerRow && rowIndex === 0 ? 'tableHeader' : 'tableCell',
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [paragraph(cell)],
      })),
    })),
  };
}
