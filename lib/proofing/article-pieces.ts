// The pieces of a story the check reads: its one-line and summary fields, and the body block by block
// (a paragraph, heading, list item or table cell; a hit never runs from one block into the next, as
// the editor underlines within a block), each block with the ranges marked 引语 (exempt.ts). Pure,
// shared by the server check and the editor.
import { ARTICLE_FIELDS } from '../content/fields';
import { QUOTATION_MARK } from '../content/quotation-mark';
import type { DocNode } from '../content/types';
import type { TextRange } from './exempt';

export const CHECKED_FIELDS = ['kicker', 'headline', 'subheadline', 'summary'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

export type ArticlePiece = { field: CheckedField | 'body'; label: string; text: string; exempt: TextRange[] };

export type CheckedArticle = Partial<Record<CheckedField, string | null>> & { body: DocNode };

export type BlockText = { text: string; exempt: TextRange[] };

/**
 * A block's text as the editor holds it (text nodes joined, any other inline node one character) and
 * where its 引语 are.
 */
export function blockTexts(doc: DocNode): BlockText[] {
  const out: BlockText[] = [];
  const walk = (node: DocNode) => {
    const children = node.content ?? [];
    if (children.length && children.every((child) => child.type === 'text' || !child.content)) {
      let text = '';
      const exempt: TextRange[] = [];
      for (const child of children) {
        const piece = child.type === 'text' ? (child.text ?? '') : '\ufffc';
        if (child.marks?.some((mark) => mark.type === QUOTATION_MARK))
          exempt.push([text.length, text.length + piece.length]);
        text += piece;
      }
      out.push({ text, exempt });
      return;
    }
    for (const child of children) walk(child);
  };
  walk(doc);
  return out.filter((block) => block.text.trim() !== '');
}

export function articlePieces(story: CheckedArticle): ArticlePiece[] {
  const pieces: ArticlePiece[] = CHECKED_FIELDS.map((field) => ({
    field,
    label: ARTICLE_FIELDS[field].label,
    text: story[field] ?? '',
    exempt: [],
  }));
  for (const block of blockTexts(story.body))
    pieces.push({ field: 'body', label: ARTICLE_FIELDS.body.label, ...block });
  return pieces.filter((piece) => piece.text.trim() !== '');
}
